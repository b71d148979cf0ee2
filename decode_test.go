package plaid

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

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
