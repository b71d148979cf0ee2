package plaid

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFieldError_Error(t *testing.T) {
	tests := []struct {
		err  *FieldError
		want string
	}{
		{&FieldError{Path: "sessions[2].session_start_time", Err: errors.New("bad")}, "plaid: sessions[2].session_start_time: bad"},
		{&FieldError{Err: errors.New("bad")}, "plaid: bad"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.err.Error())
		assert.Equal(t, tt.err.Err, errors.Unwrap(tt.err))
	}
}

// sessionsWith returns a response whose third session is s.
func sessionsWith(s string) string {
	return `{"request_id":"r","sessions":[{},{"link_session_id":"x"},` + s + `]}`
}

func TestCreditSessionsGetResponse_UnmarshalJSON_errors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		path string
		want string // the problem, after the path
	}{
		{name: "string for int", in: sessionsWith(`{"results":{"payroll_income_results":[{"num_w2s_retrieved":"3"}]}}`),
			path: "sessions[2].results.payroll_income_results[0].num_w2s_retrieved", want: `cannot unmarshal string "3" into int`},
		{name: "fraction for int", in: sessionsWith(`{"results":{"payroll_income_results":[{},{"num_paystubs_retrieved":1.5}]}}`),
			path: "sessions[2].results.payroll_income_results[1].num_paystubs_retrieved", want: `cannot unmarshal number 1.5 into int: not an integer`},
		{name: "exponent for int", in: sessionsWith(`{"results":{"document_income_results":{"num_w2s_uploaded":1e400}}}`),
			path: "sessions[2].results.document_income_results.num_w2s_uploaded", want: `cannot unmarshal number 1e400 into int: not an integer`},
		{name: "int overflow", in: sessionsWith(`{"results":{"payroll_income_results":[{"num_w2s_retrieved":9223372036854775808}]}}`),
			path: "sessions[2].results.payroll_income_results[0].num_w2s_retrieved", want: `cannot unmarshal number 9223372036854775808 into int: out of range`},
		{name: "int underflow", in: sessionsWith(`{"results":{"payroll_income_results":[{"num_w2s_retrieved":-99999999999999999999}]}}`),
			path: "sessions[2].results.payroll_income_results[0].num_w2s_retrieved", want: `cannot unmarshal number -99999999999999999999 into int: out of range`},
		{name: "object for array", in: `{"request_id":"r","sessions":{"a":1}}`,
			path: "sessions", want: `cannot unmarshal object "{\"a\":1}" into []CreditSession`},
		{name: "array for object", in: sessionsWith(`{"results":[]}`),
			path: "sessions[2].results", want: `cannot unmarshal array "[]" into CreditSessionResults`},
		{name: "boolean for string", in: sessionsWith(`{"link_session_id":true}`),
			path: "sessions[2].link_session_id", want: `cannot unmarshal boolean true into string`},
		{name: "number for enum", in: sessionsWith(`{"results":{"bank_employment_results":[{"status":1}]}}`),
			path: "sessions[2].results.bank_employment_results[0].status", want: `cannot unmarshal number 1 into CreditSessionBankEmploymentStatus`},
		{name: "null element", in: `{"request_id":"r","sessions":[{},null]}`,
			path: "sessions[1]", want: `cannot unmarshal null into CreditSession`},
		{name: "array for response", in: `[{"request_id":"r"}]`,
			path: "", want: `cannot unmarshal array "[{\"request_id\":\"r\"}]" into CreditSessionsGetResponse`},
		{name: "long value is cut", in: `{"request_id":["` + strings.Repeat("x", 100) + `"]}`,
			path: "request_id", want: `cannot unmarshal array "[\"` + strings.Repeat("x", 62) + `"... into string`},
		{name: "bad date", in: sessionsWith(`{"session_start_time":"2023-02-29T10:00:00Z"}`),
			path: "sessions[2].session_start_time", want: `cannot parse "2023-02-29T10:00:00Z" as Date: day out of range; want ` + dateForms},
		{name: "empty date", in: sessionsWith(`{"session_start_time":""}`),
			path: "sessions[2].session_start_time", want: `cannot parse "" as Date: not a date; want ` + dateForms},
		{name: "number for date", in: sessionsWith(`{"session_start_time":1664581230}`),
			path: "sessions[2].session_start_time", want: `cannot unmarshal number 1664581230 into Date`},
		{name: "missing request_id", in: `{"sessions":[]}`, path: "request_id", want: "missing required member"},
		{name: "null request_id", in: `{"request_id":null}`, path: "request_id", want: "missing required member"},
		{name: "missing count", in: sessionsWith(`{"results":{"document_income_results":{"num_paystubs_uploaded":1,"num_w2s_uploaded":1,"num_bank_statements_uploaded":1}}}`),
			path: "sessions[2].results.document_income_results.num_1099s_uploaded", want: "missing required member"},
		{name: "null count", in: sessionsWith(`{"results":{"document_income_results":{"num_paystubs_uploaded":null,"num_w2s_uploaded":1,"num_bank_statements_uploaded":1,"num_1099s_uploaded":1}}}`),
			path: "sessions[2].results.document_income_results.num_paystubs_uploaded", want: "missing required member"},
		{name: "duplicate name", in: `{"request_id":"a","request_id":"b"}`, path: "request_id", want: "duplicate member name"},
		{name: "duplicate after null", in: sessionsWith(`{"link_session_id":null,"link_session_id":"b"}`), path: "sessions[2].link_session_id", want: "duplicate member name"},
		{name: "duplicate by escape", in: `{"request_id":"a","request\u005fid":"b"}`, path: "request_id", want: "duplicate member name"},
		{name: "duplicate unknown", in: sessionsWith(`{"new":1,"new":2}`), path: "sessions[2].new", want: "duplicate member name"},
		{name: "duplicate inside unknown", in: sessionsWith(`{"new":[{"a":1,"b":2,"a":3}]}`), path: "sessions[2].new[0].a", want: "duplicate member name"},
		{name: "duplicate by escape inside unknown", in: sessionsWith(`{"new":{"\u0061":1,"b":{"\u0063":2},"a":3}}`), path: "sessions[2].new.a", want: "duplicate member name"},
		{name: "duplicate past eight inside unknown", in: sessionsWith(`{"new":{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"a":10}}`), path: "sessions[2].new.a", want: "duplicate member name"},
		{name: "duplicate past eight, added last", in: sessionsWith(`{"new":{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10,"j":11}}`), path: "sessions[2].new.j", want: "duplicate member name"},
		{name: "odd unknown name in path", in: sessionsWith(`{"a b":{"c":1,"c":2}}`), path: `sessions[2]["a b"].c`, want: "duplicate member name"},
		{name: "invalid UTF-8 in known", in: sessionsWith("{\"link_session_id\":\"ab\xffcd\"}"), path: "sessions[2].link_session_id", want: `invalid UTF-8 in string "ab\xffcd"`},
		{name: "invalid UTF-8 in unknown", in: sessionsWith("{\"new\":[\"\xc3\"]}"), path: "sessions[2].new[0]", want: `invalid UTF-8 in string "\xc3"`},
		{name: "invalid UTF-8 after escape", in: sessionsWith("{\"link_session_id\":\"\\n\xed\xa0\x80\"}"), path: "sessions[2].link_session_id", want: `invalid UTF-8 in string "\\n\xed\xa0\x80"`},
		{name: "lone surrogate", in: sessionsWith(`{"link_session_id":"\ud800x"}`), path: "sessions[2].link_session_id", want: `invalid surrogate escape \ud800 in string`},
		{name: "reversed surrogates", in: sessionsWith(`{"link_session_id":"\udc00\ud800"}`), path: "sessions[2].link_session_id", want: `invalid surrogate escape \udc00 in string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var direct CreditSessionsGetResponse
			assertFieldError(t, direct.UnmarshalJSON([]byte(tt.in)), tt.path, tt.want)
			assert.Equal(t, CreditSessionsGetResponse{}, direct, "a failed UnmarshalJSON leaves the value unchanged")

			var viaJSON CreditSessionsGetResponse
			assertFieldError(t, json.Unmarshal([]byte(tt.in), &viaJSON), tt.path, tt.want)
		})
	}
}

func assertFieldError(t *testing.T, err error, path, want string) {
	t.Helper()
	var fe *FieldError
	require.True(t, errors.As(err, &fe), "got %v (%T), want a *FieldError", err, err)
	assert.Equal(t, path, fe.Path)
	prefix := "plaid: " + path + ": "
	if path == "" {
		prefix = "plaid: "
	}
	assert.Equal(t, prefix+want, fe.Error())
}

func TestCreditSessionsGetResponse_UnmarshalJSON_syntaxErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		path string // where a direct call says it went wrong
		want string
	}{
		{name: "empty", in: ``, path: "", want: "unexpected end of JSON input"},
		{name: "truncated", in: `{"request_id":"r"`, path: "", want: "unexpected end of JSON input"},
		{name: "truncated string", in: `{"request_id":"r`, path: "request_id", want: "unexpected end of JSON input"},
		{name: "trailing comma", in: sessionsWith(`{"link_session_id":"x",}`), path: "sessions[2]", want: "invalid character '}' looking for beginning of object key string at offset 80"},
		{name: "missing comma", in: sessionsWith(`{"results":{"item_add_results":[{"item_id":"x" "y":1}]}}`), path: "sessions[2].results.item_add_results[0]", want: "invalid character '\"' after object key:value pair at offset 104"},
		{name: "truncated name", in: `{"request_id`, path: "", want: "unexpected end of JSON input"},
		{name: "truncated after name", in: `{"request_id"`, path: "", want: "unexpected end of JSON input"},
		{name: "truncated after a name that starts like a known one", in: `{"request_idx`, path: "", want: "unexpected end of JSON input"},
		{name: "missing colon", in: `{"request_id" "r"}`, path: "", want: "invalid character '\"' after object key at offset 14"},
		{name: "bad literal in unknown", in: `{"request_id":"r","x":[nul]}`, path: "x[0]", want: "invalid character 'n' looking for beginning of value at offset 23"},
		{name: "leading zero", in: `{"request_id":"r","x":01}`, path: "", want: "invalid character '1' after object key:value pair at offset 23"},
		{name: "bare minus", in: sessionsWith(`{"results":{"payroll_income_results":[{"num_w2s_retrieved":-}]}}`), path: "sessions[2].results.payroll_income_results[0].num_w2s_retrieved", want: "invalid character '}' in numeric literal at offset 117"},
		{name: "control character", in: "{\"request_id\":\"a\tb\"}", path: "request_id", want: "invalid character '\\t' in string literal at offset 16"},
		{name: "bad escape", in: `{"request_id":"a\qb"}`, path: "request_id", want: "invalid character 'q' in string escape code at offset 17"},
		{name: "second value", in: `{"request_id":"r"} {}`, path: "", want: "invalid character '{' after top-level value at offset 19"},
		{name: "unclosed array", in: `{"request_id":"r","x":[1,2}`, path: "x", want: "invalid character '}' after array element at offset 26"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var direct CreditSessionsGetResponse
			assertFieldError(t, direct.UnmarshalJSON([]byte(tt.in)), tt.path, tt.want)

			var viaJSON CreditSessionsGetResponse
			var syntax *json.SyntaxError
			err := json.Unmarshal([]byte(tt.in), &viaJSON)
			assert.True(t, errors.As(err, &syntax), "json.Unmarshal: got %v (%T), want a *json.SyntaxError", err, err)
		})
	}
}
