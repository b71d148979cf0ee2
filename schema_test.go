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

func TestOffsetOf(t *testing.T) {
	typ := reflect.TypeFor[CreditSessionError]()
	tests := []struct {
		name  string
		field string
		p     func(*CreditSessionError) **string
	}{
		{name: "first field", field: "ErrorType", p: func(e *CreditSessionError) **string { return &e.ErrorType }},
		{name: "later field", field: "DisplayMessage", p: func(e *CreditSessionError) **string { return &e.DisplayMessage }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := typ.FieldByName(tt.field)
			require.True(t, ok)
			assert.Equal(t, f.Offset, spanOf(tt.p).offset)
			e := new(CreditSessionError)
			assert.Same(t, tt.p(e), offsetOf(tt.p).in(e), "offset.in gives the address the accessor gives")
		})
	}
}

// schemaTest is a struct to build broken schemas of.
type schemaTest struct {
	A     *string
	B     [2]*string
	C     *string
	Other map[string]json.RawMessage
	Extra map[string]json.RawMessage
}

var (
	outside       *string
	outsideLarge  [100]byte
	schemaTestA   = optString("a", func(s *schemaTest) **string { return &s.A })
	schemaTestExt = func(s *schemaTest) *map[string]json.RawMessage { return &s.Extra }
)

func TestNewSchema_panics(t *testing.T) {
	tests := []struct {
		name   string
		extra  func(*schemaTest) *map[string]json.RawMessage
		fields []field[schemaTest]
		want   string
	}{
		{name: "no extra", fields: []field[schemaTest]{schemaTestA},
			want: `plaid: schema of plaid.schemaTest: member "Extra": no accessor for Extra`},
		{name: "extra locates another map", extra: func(s *schemaTest) *map[string]json.RawMessage { return &s.Other },
			want: `plaid: schema of plaid.schemaTest: member "Extra": the accessor for Extra does not locate the field Extra`},
		{name: "a variable", extra: schemaTestExt,
			fields: []field[schemaTest]{optString("v", func(*schemaTest) **string { return &outside })},
			want:   `plaid: schema of plaid.schemaTest: member "v": the accessor returns an address outside the struct`},
		{name: "another value's field", extra: schemaTestExt,
			fields: []field[schemaTest]{optString("o", func(*schemaTest) **string { return &new(schemaTest).A })},
			want:   `plaid: schema of plaid.schemaTest: member "o": the accessor returns an address outside the struct`},
		{name: "a variable larger than the struct", extra: schemaTestExt,
			fields: []field[schemaTest]{{name: "large", span: spanOf(func(*schemaTest) *[100]byte { return &outsideLarge })}},
			want:   `plaid: schema of plaid.schemaTest: member "large": the accessor returns an address outside the struct`},
		{name: "inside a field", extra: schemaTestExt,
			fields: []field[schemaTest]{optString("b1", func(s *schemaTest) **string { return &s.B[1] })},
			want:   `plaid: schema of plaid.schemaTest: member "b1": the accessor does not return the address of a field of type *string`},
		{name: "a name twice", extra: schemaTestExt,
			fields: []field[schemaTest]{schemaTestA, optString("c", func(s *schemaTest) **string { return &s.C }), schemaTestA},
			want:   `plaid: schema of plaid.schemaTest: member "a": member name appears twice`},
		{name: "more members than the bitsets hold", extra: schemaTestExt, fields: manyFields(maxMembers + 1),
			want: `plaid: schema of plaid.schemaTest: 65 members, more than the 64 that decodeObject can track`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.PanicsWithValue(t, tt.want, func() { newSchema("schemaTest", tt.extra, tt.fields...) })
		})
	}
}

// manyFields returns n members, each called by its number, all of field A.
func manyFields(n int) []field[schemaTest] {
	fields := make([]field[schemaTest], n)
	for i := range fields {
		fields[i] = optString(fmt.Sprint("m", i), func(s *schemaTest) **string { return &s.A })
	}
	return fields
}

func TestNewSchema_mostMembers(t *testing.T) {
	s := newSchema("schemaTest", schemaTestExt, manyFields(maxMembers)...)
	schemas = schemas[:len(schemas)-1] // it is no schema of the package
	var b strings.Builder
	b.WriteString("{")
	for i := range maxMembers {
		fmt.Fprintf(&b, `"m%d":"v",`, i)
	}
	b.WriteString(`"x":1}`)
	var v schemaTest
	require.NoError(t, unmarshal([]byte(b.String()), &v, s))
	assert.Equal(t, "v", *v.A)
	assert.Equal(t, `1`, string(v.Extra["x"]))
	err := unmarshal([]byte(`{"m63":"v","m63":"w"}`), &v, s)
	assert.EqualError(t, err, "plaid: m63: duplicate member name", "the last member has its bit too")
}

// TestSchemas holds every schema of the package against its struct, so
// that a field without its schema line, a renamed json tag or a member in
// the wrong place fails here.
func TestSchemas(t *testing.T) {
	require.GreaterOrEqual(t, len(schemas), 10)
	for _, s := range schemas {
		info := s.info()
		t.Run(info.typ.Name(), func(t *testing.T) {
			var members []memberInfo
			for i := range info.typ.NumField() {
				f := info.typ.Field(i)
				if !f.IsExported() {
					continue
				}
				if f.Name == "Extra" {
					assert.Equal(t, span{f.Offset, f.Type}, info.extra, "the offset of Extra")
					continue
				}
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				require.NotEmpty(t, name, "field %s has no json tag", f.Name)
				kind := f.Type.Kind()
				members = append(members, memberInfo{name: name, span: span{f.Offset, f.Type},
					required: kind != reflect.Pointer && kind != reflect.Slice && kind != reflect.Map})
			}
			assert.Equal(t, members, info.members, "every exported field but Extra, in struct order, named by its json tag; pointers optional, scalars required")
		})
	}
}

// TestRepeating checks that each kind of string that repeating names is
// the name of a string member or an enum type of some schema: a name that
// matches none would quietly spare nothing.
func TestRepeating(t *testing.T) {
	kinds := map[string]bool{}
	for _, s := range schemas {
		for _, m := range s.info().members {
			typ := m.span.typ
			if typ.Kind() == reflect.Pointer {
				typ = typ.Elem()
			}
			if typ.Kind() == reflect.String {
				kinds[m.name] = true
				if typ != reflect.TypeFor[string]() {
					kinds[typ.Name()] = true // an enum type
				}
			}
		}
	}
	for _, kind := range repeating {
		assert.True(t, kinds[kind], "repeating names %q, which is neither a string member nor an enum type", kind)
	}
}
