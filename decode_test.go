package plaid

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSlabs decodes documents long enough for their objects to come from
// slabs, and holds them against the same values decoded one by one from
// short documents, which allocate each object by itself.
func TestSlabs(t *testing.T) {
	cause := func(name string, causes ...string) string {
		return fmt.Sprintf(`{"error_type":"ITEM_ERROR","error_code":"C","error_message":%q,"item_id":"item-%s","causes":[%s]}`,
			name, name, strings.Join(causes, ","))
	}
	errorBody := fmt.Sprintf(`{"error_type":"ITEM_ERROR","error_code":"X","error_message":%q,"causes":[%s]}`,
		strings.Repeat("m", minSlabbed), strings.Join([]string{cause("a", cause("a1"), cause("a2", cause("a2i"))), cause("b", cause("b1")), cause("c")}, ","))
	tests := []struct {
		name string
		in   string
		// parts returns the short documents the value is made of, and
		// puts the value back together from them decoded.
		parts    func(v any) []string
		assemble func(parts []any) any
		newValue func() any
		newPart  func() any
	}{
		{name: "a response", in: string(benchResponse(40)),
			newValue: func() any { return new(CreditSessionsGetResponse) },
			newPart:  func() any { return new(CreditSession) },
			parts: func(v any) []string {
				var parts []string
				for _, s := range v.(*CreditSessionsGetResponse).Sessions {
					b, err := json.Marshal(s)
					require.NoError(t, err)
					parts = append(parts, string(b))
				}
				return parts
			},
			assemble: func(parts []any) any {
				r := &CreditSessionsGetResponse{RequestID: "Ay5Xw9Kz3PqR8tM", Sessions: []CreditSession{}}
				for _, p := range parts {
					r.Sessions = append(r.Sessions, *p.(*CreditSession))
				}
				return r
			}},
		{name: "an error with causes of causes", in: errorBody,
			newValue: func() any { return new(Error) },
			newPart:  func() any { return new(Error) },
			parts: func(any) []string {
				return []string{strings.Replace(errorBody, strings.Repeat("m", minSlabbed), "m", 1)}
			},
			assemble: func(parts []any) any {
				e := parts[0].(*Error)
				e.ErrorMessage = strings.Repeat("m", minSlabbed)
				return e
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.GreaterOrEqual(t, len(tt.in), minSlabbed)
			got := tt.newValue()
			require.NoError(t, json.Unmarshal([]byte(tt.in), got))
			var parts []any
			for _, part := range tt.parts(got) {
				require.Less(t, len(part), minSlabbed)
				v := tt.newPart()
				require.NoError(t, json.Unmarshal([]byte(part), v))
				parts = append(parts, v)
			}
			assert.Equal(t, tt.assemble(parts), got)
			assertFullSlices(t, reflect.ValueOf(got), "")
		})
	}
}

// assertFullSlices checks that every slice below v, the values of Extra
// included, is as long as its capacity, so that an append to one cannot
// write over another's elements.
func assertFullSlices(t *testing.T, v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			assertFullSlices(t, v.Elem(), path)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			assertFullSlices(t, v.Field(i), path+"."+v.Type().Field(i).Name)
		}
	case reflect.Slice:
		assert.Equal(t, v.Len(), v.Cap(), "len and cap of %s", path)
		for i := range v.Len() {
			assertFullSlices(t, v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map:
		for iter := v.MapRange(); iter.Next(); {
			assertFullSlices(t, iter.Value(), fmt.Sprintf("%s[%q]", path, iter.Key()))
		}
	}
}

// TestDecoderInt reads counts of every length and form, through the short
// path of smallInt and the general one, and checks where reading stopped.
func TestDecoderInt(t *testing.T) {
	tests := []struct {
		in      string
		want    int64  // or, where an int has 32 bits and want does not fit, an error
		rest    string // what is left after the number
		wantErr string
	}{
		{in: "0", want: 0},
		{in: "7,", want: 7, rest: ","},
		{in: "123}", want: 123, rest: "}"},
		{in: "42 ", want: 42, rest: " "},
		{in: "-12]", want: -12, rest: "]"},
		{in: "-0", want: 0},
		{in: "01", want: 0, rest: "1"}, // the 1 is a syntax error for the caller
		{in: "999999999", want: 999999999},
		{in: "2147483647", want: 2147483647},
		{in: "2147483648", want: 2147483648},
		{in: "-2147483648", want: -2147483648},
		{in: "-2147483649", want: -2147483649},
		{in: "999999999999999999", want: 999999999999999999},
		{in: "1000000000000000000,", want: 1000000000000000000, rest: ","},
		{in: "9223372036854775807", want: 9223372036854775807},
		{in: "-9223372036854775808", want: -9223372036854775808},
		{in: "9223372036854775808", wantErr: "plaid: cannot unmarshal number 9223372036854775808 into int: out of range"},
		{in: "1.5", wantErr: "plaid: cannot unmarshal number 1.5 into int: not an integer"},
		{in: "1e3", wantErr: "plaid: cannot unmarshal number 1e3 into int: not an integer"},
		{in: "1E3", wantErr: "plaid: cannot unmarshal number 1E3 into int: not an integer"},
		{in: "1.", wantErr: "plaid: unexpected end of JSON input"},
		{in: "-", wantErr: "plaid: unexpected end of JSON input"},
		{in: `"1"`, wantErr: "plaid: cannot unmarshal string \"1\" into int"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := decoder{data: []byte(tt.in)}
			n, err := d.int()
			if tt.wantErr == "" && int64(int(tt.want)) != tt.want {
				tt.wantErr = fmt.Sprintf("plaid: cannot unmarshal number %s into int: out of range", strings.TrimRight(tt.in, ", }]"))
			}
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, int64(n))
			assert.Equal(t, tt.rest, string(d.data[d.pos:]))
		})
	}
}

// TestRepeatedStrings decodes a document in which values repeat, and
// checks that each string is what the input holds, and that a value equal
// to the last of its kind is that string again where the kind repeats, and
// a copy of its own where it does not.
func TestRepeatedStrings(t *testing.T) {
	messages := []string{"x", "x", `\u00e9\"`, `\u00e9\"`, "x", "", "", "y"}
	var b strings.Builder
	b.WriteString(`{"sessions":[`)
	for i := 0; b.Len() < 2*minSlabbed; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"link_session_id":"same","results":{"item_add_results":[{"public_token":"same","item_id":"item-%d","institution_id":"ins_%d"}],`+
			`"bank_income_results":[{"status":"APPROVED","item_id":"item-%d","institution_id":"ins_%d"}],"payroll_income_results":[{"institution_id":"ins_%d"}]},`+
			`"errors":[{"error_code":"C","error_message":"%s"}]}`, i/2, i/3, i/2, i/3, i/3, messages[i%len(messages)])
	}
	b.WriteString(`],"request_id":"r"}`)
	var v CreditSessionsGetResponse
	require.NoError(t, v.UnmarshalJSON([]byte(b.String())))
	var naive naiveResponse
	require.NoError(t, json.Unmarshal([]byte(b.String()), &naive))

	// Each kind's strings in the order of the document, ours and naive's.
	type strs = func(r *CreditSessionsGetResponse, n *naiveResponse) (ours, want []string)
	each := func(f func(s *CreditSession, n *naiveSession) []*string) strs {
		return func(r *CreditSessionsGetResponse, n *naiveResponse) (ours, want []string) {
			for i := range r.Sessions {
				ps := f(&r.Sessions[i], &n.Sessions[i])
				for j := 0; j < len(ps); j += 2 {
					ours, want = append(ours, *ps[j]), append(want, *ps[j+1])
				}
			}
			return ours, want
		}
	}
	tests := []struct {
		kind    string
		strings strs
		shared  bool
	}{
		{"link_session_id", each(func(s *CreditSession, n *naiveSession) []*string {
			return []*string{s.LinkSessionID, n.LinkSessionID}
		}), false},
		{"public_token", each(func(s *CreditSession, n *naiveSession) []*string {
			return []*string{s.Results.ItemAddResults[0].PublicToken, n.Results.ItemAddResults[0].PublicToken}
		}), false},
		{"item_id", each(func(s *CreditSession, n *naiveSession) []*string {
			return []*string{s.Results.ItemAddResults[0].ItemID, n.Results.ItemAddResults[0].ItemID,
				s.Results.BankIncomeResults[0].ItemID, n.Results.BankIncomeResults[0].ItemID}
		}), true},
		{"institution_id", each(func(s *CreditSession, n *naiveSession) []*string {
			return []*string{s.Results.ItemAddResults[0].InstitutionID, n.Results.ItemAddResults[0].InstitutionID,
				s.Results.BankIncomeResults[0].InstitutionID, n.Results.BankIncomeResults[0].InstitutionID,
				s.Results.PayrollIncomeResults[0].InstitutionID, n.Results.PayrollIncomeResults[0].InstitutionID}
		}), true},
		{"CreditSessionBankIncomeStatus", each(func(s *CreditSession, n *naiveSession) []*string {
			return []*string{(*string)(s.Results.BankIncomeResults[0].Status), n.Results.BankIncomeResults[0].Status}
		}), true},
		{"error_code", each(func(s *CreditSession, n *naiveSession) []*string {
			return []*string{s.Errors[0].ErrorCode, n.Errors[0].ErrorCode}
		}), true},
		{"error_message", each(func(s *CreditSession, n *naiveSession) []*string {
			return []*string{s.Errors[0].ErrorMessage, n.Errors[0].ErrorMessage}
		}), true},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			assert.Equal(t, tt.shared, repeatSlot(tt.kind) >= 0, "repeatSlot(%q)", tt.kind)
			ours, want := tt.strings(&v, &naive)
			require.Equal(t, want, ours)
			var repeats int
			for i := 1; i < len(ours); i++ {
				if ours[i] != ours[i-1] || ours[i] == "" {
					continue
				}
				repeats++
				if same := reflect.ValueOf(ours[i]).Pointer() == reflect.ValueOf(ours[i-1]).Pointer(); same != tt.shared {
					t.Fatalf("%s %d, %q, shares the bytes of the one before: %v, want %v", tt.kind, i, ours[i], same, tt.shared)
				}
			}
			assert.Greater(t, repeats, 10, "values repeated")
		})
	}
}

// TestRepeatedStringsTakeNoText checks that a string handed out again, as
// the last of its kind, takes no room in the text: after the last new
// string of a session (its institution_id) come only repeated ones, so the
// next session's link_session_id follows it in the text, unless the
// session's unknown members, whose names are text too, lie between.
func TestRepeatedStringsTakeNoText(t *testing.T) {
	var v CreditSessionsGetResponse
	require.NoError(t, v.UnmarshalJSON(benchResponse(20)))
	var next, apart int
	for i := 1; i+1 < len(v.Sessions); i++ {
		if v.Sessions[i].Extra != nil {
			continue
		}
		last := *v.Sessions[i].Results.ItemAddResults[0].InstitutionID
		if stringAddr(last)+uintptr(len(last)) == stringAddr(*v.Sessions[i+1].LinkSessionID) {
			next++
		} else {
			apart++
		}
	}
	assert.LessOrEqual(t, apart, 1, "sessions whose repeated strings took text (%d did not), or where a block of text ended", next)
}

// TestRepeatedStringsAfterEscapes checks the comparison of a string with
// the last of its kind before it is read (again) where the last one had
// escapes: its bytes followed by a quote may then spell something else in
// the input, valid or not. Each document is decoded whole, long enough to
// repeat strings, and one session at a time, read in every way readers
// has, and held against encoding/json: the same error_message, or an error
// where it has one.
func TestRepeatedStringsAfterEscapes(t *testing.T) {
	tests := []struct{ name, first, second string }{
		{"a quote, then the same bytes unescaped", `"a\"b"`, `"a"b"`},
		{"a backslash, then an escaped quote", `"a\\"`, `"a\""`},
		{"a control character, then the same byte raw", `"a\nb"`, "\"a\nb\""},
		{"a tab, then the same byte raw", `"a\tb"`, "\"a\tb\""},
		{"a quote, then the same string", `"a\"b"`, `"a\"b"`},
		{"an escape of a plain byte, then the byte", `"\u0061b"`, `"ab"`},
		{"a plain string, then the same", `"ab"`, `"ab"`},
		{"a plain string, then one longer", `"ab"`, `"abc"`},
		{"a plain string, then a prefix of it", `"abc"`, `"ab"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			session := func(msg string) string {
				return `{"link_session_id":"s","errors":[{"error_type":"ITEM_ERROR","error_message":` + msg + `}]}`
			}
			in := []byte(`{"sessions":[` + session(tt.first) + `,` + session(tt.second) + `],"request_id":"` +
				strings.Repeat("r", minSlabbed) + `"}`)
			var naive naiveResponse
			wantErr := json.Unmarshal(in, &naive)

			var v CreditSessionsGetResponse
			err := v.UnmarshalJSON(in)
			read := map[string][]string{}
			for how, r := range readers(string(in)) {
				for s, err := range NewSessionReader(r).All() {
					if err != nil {
						read[how] = append(read[how], "error")
						break
					}
					read[how] = append(read[how], *s.Errors[0].ErrorMessage)
				}
			}
			if wantErr != nil {
				assert.Error(t, err, "UnmarshalJSON")
				for how, got := range read {
					assert.Contains(t, got, "error", "SessionReader, %s", how)
				}
				return
			}
			require.NoError(t, err)
			want := []string{*naive.Sessions[0].Errors[0].ErrorMessage, *naive.Sessions[1].Errors[0].ErrorMessage}
			assert.Equal(t, want, []string{*v.Sessions[0].Errors[0].ErrorMessage, *v.Sessions[1].Errors[0].ErrorMessage}, "UnmarshalJSON")
			for how, got := range read {
				assert.Equal(t, want, got, "SessionReader, %s", how)
			}
		})
	}
}

// TestRoom decodes short responses, which start in the room of one
// allocation, with more sessions, strings, text and unknown members than
// the room holds, and holds each against the same document decoded with
// slabs, made long enough by white space, and against its sessions
// decoded one by one, as they are and with slabs.
func TestRoom(t *testing.T) {
	long := strings.Repeat("long message ", 60) // more text than the room has
	tests := []struct {
		name string
		in   []byte
	}{
		{"one session", benchResponse(1)},
		{"the room's sessions", benchResponse(roomSessions)},
		{"more sessions than the room holds", benchResponse(5)},
		{"more text than the room holds", bytes.ReplaceAll(benchResponse(3), []byte("the login details"), []byte(long))},
		{"no sessions", []byte(`{"sessions":[],"request_id":"` + strings.Repeat("r", minRoom) + `"}`)},
		// Strings that roomString leaves to stringBytes: escapes, bytes
		// that are not ASCII, and bytes that the encoder escapes.
		{"strings not copied as they are scanned", bytes.ReplaceAll(benchResponse(roomSessions), []byte("the login details"), []byte(`<b>the</b> \"login\" d\u00e9tails & détails`))},
	}
	// Text that ends on either side of the end of the room's text, and
	// of the 16 bytes that roomString must have to spare.
	for n := 0; n <= 48; n++ {
		msg := []byte(strings.Repeat("x", len("the login details")+n))
		tests = append(tests, struct {
			name string
			in   []byte
		}{fmt.Sprintf("text %d bytes longer", 2*n), bytes.ReplaceAll(benchResponse(roomSessions), []byte("the login details"), msg)})
	}
	pad := func(b []byte) []byte { return append(bytes.Clone(b), bytes.Repeat([]byte{' '}, minSlabbed)...) }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.GreaterOrEqual(t, len(tt.in), minRoom)
			require.Less(t, len(tt.in), minSlabbed)
			var got, slabbed CreditSessionsGetResponse
			require.NoError(t, got.UnmarshalJSON(tt.in))
			require.NoError(t, slabbed.UnmarshalJSON(pad(tt.in)))
			assert.Equal(t, slabbed, got)
			assertFullSlices(t, reflect.ValueOf(got), "")
			for i, s := range got.Sessions {
				b, err := s.MarshalJSON()
				require.NoError(t, err)
				require.GreaterOrEqual(t, len(b), minRoom)
				var alone, aloneSlabbed CreditSession
				require.NoError(t, alone.UnmarshalJSON(b))
				require.NoError(t, aloneSlabbed.UnmarshalJSON(pad(b)))
				assert.Equal(t, s, alone, "session %d", i)
				assert.Equal(t, s, aloneSlabbed, "session %d with slabs", i)
				assertFullSlices(t, reflect.ValueOf(alone), fmt.Sprintf("session %d", i))
			}
		})
	}
}

// TestUnmarshalJSON_allocs checks how often UnmarshalJSON allocates: a
// short response once (its room, which holds its decoder) and twice more
// for each object with unknown members; the large one at most a quarter
// as often as encoding/json into plain structs.
func TestUnmarshalJSON_allocs(t *testing.T) {
	small := benchResponse(roomSessions)
	known := bytes.ReplaceAll(small, []byte(benchUnknown), nil)
	large := benchResponse(1000)
	naive := testing.AllocsPerRun(5, func() { var v naiveResponse; _ = json.Unmarshal(large, &v) })
	short := 1.0
	if puregoEnabled {
		short++ // a block of text
	}
	tests := []struct {
		name string
		in   []byte
		max  float64
	}{
		{"a short response", known, short},
		{"a short response with unknown members", small, short + 2}, // a map is two allocations
		{"the large response", large, naive / 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.LessOrEqual(t, unmarshalAllocs(t, tt.in), tt.max)
		})
	}
}

// TestUnmarshalJSON_enumAllocs checks that the enum members of a long
// document take their pointers from blocks, in both builds: the large
// response allocates about as often as the same response without them,
// not once more for each of its 2,000 enum values.
func TestUnmarshalJSON_enumAllocs(t *testing.T) {
	with := benchResponse(1000)
	without := with
	for _, member := range []string{`"status":"APPROVED",`, `"status":"NO_EMPLOYERS_FOUND",`} {
		require.Equal(t, 1000, bytes.Count(without, []byte(member)))
		without = bytes.ReplaceAll(without, []byte(member), nil)
	}
	assert.LessOrEqual(t, unmarshalAllocs(t, with)-unmarshalAllocs(t, without), 16.0) // a few blocks and slabs
}

// unmarshalAllocs returns how often UnmarshalJSON of data allocates, after
// checking that data decodes.
func unmarshalAllocs(t *testing.T, data []byte) float64 {
	var v CreditSessionsGetResponse
	require.NoError(t, v.UnmarshalJSON(data))
	return testing.AllocsPerRun(5, func() { _ = v.UnmarshalJSON(data) })
}

// TestKeepsNoInput checks that a decoded value does not keep its input
// alive: not through the room of a short response, which also holds its
// decoder, nor through the slabs of a longer one.
func TestKeepsNoInput(t *testing.T) {
	for _, sessions := range []int{roomSessions, 10} {
		t.Run(fmt.Sprint(sessions, " sessions"), func(t *testing.T) {
			data := bytes.Clone(benchResponse(sessions))
			freed := make(chan struct{})
			runtime.AddCleanup(&data[0], func(ch chan struct{}) { close(ch) }, freed)
			var v CreditSessionsGetResponse
			require.NoError(t, v.UnmarshalJSON(data))
			data = nil
			for range 10 {
				runtime.GC()
				select {
				case <-freed:
					runtime.KeepAlive(v)
					return
				case <-time.After(10 * time.Millisecond):
				}
			}
			t.Fatal("the input is still reachable from the decoded value")
		})
	}
}

// TestTextSize checks that a block of text, with the byte newBuffer adds,
// is an allocation of at most maxText, the largest that the runtime takes
// from its small-object caches, unless one string needs more.
func TestTextSize(t *testing.T) {
	tests := []struct {
		input, need, want int
	}{
		{input: 1 << 20, need: 10, want: maxText - 1},
		{input: 1 << 20, need: maxText + 5, want: maxText + 5},
		{input: 1000, need: 10, want: 1000/2 + 64},
	}
	for _, tt := range tests {
		d := decoder{data: make([]byte, tt.input)}
		assert.Equal(t, tt.want, d.textSize(tt.need), "textSize(%d) of an input of %d bytes", tt.need, tt.input)
	}
}
