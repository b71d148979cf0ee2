package plaid

import (
	"bytes"
	"database/sql"
	"database/sql/driver"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testSecret = "s3cr3t-0123456789abcdef"
	testToken  = "public-production-5c224a01-8314-4491-a06f"
)

// extra returns an Extra map with one unknown member.
func extra(name string) map[string]json.RawMessage {
	return map[string]json.RawMessage{name: json.RawMessage(`{"since":"2027"}`)}
}

// fullValues returns a value of every struct type of the package with
// every field set, credentials included, keyed by type name.
func fullValues() map[string]any {
	item := CreditSessionItemAddResult{PublicToken: Ptr(testToken), ItemID: Ptr("item-1"), InstitutionID: Ptr("ins_1"), Extra: extra("new_item")}
	income := CreditSessionBankIncomeResult{Status: Ptr(CreditSessionBankIncomeStatusApproved), ItemID: Ptr("item-1"), InstitutionID: Ptr("ins_1"), Extra: extra("new_income")}
	employment := CreditSessionBankEmploymentResult{Status: Ptr(CreditSessionBankEmploymentStatusStarted), ItemID: Ptr("item-2"), InstitutionID: Ptr("ins_2"), Extra: extra("new_employment")}
	payroll := CreditSessionPayrollIncomeResult{NumPaystubsRetrieved: Ptr(4), NumW2sRetrieved: Ptr(2), InstitutionID: Ptr("ins_3"), InstitutionName: Ptr("ADP"), Extra: extra("new_payroll")}
	document := CreditSessionDocumentIncomeResult{NumPaystubsUploaded: 1, NumW2sUploaded: 2, NumBankStatementsUploaded: 3, Num1099sUploaded: 4, Extra: extra("new_document")}
	results := CreditSessionResults{
		ItemAddResults: []CreditSessionItemAddResult{item}, BankIncomeResults: []CreditSessionBankIncomeResult{income},
		BankEmploymentResults: []CreditSessionBankEmploymentResult{employment}, PayrollIncomeResults: []CreditSessionPayrollIncomeResult{payroll},
		DocumentIncomeResults: &document, Extra: extra("new_results"),
	}
	sessionError := CreditSessionError{ErrorType: Ptr("ITEM_ERROR"), ErrorCode: Ptr("INVALID_CREDENTIALS"), ErrorMessage: Ptr("the credentials were not correct"),
		DisplayMessage: Ptr("Try again."), Extra: extra("new_error")}
	session := CreditSession{LinkSessionID: Ptr("ls-1"), SessionStartTime: Ptr(MustParseDate("2022-09-30T23:40:30.946225Z")),
		Results: &results, Errors: []CreditSessionError{sessionError}, Extra: extra("new_session")}
	cause := Error{ErrorType: ErrorTypeItemError, ErrorCode: "ITEM_LOGIN_REQUIRED", ErrorCodeReason: Ptr("OAUTH_CONSENT_EXPIRED"),
		ErrorMessage: "the login details of this item have changed", DisplayMessage: Ptr("Log in again."), RequestID: Ptr("Aim3b"),
		Causes: []Error{}, Status: Ptr(400), DocumentationURL: Ptr("https://plaid.com/docs/errors/item/"), SuggestedAction: Ptr("relink"),
		RequiredAccountSubtypes: []string{"checking"}, ProvidedAccountSubtypes: []string{}, ItemID: Ptr("item-1"), Extra: extra("new_cause")}
	plaidError := cause
	plaidError.Causes, plaidError.ItemID, plaidError.Extra = []Error{cause}, Ptr("item-0"), extra("new_error_body")
	return map[string]any{
		"Error":                             plaidError,
		"CreditSessionsGetRequest":          CreditSessionsGetRequest{ClientID: Ptr("client-1"), Secret: Ptr(testSecret), UserToken: "user-1", Extra: extra("new_request")},
		"CreditSessionsGetResponse":         CreditSessionsGetResponse{Sessions: []CreditSession{session}, RequestID: "req-1", Extra: extra("new_response")},
		"CreditSession":                     session,
		"CreditSessionResults":              results,
		"CreditSessionItemAddResult":        item,
		"CreditSessionBankIncomeResult":     income,
		"CreditSessionBankEmploymentResult": employment,
		"CreditSessionPayrollIncomeResult":  payroll,
		"CreditSessionDocumentIncomeResult": document,
		"CreditSessionError":                sessionError,
	}
}

// TestTypes runs every method of every struct type of the package, on a
// value with every field set, through a nil pointer and on the zero value.
func TestTypes(t *testing.T) {
	values := fullValues()
	require.Equal(t, len(schemas), len(values), "a value of every type that has a schema")
	for name, v := range values {
		t.Run(name, func(t *testing.T) {
			rv := reflect.ValueOf(v)
			ptr := reflect.New(rv.Type())
			ptr.Elem().Set(rv)
			for i := range rv.NumField() {
				require.False(t, rv.Field(i).IsZero(), "the test value sets %s.%s", name, rv.Type().Field(i).Name)
			}
			wire := checkMarshal(t, v, ptr.Interface())
			checkRedacted(t, v, ptr.Interface(), strings.Contains(wire, testSecret) || strings.Contains(wire, testToken))
			checkGetters(t, ptr)
			checkValidateZero(t, reflect.New(rv.Type()))
			checkUnknownMembers(t, ptr)
			checkClone(t, ptr)
			checkSQL(t, v, ptr.Interface())
			checkGob(t, v)
		})
	}
}

// checkMarshal checks that MarshalJSON, json.Marshal of the value and of a
// pointer to it give the same bytes, and that they decode to the value.
func checkMarshal(t *testing.T, v, ptr any) string {
	direct, err := v.(json.Marshaler).MarshalJSON()
	require.NoError(t, err)
	byValue, err := json.Marshal(v)
	require.NoError(t, err)
	byPointer, err := json.Marshal(ptr)
	require.NoError(t, err)
	assert.Equal(t, string(direct), string(byValue), "MarshalJSON and json.Marshal of the value")
	assert.Equal(t, string(direct), string(byPointer), "MarshalJSON and json.Marshal of a pointer")

	back := reflect.New(reflect.TypeOf(v))
	require.NoError(t, back.Interface().(json.Unmarshaler).UnmarshalJSON(direct))
	assert.Equal(t, v, back.Elem().Interface(), "UnmarshalJSON of MarshalJSON gives the value back")
	return string(direct)
}

// checkRedacted checks that no way of printing or logging v shows a
// credential, and that REDACTED shows where v holds one.
func checkRedacted(t *testing.T, v, ptr any, holdsCredential bool) {
	var logJSON, logText bytes.Buffer
	slog.New(slog.NewJSONHandler(&logJSON, nil)).Info("got", "value", v, "ptr", ptr)
	slog.New(slog.NewTextHandler(&logText, nil)).Info("got", "value", v, "ptr", ptr)
	outputs := map[string]string{
		"String": v.(fmt.Stringer).String(), "GoString": v.(fmt.GoStringer).GoString(),
		"Sprint": fmt.Sprint(v), "%v": fmt.Sprintf("%v", v), "%+v": fmt.Sprintf("%+v", v),
		"%#v": fmt.Sprintf("%#v", v), "%s": fmt.Sprintf("%s", v), "%v of pointer": fmt.Sprintf("%v", ptr),
		"%+v in a slice": fmt.Sprintf("%+v", []any{v}), "%#v of pointer": fmt.Sprintf("%#v", ptr),
		"slog JSON": logJSON.String(), "slog text": logText.String(),
	}
	for how, out := range outputs {
		assert.NotContains(t, out, testSecret, "%s shows the secret: %s", how, out)
		assert.NotContains(t, out, testToken, "%s shows the public token: %s", how, out)
		if holdsCredential {
			assert.Contains(t, out, "REDACTED", "%s shows that a credential is present: %s", how, out)
		}
	}
	assert.Contains(t, logJSON.String(), `"value":{`, "slog's JSON handler writes the value as an object")
}

// checkGetters calls every GetX method through a nil pointer, which gives
// the zero value, and on ptr, which gives the field X, or what it points
// to.
func checkGetters(t *testing.T, ptr reflect.Value) {
	typ := ptr.Type()
	getters := 0
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		field, ok := strings.CutPrefix(m.Name, "Get")
		if !ok {
			continue
		}
		getters++
		nilResult := m.Func.Call([]reflect.Value{reflect.Zero(typ)})[0]
		assert.True(t, nilResult.IsZero(), "(*%s)(nil).%s() = %v, want the zero value", typ.Elem().Name(), m.Name, nilResult)

		got := m.Func.Call([]reflect.Value{ptr})[0].Interface()
		want := ptr.Elem().FieldByName(field)
		require.True(t, want.IsValid(), "%s has no field %s", typ.Elem().Name(), field)
		if want.Kind() == reflect.Pointer && want.Type().Elem() == reflect.TypeOf(got) {
			want = want.Elem()
		}
		assert.Equal(t, want.Interface(), got, "%s.%s()", typ.Elem().Name(), m.Name)
	}
	optional := 0
	for _, m := range schemaOf(typ.Elem()).members {
		if !m.required {
			optional++
		}
	}
	assert.Equal(t, optional, getters, "a getter for every optional member of %s", typ.Elem().Name())
}

// schemaOf returns the schema of the struct type typ.
func schemaOf(typ reflect.Type) schemaInfo {
	for _, s := range schemas {
		if info := s.info(); info.typ == typ {
			return info
		}
	}
	panic("no schema of " + typ.String())
}

// checkValidateZero calls Validate, where the type has it, on the zero
// value: it reports the required members that are empty, and nothing else.
func checkValidateZero(t *testing.T, zero reflect.Value) {
	v, ok := zero.Interface().(interface{ Validate() error })
	if !ok {
		return
	}
	var want []string
	for _, m := range schemaOf(zero.Type().Elem()).members {
		if m.required && m.span.typ.Kind() == reflect.String {
			want = append(want, "plaid: "+m.name+": must not be empty")
		}
	}
	var got []string
	for _, p := range problems(t, v.Validate()) {
		got = append(got, p[1])
	}
	assert.Equal(t, want, got, "Validate of the zero %s", zero.Type().Elem().Name())
}

// checkUnknownMembers checks that UnknownMembers gives nil through a nil
// pointer, and on ptr, which has unknown members, a sorted list that
// begins with those of the value itself.
func checkUnknownMembers(t *testing.T, ptr reflect.Value) {
	type unknowner interface{ UnknownMembers() []string }
	assert.Nil(t, reflect.Zero(ptr.Type()).Interface().(unknowner).UnknownMembers())
	got := ptr.Interface().(unknowner).UnknownMembers()
	assert.True(t, slices.IsSorted(got), "UnknownMembers is sorted: %q", got)
	for name := range ptr.Elem().FieldByName("Extra").Interface().(map[string]json.RawMessage) {
		assert.Contains(t, got, name)
	}
}

// checkClone checks that Clone gives nil for nil, and for ptr an equal
// value that shares no memory with it.
func checkClone(t *testing.T, ptr reflect.Value) {
	clone := ptr.MethodByName("Clone")
	assert.True(t, reflect.Zero(ptr.Type()).MethodByName("Clone").Call(nil)[0].IsNil(), "Clone of nil is nil")
	c := clone.Call(nil)[0]
	assert.Equal(t, ptr.Interface(), c.Interface(), "Clone is equal")
	assertNothingShared(t, ptr.Elem(), c.Elem(), ptr.Elem().Type().Name())
}

// assertNothingShared checks that no string, slice, map or pointer of a is
// the same memory as the one at its place in b.
func assertNothingShared(t *testing.T, a, b reflect.Value, path string) {
	switch a.Kind() {
	case reflect.String:
		if a.Len() > 0 {
			assert.NotEqual(t, stringAddr(a.String()), stringAddr(b.String()), "%s shares its string", path)
		}
	case reflect.Pointer:
		if !a.IsNil() {
			assert.NotEqual(t, a.Pointer(), b.Pointer(), "%s shares its pointer", path)
			assertNothingShared(t, a.Elem(), b.Elem(), path)
		}
	case reflect.Slice:
		if a.Cap() > 0 {
			assert.NotEqual(t, a.Pointer(), b.Pointer(), "%s shares its array", path)
		}
		for i := range a.Len() {
			assertNothingShared(t, a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map:
		if !a.IsNil() {
			assert.NotEqual(t, a.Pointer(), b.Pointer(), "%s shares its map", path)
		}
		for _, k := range a.MapKeys() {
			assertNothingShared(t, a.MapIndex(k), b.MapIndex(k), path+"."+k.String())
		}
		keysA, keysB := a.MapKeys(), b.MapKeys()
		for _, ka := range keysA {
			for _, kb := range keysB {
				if ka.String() == kb.String() && ka.Len() > 0 {
					assert.NotEqual(t, stringAddr(ka.String()), stringAddr(kb.String()), "%s shares its key %s", path, ka)
				}
			}
		}
	case reflect.Struct:
		if a.Type() == reflect.TypeFor[Date]() {
			return // a value, with nothing to share
		}
		for i := range a.NumField() {
			assertNothingShared(t, a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name)
		}
	}
}

// checkSQL checks that Value gives the JSON as a string, and NULL for a
// nil pointer, and that Scan decodes it back from a string or []byte,
// leaves the value alone for NULL and says which type it cannot use.
func checkSQL(t *testing.T, v, ptr any) {
	value, err := driver.DefaultParameterConverter.ConvertValue(v)
	require.NoError(t, err)
	wire, err := v.(json.Marshaler).MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, string(wire), value, "Value is the JSON, as a string")
	null, err := driver.DefaultParameterConverter.ConvertValue(reflect.Zero(reflect.TypeOf(ptr)).Interface())
	require.NoError(t, err)
	assert.Nil(t, null, "a nil pointer is NULL")

	for _, src := range []any{value, wire} {
		scanned := reflect.New(reflect.TypeOf(v))
		require.NoError(t, scanned.Interface().(sql.Scanner).Scan(src))
		assert.Equal(t, v, scanned.Elem().Interface(), "Scan(%T)", src)
	}
	kept := reflect.New(reflect.TypeOf(v))
	kept.Elem().Set(reflect.ValueOf(v))
	require.NoError(t, kept.Interface().(sql.Scanner).Scan(nil))
	assert.Equal(t, v, kept.Elem().Interface(), "NULL leaves the value unchanged")
	err = kept.Interface().(sql.Scanner).Scan(42)
	assert.EqualError(t, err, "plaid: cannot scan int into "+reflect.TypeOf(v).Name())
}

// checkGob checks that gob carries v as exactly as JSON does.
func checkGob(t *testing.T, v any) {
	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(v))
	back := reflect.New(reflect.TypeOf(v))
	require.NoError(t, gob.NewDecoder(&buf).DecodeValue(back))
	assert.Equal(t, v, back.Elem().Interface(), "gob round trip")
}

// stringAddr returns where the bytes of s are, as a number, which assert
// compares as it is, where it would compare pointers by what they point to.
func stringAddr(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }
