package plaid

import (
	"encoding/json"
	"log/slog"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// maxIntText is the largest count an int holds, which a round trip keeps.
var maxIntText = strconv.Itoa(math.MaxInt)

func TestCreditSessionsGetResponse_UnmarshalJSON_roundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the compact output of MarshalJSON
	}{
		{name: "minimal", in: `{"request_id":"r"}`, want: `{"request_id":"r"}`},
		{name: "empty array stays", in: `{"request_id":"r","sessions":[]}`, want: `{"sessions":[],"request_id":"r"}`},
		{name: "null array goes", in: `{"sessions":null,"request_id":"r"}`, want: `{"request_id":"r"}`},
		{name: "known order, then Extra by name", in: `{"z":1,"request_id":"r","a":[2],"sessions":[{"errors":[],"link_session_id":"l"}]}`,
			want: `{"sessions":[{"link_session_id":"l","errors":[]}],"request_id":"r","a":[2],"z":1}`},
		{name: "white space", in: " \t\n{ \"request_id\" : \"r\" , \"x\" : { \"y\" : [ 1 , 2 ] } }\r\n", want: `{"request_id":"r","x":{"y":[1,2]}}`},
		{name: "unknown members at depth", in: `{"request_id":"r","sessions":[{"results":{"item_add_results":[{"item_id":"i","new":{"a":null}}],"new":[]},"new":"s"}]}`,
			want: `{"sessions":[{"results":{"item_add_results":[{"item_id":"i","new":{"a":null}}],"new":[]},"new":"s"}],"request_id":"r"}`},
		{name: "numbers keep their digits", in: `{"request_id":"r","n":[12345678901234567890,1.5e300,-0,0.10,1E+2]}`,
			want: `{"request_id":"r","n":[12345678901234567890,1.5e300,-0,0.10,1E+2]}`},
		{name: "unknown enum values", in: `{"request_id":"r","sessions":[{"results":{"bank_income_results":[{"status":"PENDING"}],"bank_employment_results":[{"status":"approved"}]}}]}`,
			want: `{"sessions":[{"results":{"bank_income_results":[{"status":"PENDING"}],"bank_employment_results":[{"status":"approved"}]}}],"request_id":"r"}`},
		{name: "nullable members", in: `{"request_id":"r","sessions":[{"results":{"document_income_results":null},"errors":[{"display_message":null}]}]}`,
			want: `{"sessions":[{"results":{},"errors":[{}]}],"request_id":"r"}`},
		{name: "escaped names match", in: `{"request\u005fid":"r","\u0073essions":[]}`, want: `{"sessions":[],"request_id":"r"}`},
		{name: "names that start like known ones", in: `{"request_idx":"x","request_i":"y","request_id":"r","sessions_":[]}`,
			want: `{"request_id":"r","request_i":"y","request_idx":"x","sessions_":[]}`},
		{name: "known members in reverse order", in: `{"request_id":"r","sessions":[{"errors":[{"display_message":"d","error_type":"t"}],"session_start_time":"2022-09-30","link_session_id":"l"}]}`,
			want: `{"sessions":[{"link_session_id":"l","session_start_time":"2022-09-30","errors":[{"error_type":"t","display_message":"d"}]}],"request_id":"r"}`},
		{name: "names match by case", in: `{"request_id":"r","Request_ID":"other","SESSIONS":[]}`, want: `{"request_id":"r","Request_ID":"other","SESSIONS":[]}`},
		{name: "dates keep their text", in: `{"request_id":"r","sessions":[{"session_start_time":"2022-09-30T23:40:30.000+00:00"},{"session_start_time":"2022-09-30"}]}`,
			want: `{"sessions":[{"session_start_time":"2022-09-30T23:40:30.000+00:00"},{"session_start_time":"2022-09-30"}],"request_id":"r"}`},
		{name: "strings escaped as encoding/json does", in: `{"request_id":"<a&b>\u2028\u00e9\"\\\/\b\f\n\r\t\u0000"}`,
			want: `{"request_id":"\u003ca\u0026b\u003e\u2028é\"\\/\b\f\n\r\t\u0000"}`},
		{name: "counts", in: `{"request_id":"r","sessions":[{"results":{"payroll_income_results":[{"num_paystubs_retrieved":-0,"num_w2s_retrieved":` + maxIntText + `}],"document_income_results":{"num_paystubs_uploaded":0,"num_w2s_uploaded":1,"num_bank_statements_uploaded":2,"num_1099s_uploaded":-3}}}]}`,
			want: `{"sessions":[{"results":{"payroll_income_results":[{"num_paystubs_retrieved":0,"num_w2s_retrieved":` + maxIntText + `}],"document_income_results":{"num_paystubs_uploaded":0,"num_w2s_uploaded":1,"num_bank_statements_uploaded":2,"num_1099s_uploaded":-3}}}],"request_id":"r"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var direct, viaJSON CreditSessionsGetResponse
			require.NoError(t, direct.UnmarshalJSON([]byte(tt.in)))
			require.NoError(t, json.Unmarshal([]byte(tt.in), &viaJSON))
			assert.Equal(t, direct, viaJSON, "UnmarshalJSON and json.Unmarshal decode alike")

			got, err := direct.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
			viaMarshal, err := json.Marshal(direct)
			require.NoError(t, err)
			assert.Equal(t, string(got), string(viaMarshal), "MarshalJSON and json.Marshal give the same bytes")
		})
	}
}

func TestCreditSessionsGetResponse_UnmarshalJSON_null(t *testing.T) {
	r := CreditSessionsGetResponse{RequestID: "kept"}
	require.NoError(t, r.UnmarshalJSON([]byte(" null ")))
	assert.Equal(t, "kept", r.RequestID, "null leaves the value unchanged")
	require.NoError(t, json.Unmarshal([]byte("null"), &r))
	assert.Equal(t, "kept", r.RequestID)
}

func TestCreditSessionsGetResponse_UnmarshalJSON_replaces(t *testing.T) {
	r := CreditSessionsGetResponse{RequestID: "old", Sessions: []CreditSession{{}}, Extra: map[string]json.RawMessage{"old": []byte("1")}}
	require.NoError(t, r.UnmarshalJSON([]byte(`{"request_id":"new"}`)))
	assert.Equal(t, CreditSessionsGetResponse{RequestID: "new"}, r, "UnmarshalJSON replaces the whole value")
}

func TestUnmarshalJSON_extraIsCopied(t *testing.T) {
	data := []byte(`{"request_id":"r","x":[1,2]}`)
	var r CreditSessionsGetResponse
	require.NoError(t, r.UnmarshalJSON(data))
	copy(data, `{"request_id":"q","x":[3,4]}`)
	assert.Equal(t, "r", r.RequestID)
	assert.Equal(t, `[1,2]`, string(r.Extra["x"]), "Extra does not alias the input, which the caller may reuse")
}

// wrapper is a caller's own type holding values of this package.
type wrapper struct {
	Session  CreditSession            `json:"session"`
	Sessions []CreditSession          `json:"sessions"`
	ByID     map[string]CreditSession `json:"by_id"`
	Ptr      *CreditSession           `json:"ptr"`
	Start    Date                     `json:"start"`
}

func TestMarshalJSON_valueReceivers(t *testing.T) {
	s := CreditSession{
		LinkSessionID:    Ptr("ls-1"),
		SessionStartTime: Ptr(MustParseDate("2022-09-30T23:40:30.946225Z")),
		Results: &CreditSessionResults{
			ItemAddResults:        []CreditSessionItemAddResult{{PublicToken: Ptr("public-1"), ItemID: Ptr("item-1")}},
			DocumentIncomeResults: &CreditSessionDocumentIncomeResult{NumW2sUploaded: 2},
		},
		Errors: []CreditSessionError{},
		Extra:  map[string]json.RawMessage{"new": json.RawMessage(`{"a": [1, 2]}`)},
	}
	const want = `{"link_session_id":"ls-1","session_start_time":"2022-09-30T23:40:30.946225Z",` +
		`"results":{"item_add_results":[{"public_token":"public-1","item_id":"item-1"}],` +
		`"document_income_results":{"num_paystubs_uploaded":0,"num_w2s_uploaded":2,"num_bank_statements_uploaded":0,"num_1099s_uploaded":0}},` +
		`"errors":[],"new":{"a":[1,2]}}`

	byValue, err := json.Marshal(s)
	require.NoError(t, err)
	byPointer, err := json.Marshal(&s)
	require.NoError(t, err)
	direct, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, want, string(byValue))
	assert.Equal(t, want, string(byPointer))
	assert.Equal(t, want, string(direct))

	w := wrapper{Session: s, Sessions: []CreditSession{s}, ByID: map[string]CreditSession{"a": s}, Ptr: &s, Start: *s.SessionStartTime}
	got, err := json.Marshal(w)
	require.NoError(t, err)
	assert.Equal(t, `{"session":`+want+`,"sessions":[`+want+`],"by_id":{"a":`+want+`},"ptr":`+want+`,"start":"2022-09-30T23:40:30.946225Z"}`, string(got))

	var back wrapper
	require.NoError(t, json.Unmarshal(got, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(got), string(again), "values nested in a caller's types round-trip")
}

func TestMarshalJSON_extraErrors(t *testing.T) {
	tests := []struct {
		name  string
		extra map[string]json.RawMessage
		want  string
	}{
		{name: "invalid JSON", extra: map[string]json.RawMessage{"bad": json.RawMessage(`{"a":}`)}, want: `plaid: bad.a: invalid character '}' looking for beginning of value at offset 5`},
		{name: "empty", extra: map[string]json.RawMessage{"empty": nil}, want: `plaid: empty: unexpected end of JSON input`},
		{name: "two values", extra: map[string]json.RawMessage{"two": json.RawMessage(`1 2`)}, want: `plaid: two: invalid character '2' after top-level value at offset 2`},
		{name: "known name", extra: map[string]json.RawMessage{"item_id": json.RawMessage(`"x"`)}, want: `plaid: item_id: member is known and cannot also be in Extra`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := CreditSessionItemAddResult{ItemID: Ptr("i"), Extra: tt.extra}
			_, err := r.MarshalJSON()
			assert.EqualError(t, err, tt.want)
			_, err = json.Marshal(CreditSessionResults{ItemAddResults: []CreditSessionItemAddResult{r}})
			assert.ErrorContains(t, err, "item_add_results[0].")
		})
	}
}

func TestMarshalJSON_invalidUTF8(t *testing.T) {
	r := CreditSessionsGetResponse{RequestID: "a\xffb"}
	got, err := r.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"request_id":"a\ufffdb"}`, string(got), "invalid UTF-8 set in code is replaced, as encoding/json does")
}

// anEnum is what every enum type of the package implements.
type anEnum interface {
	IsKnown() bool
	String() string
	LogValue() slog.Value
}

func TestEnums(t *testing.T) {
	tests := []struct {
		s    anEnum
		want bool
	}{
		{CreditSessionBankIncomeStatusApproved, true},
		{CreditSessionBankIncomeStatusNoDepositsFound, true},
		{CreditSessionBankIncomeStatusUserReportedNoIncome, true},
		{CreditSessionBankIncomeStatusStarted, true},
		{CreditSessionBankIncomeStatusInternalError, true},
		{CreditSessionBankIncomeStatus("NO_EMPLOYERS_FOUND"), false},
		{CreditSessionBankIncomeStatus("approved"), false},
		{CreditSessionBankIncomeStatus(""), false},
		{CreditSessionBankEmploymentStatusApproved, true},
		{CreditSessionBankEmploymentStatusNoEmployersFound, true},
		{CreditSessionBankEmploymentStatusEmployerNotListed, true},
		{CreditSessionBankEmploymentStatusStarted, true},
		{CreditSessionBankEmploymentStatusInternalError, true},
		{CreditSessionBankEmploymentStatus("NO_DEPOSITS_FOUND"), false},
		{CreditSessionBankEmploymentStatus("Started"), false},
		{CreditSessionBankEmploymentStatus(""), false},
		{ErrorTypeInvalidRequest, true}, {ErrorTypeInvalidResult, true}, {ErrorTypeInvalidInput, true},
		{ErrorTypeInstitutionError, true}, {ErrorTypeRateLimitExceeded, true}, {ErrorTypeAPIError, true},
		{ErrorTypeItemError, true}, {ErrorTypeAssetReportError, true}, {ErrorTypeBaseReportError, true},
		{ErrorTypeRecaptchaError, true}, {ErrorTypeOAuthError, true}, {ErrorTypePaymentError, true},
		{ErrorTypeBankTransferError, true}, {ErrorTypeIncomeVerificationError, true}, {ErrorTypeMicrodepositsError, true},
		{ErrorTypeSandboxError, true}, {ErrorTypePartnerError, true}, {ErrorTypeSignalError, true},
		{ErrorTypeTransactionsError, true}, {ErrorTypeTransactionError, true}, {ErrorTypeTransferError, true},
		{ErrorTypeCheckReportError, true}, {ErrorTypeConsumerReportError, true}, {ErrorTypeUserError, true},
		{ErrorType("ITEM_ERRORS"), false},
		{ErrorType("item_error"), false},
		{ErrorType(""), false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.s.IsKnown(), "%T(%q).IsKnown()", tt.s, tt.s)
		text := reflect.ValueOf(tt.s).String()
		assert.Equal(t, text, tt.s.String(), "%T(%q).String()", tt.s, tt.s)
		assert.Equal(t, slog.StringValue(text), tt.s.LogValue(), "%T(%q).LogValue()", tt.s, tt.s)
	}
}

// appendSafePrefixLen returns what appendSafePrefix returns, after
// checking that it appended what it counted and kept what was there,
// both to a buffer that must grow and to one with room to spare, which
// it may write past its end.
func appendSafePrefixLen(s string) int {
	b, n := appendSafePrefix([]byte("x"), s)
	roomy, m := appendSafePrefix(append(make([]byte, 0, len(s)+32), 'x'), s)
	if m != n || string(b) != "x"+s[:n] || string(roomy) != string(b) {
		return -1
	}
	return n
}

func TestPrefixScanners(t *testing.T) {
	tests := []struct {
		name   string
		prefix func(string) int
		keep   func(c byte) bool // whether the scanner passes over c
	}{
		{name: "appendSafePrefix", prefix: appendSafePrefixLen, keep: func(c byte) bool { return safe[c] }},
		{name: "escapedIndexWords", prefix: escapedIndexWords[string], keep: func(c byte) bool { return safe[c] }},
		{name: "escapedIndexWords of bytes", prefix: func(s string) int { return escapedIndexWords([]byte(s)) }, keep: func(c byte) bool { return safe[c] }},
		{name: "unplainIndex", prefix: func(s string) int { return unplainIndex([]byte(s)) }, keep: func(c byte) bool { return plain[c] }},
		{name: "unplainIndexWords", prefix: func(s string) int { return unplainIndexWords([]byte(s)) }, keep: func(c byte) bool { return plain[c] }},
	}
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123"
	for _, tt := range tests {
		// Every byte value at every position of strings shorter than,
		// as long as and longer than the eight or sixteen bytes tested
		// at once, up to three blocks of sixteen and a part, alone and
		// with a quote after it.
		for n := range len(letters) {
			for pos := range n {
				for c := range 256 {
					for _, later := range []bool{false, true} {
						b := []byte(letters[:n])
						b[pos] = byte(c)
						want := n
						if later && pos < n-1 {
							b[n-1], want = '"', n-1
						}
						if !tt.keep(byte(c)) {
							want = pos
						}
						if got := tt.prefix(string(b)); got != want {
							t.Errorf("%s(%q) = %d, want %d", tt.name, b, got, want)
						}
					}
				}
			}
		}
	}
}

func TestAppendString(t *testing.T) {
	// Every byte value at every position of strings on both sides of the
	// eight bytes copied at once, and the runes encoding/json treats
	// specially, alone and between plain bytes.
	var tests []string
	const letters = "abcdefghijklmnopqrst"
	for n := range len(letters) {
		for pos := range n {
			for c := range 256 {
				b := []byte(letters[:n])
				b[pos] = byte(c)
				tests = append(tests, string(b))
			}
		}
	}
	for _, r := range []string{"é", "日本", "\u2028", "\u2029", "\U0001F600", "\xe2\x80", "\xed\xa0\x80", "\xff\xfe", "<a&b>"} {
		tests = append(tests, r, "abcdefghij"+r, r+"abcdefghij", "abc"+r+"defghijklm"+r)
	}
	for _, s := range tests {
		checkAppendString(t, s)
	}
}

// checkAppendString checks that appendString quotes s as encoding/json
// does, whether the buffer must grow or has room, which it may write past
// its end.
func checkAppendString(t *testing.T, s string) {
	t.Helper()
	want := quoteLikeJSONv1(t, s)
	if got := appendString([]byte("x"), s); string(got) != "x"+want {
		t.Errorf("appendString(%q) = %s, want x%s", s, got, want)
	}
	roomy := append(make([]byte, 0, 8*len(s)+32), 'x')
	if got := appendString(roomy, s); string(got) != "x"+want {
		t.Errorf("appendString(%q) with room = %s, want x%s", s, got, want)
	}
}

// quoteLikeJSONv1 quotes s as encoding/json's v1 engine does: each byte
// that is not valid UTF-8 becomes \ufffd, where v2, which GOEXPERIMENT=jsonv2
// puts behind json.Marshal, writes U+FFFD itself. Valid runes are quoted by
// json.Marshal, which both engines agree on.
func quoteLikeJSONv1(t *testing.T, s string) string {
	t.Helper()
	var b strings.Builder
	b.WriteByte('"')
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && size == 1 {
			b.WriteString(`\ufffd`)
		} else {
			q, err := json.Marshal(s[:size])
			require.NoError(t, err)
			b.Write(q[1 : len(q)-1])
		}
		s = s[size:]
	}
	b.WriteByte('"')
	return b.String()
}
