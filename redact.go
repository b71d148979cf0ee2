package plaid

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// isCredential reports whether the member called name holds a credential,
// which String, GoString and LogValue must never show: a request's secret,
// or the public token of an Item add, which can be exchanged for an access
// token.
func isCredential(name string) bool {
	return name == "secret" || name == "public_token"
}

// redactedString returns v as JSON with its credentials redacted.
func redactedString[T any](v *T, s *schema[T]) string {
	b, err := marshal(v, s, true)
	if err != nil {
		return fmt.Sprintf("%%!v(plaid.%s: %v)", s.name, err)
	}
	return string(b)
}

// redactedLogValue returns v as a log value: JSON with its credentials
// redacted, which slog's JSON handler writes as an object and its text
// handler as a quoted string.
func redactedLogValue[T any](v *T, s *schema[T]) slog.Value {
	b, err := marshal(v, s, true)
	if err != nil {
		return slog.StringValue(fmt.Sprintf("!ERROR plaid.%s: %v", s.name, err))
	}
	return slog.AnyValue(redactedJSON(b))
}

// redactedJSON is JSON that is safe to log.
type redactedJSON []byte

// MarshalJSON returns j, for slog's JSON handler, which writes it as an
// object.
func (j redactedJSON) MarshalJSON() ([]byte, error) { return j, nil }

// MarshalText returns j, for slog's text handler, which quotes it.
func (j redactedJSON) MarshalText() ([]byte, error) { return j, nil }

// goString returns v, a struct of this package, as a Go expression with
// its credentials redacted. It uses reflection: %#v is for debugging, and
// one walk over the fields serves every type.
func goString(v any) string {
	var b strings.Builder
	writeGo(&b, reflect.ValueOf(v))
	return b.String()
}

func writeGo(b *strings.Builder, v reflect.Value) {
	switch t := v.Type(); {
	case t == reflect.TypeFor[Date]():
		b.WriteString(v.Interface().(Date).GoString())
	case t.Kind() == reflect.Struct:
		writeGoStruct(b, v)
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && t.Elem() != reflect.TypeFor[Date]():
		b.WriteByte('&')
		writeGo(b, v.Elem())
	case t.Kind() == reflect.Pointer:
		b.WriteString("plaid.Ptr(")
		writeGo(b, v.Elem())
		b.WriteByte(')')
	case t == reflect.TypeFor[json.RawMessage]():
		// Named here, since under GOEXPERIMENT=jsonv2 reflection calls
		// it by the name of the type it aliases, jsontext.Value.
		fmt.Fprintf(b, "json.RawMessage(%q)", v.Bytes())
	case t.Kind() == reflect.Slice:
		b.WriteString(t.String() + "{")
		for i := range v.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			writeGo(b, v.Index(i))
		}
		b.WriteByte('}')
	case t.Kind() == reflect.Map:
		writeGoMap(b, v)
	case t.Kind() == reflect.String && t.PkgPath() != "":
		fmt.Fprintf(b, "%s(%q)", t, v.String())
	default:
		fmt.Fprintf(b, "%#v", v.Interface())
	}
}

func writeGoStruct(b *strings.Builder, v reflect.Value) {
	t := v.Type()
	b.WriteString(t.String() + "{")
	sep := ""
	for i := range t.NumField() {
		if v.Field(i).IsZero() {
			continue
		}
		b.WriteString(sep + t.Field(i).Name + ":")
		sep = ", "
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if isCredential(name) {
			b.WriteString(`plaid.Ptr("REDACTED")`)
			continue
		}
		writeGo(b, v.Field(i))
	}
	b.WriteByte('}')
}

func writeGoMap(b *strings.Builder, v reflect.Value) {
	keys := v.MapKeys()
	slices.SortFunc(keys, func(x, y reflect.Value) int { return strings.Compare(x.String(), y.String()) })
	b.WriteString("map[string]json.RawMessage{") // the only map: Extra
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(k.String()) + ":")
		writeGo(b, v.MapIndex(k))
	}
	b.WriteByte('}')
}
