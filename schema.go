package plaid

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// This file holds the schemas: how each struct type is written in JSON.
// A type's schema names each member once, with its JSON kind and an
// accessor that locates its Go field, such as
// func(s *CreditSession) **string { return &s.LinkSessionID }. The
// compiler checks the accessor's types; newSchema checks, when the package
// is initialized, what the compiler cannot.

// A schema describes how a struct type T is written in JSON.
type schema[T any] struct {
	codec[*T] // what decodeObject and appendObject need, with the name

	id     int        // its place in schemas, which finds its slab in a decoder
	fields []field[T] // the known members, in the order they are written

	// extraSpan is where Extra lies, for the tests that hold the schema
	// against the struct.
	extraSpan span

	// newRoom, if set, returns a decoder for a short document and the T
	// it decodes into, in a room for its values; see room.go.
	newRoom func(data []byte) (*decoder, *T)

	// sizeHint is about the length of the last values encoded (see
	// nextHint), so that the next one starts with the room it needs:
	// growing a buffer from small copies a document, several times for a
	// large one.
	sizeHint atomic.Int64
}

// A field is one known member of a JSON object.
type field[T any] struct {
	name     string
	key      key
	span     span // where the Go field lies in T
	required bool
	decode   func(*decoder, *T) error               // reads a value that is not null
	encode   func([]byte, *T, bool) ([]byte, error) // appends the member if present; the bool is redact
	validate func(*T) []error                       // checks what decoding cannot; may be nil
	unknown  func(*T, string, []string) []string    // appends the paths of unknown members below; may be nil
	clone    func(dst, src *T)                      // copies what the member refers to; nil if nothing
}

// A codec is what decodeObject and appendObject need of the schema of a
// struct type T, typed by P, the pointer *T, rather than by T. Go compiles
// a generic function once for each shape of its type arguments: every
// struct type is a shape of its own, while all pointer types share one.
// Generic in T, decodeObject was compiled for each of the twelve struct
// types, 30 KB of code that the processor had to hold along with the rest
// of the decoder; generic in P, one copy of 2.5 KB serves them all, and
// the direct decode took 12-17% less time on both engines.
type codec[P any] struct {
	name  string   // the Go type name, for error messages
	names []string // the known members' names, in the order they are written
	keys  []string // their keys as memberIndex matches them: quoted, with the colon

	// required has the bit 1<<i set for each required member i, for
	// decodeObject to check them all at once.
	required uint64

	decode []func(*decoder, P) error               // each member's field.decode
	encode []func([]byte, P, bool) ([]byte, error) // each member's field.encode
	extra  func(P) *map[string]json.RawMessage     // locates Extra
}

// maxMembers is how many known members a schema may have: decodeObject
// marks the members it has seen in the bits of a uint64.
const maxMembers = 64

// newSchema returns the schema of the struct type T, called name, with
// the given members in the order they are written and extra locating the
// Extra field. It checks the schema against T and panics if it is wrong:
// that is a mistake in this package, which no input can cause, and the
// panic happens when the package is initialized.
func newSchema[T any](name string, extra func(*T) *map[string]json.RawMessage, fields ...field[T]) *schema[T] {
	s := new(schema[T])
	s.define(name, extra, fields...)
	return s
}

// define is newSchema for a schema that must exist before its members
// are made, because one of them holds values of the type itself.
func (s *schema[T]) define(name string, extra func(*T) *map[string]json.RawMessage, fields ...field[T]) {
	s.name, s.fields = name, fields
	if extra == nil {
		panic(schemaError[T]("Extra", "no accessor for Extra"))
	}
	s.extra, s.extraSpan = offsetOf(extra).in, spanOf(extra)
	if f, ok := reflect.TypeFor[T]().FieldByName("Extra"); !ok || f.Offset != s.extraSpan.offset || f.Type != s.extraSpan.typ {
		panic(schemaError[T]("Extra", "the accessor for Extra does not locate the field Extra"))
	}
	if len(fields) > maxMembers {
		panic(schemaError[T]("", fmt.Sprintf("%d members, more than the %d that decodeObject can track", len(fields), maxMembers)))
	}
	for i, f := range fields {
		if problem := f.span.check(reflect.TypeFor[T]()); problem != "" {
			panic(schemaError[T](f.name, problem))
		}
		if slices.Contains(s.names, f.name) {
			panic(schemaError[T](f.name, "member name appears twice"))
		}
		if f.required {
			s.required |= 1 << i
		}
		s.names = append(s.names, f.name)
		s.keys = append(s.keys, f.key.text[1:])
		s.decode = append(s.decode, f.decode)
		s.encode = append(s.encode, f.encode)
	}
	s.id = len(schemas)
	if s.id >= maxSchemas {
		panic(schemaError[T]("", fmt.Sprintf("more than the %d schemas that a room can list", maxSchemas)))
	}
	schemas = append(schemas, s)
}

// withRoom sets the function that makes the room of s's short documents,
// and returns s.
func (s *schema[T]) withRoom(newRoom func(data []byte) (*decoder, *T)) *schema[T] {
	s.newRoom = newRoom
	return s
}

// schemas lists every schema, in the order they were made, for the tests
// that hold each against its struct.
var schemas []interface{ info() schemaInfo }

// A schemaInfo is a schema without its type parameter.
type schemaInfo struct {
	typ     reflect.Type
	members []memberInfo
	extra   span
}

type memberInfo struct {
	name     string
	required bool
	span     span
}

func (s *schema[T]) info() schemaInfo {
	info := schemaInfo{typ: reflect.TypeFor[T](), extra: s.extraSpan}
	for _, f := range s.fields {
		info.members = append(info.members, memberInfo{f.name, f.required, f.span})
	}
	return info
}

// schemaError words a mistake in the schema of T, at its member name.
func schemaError[T any](name, problem string) string {
	if name == "" {
		return fmt.Sprintf("plaid: schema of %s: %s", reflect.TypeFor[T](), problem)
	}
	return fmt.Sprintf("plaid: schema of %s: member %q: %s", reflect.TypeFor[T](), name, problem)
}

// A span is where an accessor says a field lies: its offset from the
// start of the struct, and its type.
type span struct {
	offset uintptr
	typ    reflect.Type
}

// spanOf calls the accessor p on a new T and measures where the address
// it returns lies. It uses reflect, not unsafe, so that the purego build
// checks the schemas as the other does. An address below the struct
// wraps around to a large offset, which check rejects.
func spanOf[T, F any](p func(*T) *F) span {
	t := new(T)
	at := reflect.ValueOf(p(t)).Pointer()
	return span{offset: at - reflect.ValueOf(t).Pointer(), typ: reflect.TypeFor[F]()}
}

// check returns what is wrong with sp as a field of the struct type t, or
// "". The field must lie wholly inside the struct, and be one of its
// fields, of that type: an accessor that returns the address of anything
// else would make the offset point at memory of another type.
func (sp span) check(t reflect.Type) string {
	if sp.offset >= t.Size() || t.Size()-sp.offset < sp.typ.Size() {
		return "the accessor returns an address outside the struct"
	}
	for i := range t.NumField() {
		if f := t.Field(i); f.Offset == sp.offset && f.Type == sp.typ {
			return ""
		}
	}
	return "the accessor does not return the address of a field of type " + sp.typ.String()
}

// indexOf returns the position of name in names, or -1.
func indexOf(names []string, name []byte) int {
	for i, n := range names {
		if n == string(name) {
			return i
		}
	}
	return -1
}

// The field constructors below are the JSON kinds that the schemas use.
// Each takes the member name and an accessor that locates the Go field.

// optString is an optional string. If it is a credential, String and
// LogValue show it as REDACTED.
func optString[T any](name string, p func(*T) **string) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	secret := isCredential(name)
	slot := repeatSlot(name)
	return field[T]{
		name: name, key: key, span: spanOf(p),
		decode: func(d *decoder, v *T) error {
			s, err := d.string(slot, "string")
			*at.in(v) = d.strings.new(s)
			return err
		},
		encode: func(b []byte, v *T, redact bool) ([]byte, error) {
			s := *at.in(v)
			switch {
			case s == nil:
				return b, nil
			case secret && redact:
				return appendString(appendKey(b, &key), "REDACTED"), nil
			}
			return appendString(appendKey(b, &key), *s), nil
		},
		clone: func(dst, src *T) {
			if p := *at.in(src); p != nil {
				*at.in(dst) = Ptr(strings.Clone(*p))
			}
		},
	}
}

// reqString is a required string, which Validate checks is not empty.
func reqString[T any](name string, p func(*T) *string) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	slot := repeatSlot(name)
	return field[T]{
		name: name, key: key, span: spanOf(p), required: true,
		decode: func(d *decoder, v *T) (err error) {
			*at.in(v), err = d.string(slot, "string")
			return err
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			return appendString(appendKey(b, &key), *at.in(v)), nil
		},
		validate: func(v *T) []error { return check(*at.in(v) != "", ErrEmpty, "must not be empty") },
		clone:    func(dst, src *T) { *at.in(dst) = strings.Clone(*at.in(src)) },
	}
}

// optInt is an optional count, which Validate checks is not negative.
func optInt[T any](name string, p func(*T) **int) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	return field[T]{
		name: name, key: key, span: spanOf(p),
		decode: func(d *decoder, v *T) error {
			n, err := d.int()
			*at.in(v) = d.ints.new(n)
			return err
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			if n := *at.in(v); n != nil {
				b = appendInt(appendKey(b, &key), *n)
			}
			return b, nil
		},
		validate: func(v *T) []error {
			n := *at.in(v)
			return check(n == nil || *n >= 0, ErrNegativeCount, "negative count %d", deref(n))
		},
		clone: clonePointer(at),
	}
}

// reqInt is a required count, which Validate checks is not negative.
func reqInt[T any](name string, p func(*T) *int) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	return field[T]{
		name: name, key: key, span: spanOf(p), required: true,
		decode: func(d *decoder, v *T) (err error) {
			*at.in(v), err = d.int()
			return err
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			return appendInt(appendKey(b, &key), *at.in(v)), nil
		},
		validate: func(v *T) []error { return check(*at.in(v) >= 0, ErrNegativeCount, "negative count %d", *at.in(v)) },
	}
}

// optInteger is an optional integer that is not a count, such as an HTTP
// status, which Validate leaves alone.
func optInteger[T any](name string, p func(*T) **int) field[T] {
	f := optInt(name, p)
	f.validate = nil
	return f
}

// stringArray is an array of strings. Its elements may not be null.
func stringArray[T any](name string, p func(*T) *[]string) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	decodeElem := func(d *decoder, s *string) (err error) {
		*s, err = d.string(-1, "string")
		return err
	}
	return field[T]{
		name: name, key: key, span: spanOf(p),
		decode: func(d *decoder, v *T) error {
			return decodeArray(d, at.in(v), &d.strings, decodeElem)
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			elems := *at.in(v)
			if elems == nil {
				return b, nil
			}
			b = append(appendKey(b, &key), '[')
			for i, s := range elems {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendString(b, s)
			}
			return append(b, ']'), nil
		},
		clone: func(dst, src *T) {
			if elems := *at.in(src); elems != nil {
				c := make([]string, len(elems))
				for i := range elems {
					c[i] = strings.Clone(elems[i])
				}
				*at.in(dst) = c
			}
		},
	}
}

func optDate[T any](name string, p func(*T) **Date) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	return field[T]{
		name: name, key: key, span: spanOf(p),
		decode: func(d *decoder, v *T) error {
			t, err := d.date()
			*at.in(v) = d.dates.new(t)
			return err
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			if t := *at.in(v); t != nil {
				return appendDate(appendKey(b, &key), *t)
			}
			return b, nil
		},
		clone: clonePointer(at),
	}
}

// An enum is a string type with a list of known values.
type enum interface {
	~string
	IsKnown() bool
}

// optEnum is an optional enum, which keeps values it does not know and
// which Validate checks is known.
func optEnum[T any, E enum](name string, p func(*T) **E) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	typeName := reflect.TypeFor[E]().Name()
	slot := repeatSlot(typeName)
	return field[T]{
		name: name, key: key, span: spanOf(p),
		decode: func(d *decoder, v *T) error {
			s, err := d.string(slot, typeName)
			*at.in(v) = newEnum[E](d, s)
			return err
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			if s := *at.in(v); s != nil {
				b = appendString(appendKey(b, &key), string(*s))
			}
			return b, nil
		},
		validate: func(v *T) []error {
			if s := *at.in(v); s != nil {
				return known(*s)
			}
			return nil
		},
		clone: func(dst, src *T) {
			if p := *at.in(src); p != nil {
				*at.in(dst) = Ptr(E(strings.Clone(string(*p))))
			}
		},
	}
}

// reqEnum is a required enum, which keeps values it does not know and
// which Validate checks is not empty and known.
func reqEnum[T any, E enum](name string, p func(*T) *E) field[T] {
	at := offsetOf(p)
	typeName := reflect.TypeFor[E]().Name()
	slot := repeatSlot(typeName)
	key := memberKey(name)
	return field[T]{
		name: name, key: key, span: spanOf(p), required: true,
		decode: func(d *decoder, v *T) error {
			s, err := d.string(slot, typeName)
			*at.in(v) = E(s)
			return err
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			return appendString(appendKey(b, &key), string(*at.in(v))), nil
		},
		validate: func(v *T) []error {
			if s := *at.in(v); s != "" {
				return known(s)
			}
			return check(false, ErrEmpty, "must not be empty")
		},
		clone: func(dst, src *T) { *at.in(dst) = E(strings.Clone(string(*at.in(src)))) },
	}
}

// known checks that e is a value its type knows.
func known[E enum](e E) []error {
	return check(e.IsKnown(), ErrUnknownValue, "unknown %s %q", reflect.TypeFor[E]().Name(), string(e))
}

// optObject is an optional nested object, validated member by member.
func optObject[T, U any](name string, p func(*T) **U, s *schema[U]) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	return field[T]{
		name: name, key: key, span: spanOf(p),
		decode: func(d *decoder, v *T) error {
			u := objectSlab(d, s).alloc()
			*at.in(v) = u
			return decodeObject(d, u, &s.codec)
		},
		encode: func(b []byte, v *T, redact bool) ([]byte, error) {
			if u := *at.in(v); u != nil {
				return appendObject(appendKey(b, &key), u, &s.codec, redact)
			}
			return b, nil
		},
		validate: func(v *T) []error {
			if u := *at.in(v); u != nil {
				return validateObject(u, s)
			}
			return nil
		},
		unknown: func(v *T, path string, paths []string) []string {
			if u := *at.in(v); u != nil {
				return unknownMembers(u, s, path, paths)
			}
			return paths
		},
		clone: func(dst, src *T) {
			if u := *at.in(src); u != nil {
				c := new(U)
				cloneObject(c, u, s)
				*at.in(dst) = c
			}
		},
	}
}

// objects is an array of objects. Its elements may not be null, since a
// null element could not be written back.
func objects[T, U any](name string, p func(*T) *[]U, s *schema[U]) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	decodeElem := func(d *decoder, u *U) error { return decodeObject(d, u, &s.codec) }
	return field[T]{
		name: name, key: key, span: spanOf(p),
		decode: func(d *decoder, v *T) error {
			return decodeArray(d, at.in(v), objectSlab(d, s), decodeElem)
		},
		encode: func(b []byte, v *T, redact bool) ([]byte, error) {
			if u := *at.in(v); u != nil {
				return appendObjects(appendKey(b, &key), u, s, redact)
			}
			return b, nil
		},
		validate: func(v *T) []error {
			var errs []error
			elems := *at.in(v)
			for i := range elems {
				for _, err := range validateObject(&elems[i], s) {
					errs = append(errs, atIndex(i, err))
				}
			}
			return errs
		},
		unknown: func(v *T, path string, paths []string) []string {
			elems := *at.in(v)
			for i := range elems {
				paths = unknownMembers(&elems[i], s, path+"["+strconv.Itoa(i)+"]", paths)
			}
			return paths
		},
		clone: func(dst, src *T) {
			if elems := *at.in(src); elems != nil {
				c := make([]U, len(elems))
				for i := range elems {
					cloneObject(&c[i], &elems[i], s)
				}
				*at.in(dst) = c
			}
		},
	}
}

// clonePointer returns the clone function of an optional member whose
// value refers to nothing.
func clonePointer[T, F any](at offset[T, *F]) func(dst, src *T) {
	return func(dst, src *T) {
		if p := *at.in(src); p != nil {
			*at.in(dst) = Ptr(*p)
		}
	}
}

// check returns a problem of the given kind, one of the exported errors,
// as a one-element list if ok is false.
func check(ok bool, kind error, format string, args ...any) []error {
	if ok {
		return nil
	}
	return []error{&FieldError{Err: &problem{kind: kind, text: fmt.Sprintf(format, args...)}}}
}

// A decoder reads JSON from data, checking its syntax as it goes, since
