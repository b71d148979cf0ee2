package plaid

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// This file holds the JSON machinery that every type shares. Each type
// describes its members once, in a schema: name, JSON kind, and where the
// value lives. decodeObject and appendObject walk that schema in a single
// pass over the bytes, so that bytes become values and values become the
// same bytes without reflection, maps or a second decode.

// maxDepth bounds the nesting of objects and arrays, as encoding/json
// does, so that hostile input cannot exhaust the stack.
const maxDepth = 10000

var (
	errMissing   = errors.New("missing required member")
	errDuplicate = errors.New("duplicate member name")
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

// An offset locates a field of type F within a struct of type T. The
// schemas name each field once, with an accessor function such as
// func(s *CreditSession) **string { return &s.LinkSessionID }, which the
// compiler checks; its offset is taken from it once. Calling the accessor
// for every member instead, through a function value the compiler cannot
// see into, took 7-9% of the time of encoding. This and offsetOf are the
// package's only use of unsafe, and go test -race checks their pointers.
type offset[T, F any] uintptr

// offsetOf returns the offset of the field of T that p returns the address
// of. An accessor that returns any other address is a mistake in a schema,
// which offsetOf reports by panicking when the package is initialized.
func offsetOf[T, F any](p func(*T) *F) offset[T, F] {
	t := new(T)
	off := uintptr(unsafe.Pointer(p(t))) - uintptr(unsafe.Pointer(t))
	// An address below t wraps around to a large offset.
	if off > unsafe.Sizeof(*t)-unsafe.Sizeof(*new(F)) {
		panic(fmt.Sprintf("plaid: accessor %T does not return the address of a field", p))
	}
	return offset[T, F](off)
}

// in returns the address of the field of v that o locates.
func (o offset[T, F]) in(v *T) *F {
	return (*F)(unsafe.Add(unsafe.Pointer(v), o))
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

// unmarshal decodes data, which must hold one JSON object or null, into v.
// As is the convention, null leaves v unchanged; so does an error.
func unmarshal[T any](data []byte, v *T, s *schema[T]) error {
	d := decoder{data: data}
	if d.null() {
		return d.end()
	}
	d.reserve()
	var t T
	if err := decodeObject(&d, &t, s); err != nil {
		return located(err)
	}
	if err := d.end(); err != nil {
		return err
	}
	*v = t
	return nil
}

// marshal encodes v as s describes. With redact set, credentials are
// written as "REDACTED", for String and LogValue.
func marshal[T any](v *T, s *schema[T], redact bool) ([]byte, error) {
	hint := int(s.sizeHint.Load())
	b, err := appendObject(make([]byte, 0, hint+hint/16+2*growAt), v, s, redact)
	if err != nil {
		return nil, located(err)
	}
	if len(b) != hint {
		s.sizeHint.Store(int64(len(b))) // only on change: goroutines share it
	}
	if cap(b) > 2*len(b)+4096 {
		// The last value was much larger: do not hand out its room.
		return bytes.Clone(b), nil
	}
	return b, nil
}

// validate runs the checks of every member of v, in the order they are
// written, and joins the problems found.
func validate[T any](v *T, s *schema[T]) error {
	errs := validateObject(v, s)
	for _, err := range errs {
		located(err)
	}
	return errors.Join(errs...)
}

func validateObject[T any](v *T, s *schema[T]) []error {
	var errs []error
	for i := range s.fields {
		if f := &s.fields[i]; f.validate != nil {
			for _, err := range f.validate(v) {
				errs = append(errs, atMember(f.name, err))
			}
		}
	}
	return errs
}

// decodeObject reads a JSON object into v. Known members are decoded by
// their fields; null for one leaves it unset. Other members are kept in
// Extra as their raw bytes. A name that occurs twice and a required member
// that is missing or null are errors.
func decodeObject[T any](d *decoder, v *T, s *schema[T]) error {
	if d.peek() != '{' {
		return d.typeError(s.name)
	}
	if err := d.open(); err != nil {
		return err
	}
	var seen, set uint64
	for more, i := d.peek() != '}', -1; more; {
		var name []byte
		var err error
		if i, name, err = memberIndex(d, s, i+1); err != nil {
			return err
		}
		switch {
		case i < 0:
			err = d.extra(s.extra.in(v), d.keepName(name))
		case seen&(1<<i) != 0:
			err = atMember(s.fields[i].name, errDuplicate)
		case d.null():
			seen |= 1 << i
		default:
			seen, set = seen|1<<i, set|1<<i
			if err = s.fields[i].decode(d, v); err != nil {
				err = atMember(s.fields[i].name, err)
			}
		}
		if err != nil {
			return err
		}
		if more, err = d.next('}', "object key:value pair"); err != nil {
			return err
		}
	}
	d.close()
	for i := range s.fields {
		if s.fields[i].required && set&(1<<i) == 0 {
			return atMember(s.fields[i].name, errMissing)
		}
	}
	return nil
}

// memberIndex reads a member name and its colon, and returns the index of
// its field, or -1 and the name. Members nearly always come in the order
// of the schema, written as the encoder writes them, so the key of the
// field after the last one read is tried first, against the bytes as they
// are: that saves scanning the name and searching the fields for it.
func memberIndex[T any](d *decoder, s *schema[T], next int) (int, []byte, error) {
	d.peek() // to the name, past white space
	if next < len(s.fields) && d.literal(s.fields[next].key.text[1:]) {
		return next, nil, nil
	}
	name, err := d.memberName()
	if err != nil {
		return -1, nil, err
	}
	return s.index(name), name, nil
}

// decodeArray reads a JSON array into *p, each element with decode. An
// empty array gives an empty slice, not nil, so that [] is written back.
func decodeArray[E any](d *decoder, p *[]E, what string, decode func(*decoder, *E) error) error {
	if d.peek() != '[' {
		return d.typeError(what)
	}
	if err := d.open(); err != nil {
		return err
	}
	s := make([]E, 0)
	for more := d.peek() != ']'; more; {
		if len(s) == cap(s) {
			// Start at one element, as most arrays in a response hold one
			// or two, and double, where append would add a quarter to a
			// long slice: that copies less and leaves less garbage.
			s = append(make([]E, 0, 2*cap(s)+1), s...)
		}
		s = append(s, *new(E))
		if err := decode(d, &s[len(s)-1]); err != nil {
			return atIndex(len(s)-1, err)
		}
		var err error
		if more, err = d.next(']', "array element"); err != nil {
			return err
		}
	}
	d.close()
	*p = s
	return nil
}

// appendObject appends v as a JSON object: its known members in schema
// order, then the members of Extra sorted by name. With redact set,
// credentials are written as "REDACTED".
//
// The encoder writes what encoding/json would write for the same values,
// HTML-safe escapes included, so that calling MarshalJSON directly gives
// the bytes json.Marshal gives. It passes the buffer along rather than
// keeping it in a struct, which would live on the heap.
func appendObject[T any](b []byte, v *T, s *schema[T], redact bool) ([]byte, error) {
	// Every member is written after a comma, and the first comma then
	// becomes the opening brace: this spares each member the question of
	// whether it is the first.
	b = grow(b)
	start := len(b)
	for i := range s.fields {
		var err error
		if b, err = s.fields[i].encode(b, v, redact); err != nil {
			return b, atMember(s.fields[i].name, err)
		}
	}
	if extra := *s.extra.in(v); len(extra) > 0 {
		var err error
		if b, err = appendExtra(b, extra, s); err != nil {
			return b, err
		}
	}
	if len(b) == start {
		return append(b, '{', '}'), nil
	}
	b[start] = '{'
	return append(b, '}'), nil
}

func appendExtra[T any](b []byte, extra map[string]json.RawMessage, s *schema[T]) ([]byte, error) {
	type member struct {
		name string
		raw  json.RawMessage
	}
	var few [4]member // most objects have few unknown members
	members := few[:0]
	for name, raw := range extra {
		members = append(members, member{name, raw})
	}
	slices.SortFunc(members, func(a, b member) int { return strings.Compare(a.name, b.name) })
	for _, m := range members {
		if s.index([]byte(m.name)) >= 0 {
			return b, atMember(memberPath(m.name), errors.New("member is known and cannot also be in Extra"))
		}
		// An unknown name needs escaping, so its key is made here.
		b = append(appendString(append(b, ','), m.name), ':')
		var err error
		if b, err = appendCompact(b, m.raw); err != nil {
			return b, atMember(memberPath(m.name), err)
		}
	}
	return b, nil
}

// appendObjects appends elems as a JSON array of objects.
func appendObjects[E any](b []byte, elems []E, s *schema[E], redact bool) ([]byte, error) {
	b = append(b, '[')
	for i := range elems {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendObject(b, &elems[i], s, redact); err != nil {
			return b, atIndex(i, err)
		}
	}
	return append(b, ']'), nil
}

// The field constructors below are the JSON kinds that the schemas use.
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
// UnmarshalJSON may be called directly on bytes nothing else has checked.
type decoder struct {
	data    []byte
	pos     int
	depth   int
	scratch []byte // strings that had escapes, unescaped
	text    string // a copy of data, which strings share; see substring
	nameAt  int    // where the last member name began in data; -1 if escaped

	// syntaxOnly skips the check for duplicate names in unknown members,
	// for the encoder, which only needs to know that Extra is valid JSON.
	syntaxOnly bool

	strings slab[string]
	ints    slab[int]
	dates   slab[Date]
}

// reserve sizes the first blocks of the slabs from the length of the
// input, at about the density of optional members in Plaid's responses, so
// that a small document needs one block of each kind it uses and a large
// one few.
func (d *decoder) reserve() {
	d.strings.next = len(d.data)/64 + 1
	d.ints.next = len(d.data)/512 + 1
	d.dates.next = len(d.data)/1024 + 1
}

// A slab hands out pointers to values it allocates in blocks. The optional
// members are pointers, and one allocation each would cost more than the
// decoding itself.
type slab[T any] struct {
	block []T
	next  int // the size of the next block
}

func (s *slab[T]) new(v T) *T {
	if len(s.block) == cap(s.block) {
		size := min(max(s.next, 8), 1024)
		s.block, s.next = make([]T, 0, size), 2*size
	}
	s.block = append(s.block, v)
	return &s.block[len(s.block)-1]
}

// peek skips white space and returns the next byte, or 0 at the end.
func (d *decoder) peek() byte {
	for ; d.pos < len(d.data); d.pos++ {
		// Most bytes are above the space, which one comparison settles.
		if c := d.data[d.pos]; c > ' ' || c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c
		}
	}
	return 0
}

// null reads a null if one comes next.
func (d *decoder) null() bool {
	if d.peek() == 'n' && len(d.data)-d.pos >= 4 && string(d.data[d.pos:d.pos+4]) == "null" {
		d.pos += 4
		return true
	}
	return false
}

// end checks that only white space is left.
func (d *decoder) end() error {
	if d.peek() != 0 || d.pos < len(d.data) {
		return d.syntaxError("after top-level value")
	}
	return nil
}

// open reads the '{' or '[' that peek saw.
func (d *decoder) open() error {
	d.pos++
	if d.depth++; d.depth > maxDepth {
		return &FieldError{Err: fmt.Errorf("exceeded max depth %d", maxDepth)}
	}
	return nil
}

// close reads the '}' or ']' that ends an object or array.
func (d *decoder) close() {
	d.pos++
	d.depth--
}

// next reads the ',' between members or elements, and reports whether
// another follows; at the closing byte it reports false without reading it.
func (d *decoder) next(closing byte, after string) (bool, error) {
	switch d.peek() {
	case ',':
		d.pos++
		return true, nil
	case closing:
		return false, nil
	}
	return false, d.syntaxError("after " + after)
}

// memberName reads a member name and its colon. The result is only valid
// until the next string is read.
func (d *decoder) memberName() ([]byte, error) {
	if d.peek() != '"' {
		return nil, d.syntaxError("looking for beginning of object key string")
	}
	start := d.pos + 1
	name, err := d.stringBytes()
	if err != nil {
		return nil, err
	}
	d.nameAt = start
	if d.pos != start+len(name)+1 { // it had escapes, and name is scratch
		d.nameAt = -1
	}
	if d.peek() != ':' {
		return nil, d.syntaxError("after object key")
	}
	d.pos++
	return name, nil
}

// keepName returns the name that memberName last returned as a string
// that outlives the next read.
func (d *decoder) keepName(name []byte) string {
	if d.nameAt < 0 {
		return string(name)
	}
	return d.substring(d.nameAt, d.nameAt+len(name))
}

// extra reads the value of an unknown member into *m, copied, since the
// caller may reuse data.
func (d *decoder) extra(m *map[string]json.RawMessage, name string) error {
	if _, dup := (*m)[name]; dup {
		return atMember(memberPath(name), errDuplicate)
	}
	raw, err := d.skip()
	if err != nil {
		return atMember(memberPath(name), err)
	}
	if *m == nil {
		*m = make(map[string]json.RawMessage)
	}
	(*m)[name] = append(json.RawMessage(nil), raw...)
	return nil
}

// string reads a JSON string; what names the Go type for a type error.
func (d *decoder) string(what string) (string, error) {
	if d.peek() != '"' {
		return "", d.typeError(what)
	}
	start := d.pos + 1
	b, err := d.stringBytes()
	switch {
	case err != nil:
		return "", err
	case d.pos != start+len(b)+1: // it had escapes, and b is scratch
		return string(b), nil
	}
	return d.substring(start, d.pos-1), nil
}

// substring returns data[i:j] as a string. The strings of a document share
// one copy of its text, made when the first is read: one allocation in
// place of one for each string, which would cost more than the decoding.
func (d *decoder) substring(i, j int) string {
	if d.text == "" {
		d.text = string(d.data)
	}
	return d.text[i:j]
}

// date reads a JSON string holding a Date.
func (d *decoder) date() (Date, error) {
	if d.peek() != '"' {
		return Date{}, d.typeError("Date")
	}
	b, err := d.stringBytes()
	if err != nil {
		return Date{}, err
	}
	return parseDate(b)
}

// int reads a JSON number that is an integer and fits an int.
func (d *decoder) int() (int, error) {
	if c := d.peek(); c != '-' && (c < '0' || c > '9') {
		return 0, d.typeError("int")
	}
	start := d.pos
	if err := d.number(); err != nil {
		return 0, err
	}
	text := d.data[start:d.pos]
	if bytes.ContainsAny(text, ".eE") {
		return 0, &FieldError{Err: fmt.Errorf("cannot unmarshal number %s into int: not an integer", cut(text))}
	}
	neg := text[0] == '-'
	limit := uint64(maxInt)
	if neg {
		limit++
	}
	var n uint64
	for _, c := range text[btoi(neg):] {
		digit := uint64(c - '0')
		if n > (limit-digit)/10 {
			return 0, &FieldError{Err: fmt.Errorf("cannot unmarshal number %s into int: out of range", cut(text))}
		}
		n = n*10 + digit
	}
	if neg {
		return int(-n), nil
	}
	return int(n), nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

const maxInt = int(^uint(0) >> 1)

// number reads a JSON number, checking its grammar.
func (d *decoder) number() error {
	i := d.pos
	if d.data[i] == '-' {
		i++
	}
	switch {
	case i < len(d.data) && d.data[i] == '0':
		i++
	case i < len(d.data) && '1' <= d.data[i] && d.data[i] <= '9':
		i = d.digits(i)
	default:
		d.pos = i
		return d.syntaxError("in numeric literal")
	}
	if i < len(d.data) && d.data[i] == '.' {
		if i++; i == d.digits(i) {
			d.pos = i
			return d.syntaxError("after decimal point in numeric literal")
		}
		i = d.digits(i)
	}
	if i < len(d.data) && (d.data[i] == 'e' || d.data[i] == 'E') {
		if i++; i < len(d.data) && (d.data[i] == '+' || d.data[i] == '-') {
			i++
		}
		if i == d.digits(i) {
			d.pos = i
			return d.syntaxError("in exponent of numeric literal")
		}
		i = d.digits(i)
	}
	d.pos = i
	return nil
}

// digits returns the position after the run of digits at i.
func (d *decoder) digits(i int) int {
	for i < len(d.data) && '0' <= d.data[i] && d.data[i] <= '9' {
		i++
	}
	return i
}

// plain reports which bytes stand for themselves in a JSON string.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// stringBytes reads a JSON string and returns its contents, which must be
// valid UTF-8. The result aliases data, or scratch when the string has
// escapes, and is valid until the next string is read.
func (d *decoder) stringBytes() ([]byte, error) {
	start := d.pos + 1
	i := start + plainPrefix(d.data[start:])
	if i < len(d.data) && d.data[i] == '"' { // most strings end here
		d.pos = i + 1
		return d.data[start:i], nil
	}
	return d.stringRest(start, i)
}

// stringRest reads the rest of the string that starts at start, from i,
// the first byte that is not plain.
func (d *decoder) stringRest(start, i int) ([]byte, error) {
	run := start // the first byte not yet copied to b; start until an escape
	var b []byte
	for i < len(d.data) {
		switch c := d.data[i]; {
		case plain[c]:
			i += plainPrefix(d.data[i:])
		case c == '"':
			d.pos = i + 1
			if run == start {
				return d.data[start:i], nil
			}
			d.scratch = append(b, d.data[run:i]...)
			return d.scratch, nil
		case c == '\\':
			if run == start {
				b = d.scratch[:0]
			}
			var err error
			if b, i, err = d.escape(append(b, d.data[run:i]...), i); err != nil {
				return nil, err
			}
			run = i
		case c < 0x20:
			d.pos = i
			return nil, d.syntaxError("in string literal")
		default:
			r, size := utf8.DecodeRune(d.data[i:])
			if r == utf8.RuneError && size == 1 {
				d.pos = i
				return nil, d.invalidUTF8(start)
			}
			i += size
		}
	}
	d.pos = len(d.data)
	return nil, d.syntaxError("in string literal")
}

var escapes = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// escape decodes the escape sequence at i and appends it to b.
func (d *decoder) escape(b []byte, i int) ([]byte, int, error) {
	if i+1 < len(d.data) && escapes[d.data[i+1]] != 0 {
		return append(b, escapes[d.data[i+1]]), i + 2, nil
	}
	r, ok := d.hex4(i)
	if !ok {
		d.pos = i + 1
		return b, i, d.syntaxError("in string escape code")
	}
	i += 6
	if utf16IsHigh(r) {
		if lo, ok := d.hex4(i); ok && utf16IsLow(lo) {
			return utf8.AppendRune(b, 0x10000+(r-0xD800)<<10+(lo-0xDC00)), i + 6, nil
		}
	}
	if utf16IsHigh(r) || utf16IsLow(r) {
		d.pos = i - 6
		return b, i, &FieldError{Err: fmt.Errorf("invalid surrogate escape %s in string", d.data[i-6:i])}
	}
	return utf8.AppendRune(b, r), i, nil
}

// hex4 reads a \uXXXX escape at i.
func (d *decoder) hex4(i int) (rune, bool) {
	if i+6 > len(d.data) || d.data[i] != '\\' || d.data[i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range d.data[i+2 : i+6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

func utf16IsHigh(r rune) bool { return 0xD800 <= r && r < 0xDC00 }
func utf16IsLow(r rune) bool  { return 0xDC00 <= r && r < 0xE000 }

// skip reads one JSON value of any kind, checking it as closely as the
// known members are checked (syntax, UTF-8, duplicate names), and returns
// its text.
func (d *decoder) skip() ([]byte, error) {
	start := d.peek()
	from := d.pos
	var err error
	switch {
	case start == '{':
		err = d.skipObject()
	case start == '[':
		err = d.skipArray()
	case start == '"':
		_, err = d.stringBytes()
	case start == '-' || '0' <= start && start <= '9':
		err = d.number()
	case !d.literal("true") && !d.literal("false") && !d.null():
		err = d.syntaxError("looking for beginning of value")
	}
	return d.data[from:d.pos], err
}

// literal reads lit if the bytes at pos are lit, and reports whether it did.
func (d *decoder) literal(lit string) bool {
	if len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		return true
	}
	return false
}

func (d *decoder) skipObject() error {
	if err := d.open(); err != nil {
		return err
	}
	var few [8]string
	names := nameSet{few: few[:0]}
	for more := d.peek() != '}'; more; {
		name, err := d.memberName()
		if err != nil {
			return err
		}
		if !d.syntaxOnly {
			var dup bool
			if names, dup = names.add(d.keepName(name)); dup {
				return atMember(memberPath(string(name)), errDuplicate)
			}
		}
		if _, err := d.skip(); err != nil {
			return atMember(memberPath(string(name)), err)
		}
		if more, err = d.next('}', "object key:value pair"); err != nil {
			return err
		}
	}
	d.close()
	return nil
}

// A nameSet holds the member names of an object, to find one that occurs
// twice. Most objects have a few members, which a short list holds more
// cheaply than a map.
type nameSet struct {
	few  []string
	many map[string]struct{}
}

// add returns s with name added, and whether it was there already. It
// takes and returns s by value, which keeps the list on the stack.
func (s nameSet) add(name string) (nameSet, bool) {
	if s.many == nil && slices.Contains(s.few, name) {
		return s, true
	}
	if s.many == nil && len(s.few) < cap(s.few) {
		s.few = append(s.few, name)
		return s, false
	}
	if s.many == nil {
		s.many = make(map[string]struct{}, 2*len(s.few))
		for _, n := range s.few {
			s.many[n] = struct{}{}
		}
	}
	_, dup := s.many[name]
	s.many[name] = struct{}{}
	return s, dup
}

func (d *decoder) skipArray() error {
	if err := d.open(); err != nil {
		return err
	}
	for i, more := 0, d.peek() != ']'; more; i++ {
		if _, err := d.skip(); err != nil {
			return atIndex(i, err)
		}
		var err error
		if more, err = d.next(']', "array element"); err != nil {
			return err
		}
	}
	d.close()
	return nil
}

// typeError reads the value that does not fit the Go type what and
// describes it.
func (d *decoder) typeError(what string) error {
	raw, err := d.skip()
	if err != nil {
		return err
	}
	var value string
	switch raw[0] {
	case '{':
		value = "object " + quote(raw)
	case '[':
		value = "array " + quote(raw)
	case '"':
		value = "string " + quote(raw[1:len(raw)-1])
	case 't', 'f':
		value = "boolean " + string(raw)
	case 'n':
		value = "null"
	default:
		value = "number " + cut(raw)
	}
	return &FieldError{Err: fmt.Errorf("cannot unmarshal %s into %s", value, what)}
}

// syntaxError describes the byte at pos, in the words of encoding/json.
func (d *decoder) syntaxError(context string) error {
	if d.pos >= len(d.data) {
		return &FieldError{Err: errors.New("unexpected end of JSON input")}
	}
	c := d.data[d.pos]
	char := strconv.QuoteRune(rune(c))
	if c >= utf8.RuneSelf {
		char = fmt.Sprintf("byte 0x%02x", c)
	}
	return &FieldError{Err: fmt.Errorf("invalid character %s %s at offset %d", char, context, d.pos)}
}

// invalidUTF8 describes the string that starts at start and has an invalid
// byte at pos.
func (d *decoder) invalidUTF8(start int) error {
	end := len(d.data)
	if i := bytes.IndexByte(d.data[d.pos:], '"'); i >= 0 {
		end = d.pos + i
	}
	return &FieldError{Err: fmt.Errorf("invalid UTF-8 in string %s", quote(d.data[start:end]))}
}

// memberPath returns name as a path element: itself if it is a plain
// identifier, else quoted in brackets.
func memberPath(name string) string {
	for _, c := range []byte(name) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return "[" + quote(name) + "]"
		}
	}
	if name == "" {
		return `[""]`
	}
	return name
}

// cutLen is how much of an offending value an error message shows.
const cutLen = 64

// cut returns s, or its beginning and "..." if it is long.
func cut[S string | []byte](s S) string {
	if len(s) > cutLen {
		return string(s[:cutLen]) + "..."
	}
	return string(s)
}

// quote returns s, cut if it is long, as a Go string literal.
func quote[S string | []byte](s S) string {
	if len(s) > cutLen {
		return strconv.Quote(string(s[:cutLen])) + "..."
	}
	return strconv.Quote(string(s))
}

// grow doubles b when little room is left. append alone grows a large
// buffer by a quarter at a time, which copies a large document several
// times over.
func grow(b []byte) []byte {
	if cap(b)-len(b) < growAt {
		return double(b)
	}
	return b
}

// double is grow's rare case, kept out of line so that the callers of
// grow stay small.
//
//go:noinline
func double(b []byte) []byte {
	return slices.Grow(b, cap(b)+growAt)
}

// growAt is the room below which grow doubles the buffer. marshal leaves
// more than this beyond its estimate, so that a value as long as the one
// before it fits without growing.
const growAt = 128

// A key is what the encoder writes before the value of a member: a comma,
// the quoted name and a colon. It is also kept in a block of fixed size,
// which appendKey copies with two moves instead of a call to memmove:
// keys are short and many, and that made encoding about 5% faster.
type key struct {
	text  string
	block [keyBlock]byte
}

// keyBlock holds the longest key of the schemas,
// `,"num_bank_statements_uploaded":`. A longer one is appended as text.
const keyBlock = 32

// memberKey returns the key of the member called name.
func memberKey(name string) key {
	k := key{text: "," + strconv.Quote(name) + ":"}
	copy(k.block[:], k.text)
	return k
}

// appendKey appends k. The block is copied whole, past the end of b when
// there is room, and b is then cut to the end of the key.
func appendKey(b []byte, k *key) []byte {
	if n := len(b); len(k.text) <= keyBlock && cap(b)-n >= keyBlock {
		*(*[keyBlock]byte)(b[n : n+keyBlock]) = k.block
		return b[:n+len(k.text)]
	}
	return append(b, k.text...)
}

// appendDate appends t, or null for the zero Date.
func appendDate(b []byte, t Date) ([]byte, error) {
	if t.IsZero() {
		return append(b, "null"...), nil
	}
	if !t.IsValid() {
		return b, &FieldError{Err: errDateRange}
	}
	return append(t.appendTo(append(b, '"')), '"'), nil
}

const hex = "0123456789abcdef"

// safe reports which ASCII bytes are written as they are: not the quote,
// the backslash, control characters, or the HTML-sensitive <, > and &.
var safe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD,
// as in encoding/json.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; ; {
		var n int
		b, n = appendSafePrefix(b, s[i:])
		if i += n; i == len(s) {
			return append(b, '"')
		}
		if c := s[i]; c < utf8.RuneSelf {
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
}

// appendSafePrefix appends the bytes at the start of s that the encoder
// writes as they are, and returns how many it appended. It copies them a
// word at a time as it checks them: most strings are all such bytes, and
// a second pass to copy them cost more than the check.
func appendSafePrefix(b []byte, s string) ([]byte, int) {
	n := len(b)
	b = slices.Grow(b, len(s))[:n+len(s)]
	if len(s) < 8 {
		i := 0
		for ; i < len(s) && s[i] < utf8.RuneSelf && safe[s[i]]; i++ {
			b[n+i] = s[i]
		}
		return b[:n+i], i
	}
	for i := 0; ; i += 8 {
		if len(s)-i < 8 {
			// The last word overlaps the one before, which had nothing
			// to mark, so that the tail, too, takes one step.
			i = len(s) - 8
		}
		// The word is written whole; bytes from a mark on are cut off
		// below, and written over by what comes next.
		x := word(s[i:])
		binary.LittleEndian.PutUint64(b[n+i:], x)
		if m := unsafeBytes(x); m != 0 || i+8 == len(s) {
			i += first(m)
			return b[:n+i], i
		}
	}
}

// unsafeBytes marks the bytes of x that the encoder escapes; see ones.
// Setting bit 2 maps '"' onto '&' and bit 1 maps '<' onto '>', so that
// one test finds both.
func unsafeBytes(x uint64) uint64 {
	quoteAmp := x | 0x04*ones ^ '&'*ones
	angle := x | 0x02*ones ^ '>'*ones
	backslash := x ^ '\\'*ones
	return (x | (x - 0x20*ones) | (quoteAmp - ones) | (angle - ones) | (backslash - ones)) & highs
}

// plainPrefix returns how many bytes at the start of b the decoder can
// take as they are: ASCII, and neither a quote, a backslash nor a control
// character.
func plainPrefix(b []byte) int {
	i := 0
	for ; len(b)-i >= 8; i += 8 {
		if m := unplainBytes(word(b[i:])); m != 0 {
			return i + first(m)
		}
	}
	for i < len(b) && plain[b[i]] {
		i++
	}
	return i
}

// unplainBytes marks the bytes of x that plainPrefix stops at; see ones.
func unplainBytes(x uint64) uint64 {
	quote, backslash := x^'"'*ones, x^'\\'*ones
	return (x | (x - 0x20*ones) | (quote - ones) | (backslash - ones)) & highs
}

// Strings are scanned eight bytes at a time, as one uint64, because a
// byte at a time is the largest cost of both decoding and encoding. A test
// marks a byte by setting its high bit: x itself marks the bytes that are
// not ASCII; x-c*ones marks the ASCII bytes below c, and so, after an XOR,
// the bytes equal to one. A subtraction borrows only from a byte it marks,
// and only upwards, so the lowest mark is always a true one.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// first returns the index of the lowest byte marked in m, or 8 if none is.
func first(m uint64) int { return bits.TrailingZeros64(m) / 8 }

// word returns the eight bytes of s as a little-endian uint64.
func word[S string | []byte](s S) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// compacted reports which bytes appendCompact may have to change: white
// space, the HTML-sensitive characters, and the first byte of U+2028 and
// U+2029. Most raw values have none, and are appended as they are.
var compacted = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '<': true, '>': true, '&': true, 0xE2: true}

// appendCompact appends the JSON value raw without insignificant white
// space, with <, >, &, U+2028 and U+2029 escaped in its strings as
// encoding/json does. It checks raw first, since Extra may have been
// filled by hand.
func appendCompact(b []byte, raw []byte) ([]byte, error) {
	d := decoder{data: raw, syntaxOnly: true}
	if _, err := d.skip(); err != nil {
		return b, err
	}
	if err := d.end(); err != nil {
		return b, err
	}
	if !slices.ContainsFunc(raw, func(c byte) bool { return compacted[c] }) {
		return append(b, raw...), nil
	}
	inString := false
	start := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		var esc string
		switch {
		case inString && c == '\\':
			i++
			continue
		case c == '"':
			inString = !inString
			continue
		case inString && (c == '<' || c == '>' || c == '&'):
			esc = `\u00` + string(hex[c>>4]) + string(hex[c&0xF])
		case inString && c == 0xE2 && i+2 < len(raw) && raw[i+1] == 0x80 && (raw[i+2] == 0xA8 || raw[i+2] == 0xA9):
			esc = `\u202` + string(hex[raw[i+2]&0xF])
		case !inString && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
		default:
			continue
		}
		b = append(append(b, raw[start:i]...), esc...)
		if esc != "" && c == 0xE2 {
			i += 2
		}
		start = i + 1
	}
	return append(b, raw[start:]...), nil
}
