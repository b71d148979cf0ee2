package plaid

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"sync/atomic"
)

// A schema describes how a struct type T is written in JSON.
type schema[T any] struct {
	name   string     // the Go type name, for error messages
	fields []field[T] // the known members, in the order they are written
	extra  offset[T, map[string]json.RawMessage]

	// sizeHint is the length of the last value encoded, so that the next
	// one starts with about the room it needs: growing a buffer from
	// small copies a large document several times over.
	sizeHint atomic.Int64
}

// A field is one known member of a JSON object.
type field[T any] struct {
	name     string
	key      key
	required bool
	decode   func(*decoder, *T) error               // reads a value that is not null
	encode   func([]byte, *T, bool) ([]byte, error) // appends the member if present; the bool is redact
	validate func(*T) []error                       // checks what decoding cannot; may be nil
}

// index returns the position of the member called name, or -1.
func (s *schema[T]) index(name []byte) int {
	for i := range s.fields {
		if s.fields[i].name == string(name) {
			return i
		}
	}
	return -1
}

// Each takes the member name and a function that locates the Go field.

// optString is an optional string. If it is a credential, String and
// LogValue show it as REDACTED.
func optString[T any](name string, p func(*T) **string) field[T] {
	at := offsetOf(p)
	secret := isCredential(name)
	key := memberKey(name)
	return field[T]{
		name: name, key: key,
		decode: func(d *decoder, v *T) error {
			s, err := d.string("string")
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
	}
}

// reqString is a required string, which Validate checks is not empty.
func reqString[T any](name string, p func(*T) *string) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	return field[T]{
		name: name, key: key, required: true,
		decode: func(d *decoder, v *T) (err error) {
			*at.in(v), err = d.string("string")
			return err
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			return appendString(appendKey(b, &key), *at.in(v)), nil
		},
		validate: func(v *T) []error { return check(*at.in(v) != "", "must not be empty") },
	}
}

// optInt is an optional count, which Validate checks is not negative.
func optInt[T any](name string, p func(*T) **int) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	return field[T]{
		name: name, key: key,
		decode: func(d *decoder, v *T) error {
			n, err := d.int()
			*at.in(v) = d.ints.new(n)
			return err
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			if n := *at.in(v); n != nil {
				b = strconv.AppendInt(appendKey(b, &key), int64(*n), 10)
			}
			return b, nil
		},
		validate: func(v *T) []error {
			n := *at.in(v)
			return check(n == nil || *n >= 0, "negative count %d", deref(n))
		},
	}
}

// reqInt is a required count, which Validate checks is not negative.
func reqInt[T any](name string, p func(*T) *int) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	return field[T]{
		name: name, key: key, required: true,
		decode: func(d *decoder, v *T) (err error) {
			*at.in(v), err = d.int()
			return err
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			return strconv.AppendInt(appendKey(b, &key), int64(*at.in(v)), 10), nil
		},
		validate: func(v *T) []error { return check(*at.in(v) >= 0, "negative count %d", *at.in(v)) },
	}
}

func optDate[T any](name string, p func(*T) **Date) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	return field[T]{
		name: name, key: key,
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
	typeName := reflect.TypeFor[E]().Name()
	key := memberKey(name)
	return field[T]{
		name: name, key: key,
		decode: func(d *decoder, v *T) error {
			s, err := d.string(typeName)
			e := E(s)
			*at.in(v) = &e
			return err
		},
		encode: func(b []byte, v *T, _ bool) ([]byte, error) {
			if s := *at.in(v); s != nil {
				b = appendString(appendKey(b, &key), string(*s))
			}
			return b, nil
		},
		validate: func(v *T) []error {
			s := *at.in(v)
			return check(s == nil || (*s).IsKnown(), "unknown %s %q", typeName, deref(s))
		},
	}
}

// optObject is an optional nested object, validated member by member.
func optObject[T, U any](name string, p func(*T) **U, s *schema[U]) field[T] {
	at := offsetOf(p)
	key := memberKey(name)
	return field[T]{
		name: name, key: key,
		decode: func(d *decoder, v *T) error {
			u := new(U)
			*at.in(v) = u
			return decodeObject(d, u, s)
		},
		encode: func(b []byte, v *T, redact bool) ([]byte, error) {
			if u := *at.in(v); u != nil {
				return appendObject(appendKey(b, &key), u, s, redact)
			}
			return b, nil
		},
		validate: func(v *T) []error {
			if u := *at.in(v); u != nil {
				return validateObject(u, s)
			}
			return nil
		},
	}
}

// objects is an array of objects. Its elements may not be null, since a
// null element could not be written back.
func objects[T, U any](name string, p func(*T) *[]U, s *schema[U]) field[T] {
	at := offsetOf(p)
	what := "[]" + s.name
	decodeElem := func(d *decoder, u *U) error { return decodeObject(d, u, s) }
	key := memberKey(name)
	return field[T]{
		name: name, key: key,
		decode: func(d *decoder, v *T) error {
			return decodeArray(d, at.in(v), what, decodeElem)
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
	}
}

// check returns a problem as a one-element list if ok is false.
func check(ok bool, format string, args ...any) []error {
	if ok {
		return nil
	}
	return []error{&FieldError{Err: fmt.Errorf(format, args...)}}
}

// A decoder reads JSON from data, checking its syntax as it goes, since
