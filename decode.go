package plaid

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeObject reads a JSON object into v. Known members are decoded by
// their fields; null for one leaves it unset. Other members are kept in
// Extra as their raw bytes. A name that occurs twice and a required member
// that is missing or null are errors.
func decodeObject[P any](d *decoder, v P, s *codec[P]) error {
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
			err = d.extra(s.extra(v), d.keepName(name))
		case seen&(1<<i) != 0:
			err = atMember(s.names[i], ErrDuplicateMember)
		case d.null():
			seen |= 1 << i
		default:
			seen, set = seen|1<<i, set|1<<i
			if err = s.decode[i](d, v); err != nil {
				err = atMember(s.names[i], err)
			}
		}
		if err != nil {
			return err
		}
		if d.comma() {
			continue
		}
		if more, err = d.next('}', "object key:value pair"); err != nil {
			return err
		}
	}
	d.close()
	if missing := s.required &^ set; missing != 0 {
		return atMember(s.names[bits.TrailingZeros64(missing)], ErrMissingMember)
	}
	return nil
}

// memberIndex reads a member name and its colon, and returns the index of
// its field, or -1 and the name. Members nearly always come in the order
// of the schema, written as the encoder writes them, so the key of the
// field after the last one read is tried first, against the bytes as they
// are: that saves scanning the name and searching the fields for it.
func memberIndex[P any](d *decoder, s *codec[P], next int) (int, []byte, error) {
	d.peek() // to the name, past white space
	if next < len(s.keys) && d.literal(s.keys[next]) {
		return next, nil, nil
	}
	name, err := d.memberName()
	if err != nil {
		return -1, nil, err
	}
	return indexOf(s.names, name), name, nil
}

// decodeArray reads a JSON array into *p, each element with decode, in
// room that sl hands out. An empty array gives an empty slice, not nil, so
// that [] is written back.
func decodeArray[E any](d *decoder, p *[]E, sl *slab[E], decode func(*decoder, *E) error) error {
	if d.peek() != '[' {
		return d.typeError("[]" + reflect.TypeFor[E]().Name())
	}
	if err := d.open(); err != nil {
		return err
	}
	s := make([]E, 0)
	for more := d.peek() != ']'; more; {
		s = sl.extend(s)
		if err := decode(d, &s[len(s)-1]); err != nil {
			return atIndex(len(s)-1, err)
		}
		if d.comma() {
			continue
		}
		var err error
		if more, err = d.next(']', "array element"); err != nil {
			return err
		}
	}
	d.close()
	*p = s[:len(s):len(s)] // an append by the caller must not write over the slab
	return nil
}

// UnmarshalJSON may be called directly on bytes nothing else has checked.
type decoder struct {
	data    []byte
	pos     int
	depth   int
	base    int    // the offset of data[0] in the whole input, for messages
	scratch []byte // strings that had escapes, unescaped
	nameAt  int    // where the last member name began in data; -1 if escaped

	// syntaxOnly skips the check for duplicate names in unknown members,
	// for the encoder, which only needs to know that Extra is valid JSON.
	syntaxOnly bool

	// ownText puts text into blocks of the decoder's own, as textRoom,
	// rather than into text: set by decodeNew, whose decoder never reads
	// a document twice, as a SessionReader's does. See substring.
	ownText bool

	shared
}

// shared is what the values a decoder makes share: the blocks of text
// that their strings are slices of, and the blocks their pointers and
// slices point into. A SessionReader carries it from one session to the
// next.
type shared struct {
	text     *strings.Builder // the block of text that strings are copied into; see substring
	textRoom []byte           // the block of text strings go into, before text; see substring
	strings  slab[string]
	ints     slab[int]
	dates    slab[Date]

	// objects holds a *slab[T] for each schema of T, by the schema's id,
	// and in the purego build then a *slab[E] for each enum type E that
	// a room has given or newEnum has met.
	objects []any

	raws []byte // the values of unknown members; see keepRaw

	// last holds the last string read of each kind whose values repeat.
	// It is nil for a document too short to repeat many, which reads each
	// string as any other.
	last *lastStrings
}

// lastStrings holds the last string read of each kind whose values repeat.
// A SessionReader that reads a session again keeps them as the first try
// left them, so what marks them lives with them.
type lastStrings struct {
	of [len(repeating)]string // by the kind's place in repeating

	// escaped marks, by the same places, the kinds whose last string had
	// escapes; see again.
	escaped uint16
}

// set makes s the last string of the kind at slot, and marks whether it
// had escapes: the two change together, as again needs.
func (l *lastStrings) set(slot int, s string, escaped bool) {
	l.of[slot] = s
	l.escaped &^= 1 << slot
	if escaped {
		l.escaped |= 1 << slot
	}
}

// repeating names the kinds of string whose values repeat: members named
// so, and the values of enum types. The results of one Item share its
// item_id and institution_id, and error codes, their messages, institutions
// and statuses come from small sets, so a value is often the one read last
// of its kind. Handing out that string again, in place of a copy, spares
// the copy and the memory it would take: the garbage collector then runs
// less often, and a value kept from a document keeps less alive.
var repeating = [...]string{
	"item_id", "institution_id", "institution_name",
	"error_type", "error_code", "error_message", "display_message",
	"CreditSessionBankIncomeStatus", "CreditSessionBankEmploymentStatus", "ErrorType",
}

// repeatSlot returns the place of kind in repeating, or -1.
func repeatSlot(kind string) int {
	for i, k := range repeating {
		if k == kind {
			return i
		}
	}
	return -1
}

// reserve sizes the first blocks of the slabs from the length of the
// input, at about the density of optional members in Plaid's responses, so
// that a small document needs one block of each kind it uses and a large
// one few.
func (d *decoder) reserve() {
	d.strings.next = d.firstBlock(64)
	d.ints.next = d.firstBlock(512)
	d.dates.next = d.firstBlock(sessionBytes)
	if len(d.data) >= minSlabbed {
		d.last = new(lastStrings)
	}
}

// firstBlock returns the size of the first block of a slab whose values
// come about once in every bytesEach bytes of the input.
func (d *decoder) firstBlock(bytesEach int) int { return len(d.data)/bytesEach + 1 }

// sessionBytes is about the length of a session, which holds one date and
// one or two objects of each kind.
const sessionBytes = 1024

// objectSlab returns the slab that d allocates objects of s's type from,
// sized as the dates are, since a session holds one or two of each kind.
// A short document's room may have given one (see room.go). Otherwise it
// returns nil, which allocates each object by itself, for a document too
// small to hold many objects of a kind: there a slab and its block would
// cost more than they save.
func objectSlab[T any](d *decoder, s *schema[T]) *slab[T] {
	if s.id < len(d.objects) {
		if sl, ok := d.objects[s.id].(*slab[T]); ok {
			return sl // as the room of a short document may give
		}
	}
	if len(d.data) < minSlabbed {
		return nil
	}
	d.listSchemas()
	sl := &slab[T]{next: d.firstBlock(sessionBytes)}
	d.objects[s.id] = sl
	return sl
}

// listSchemas makes room in objects for the slab of each schema.
func (d *decoder) listSchemas() {
	if len(d.objects) < len(schemas) {
		d.objects = append(d.objects, make([]any, len(schemas)-len(d.objects))...)
	}
}

// minSlabbed is the length of the shortest input whose objects come from
// slabs: about eight sessions.
const minSlabbed = 8 << 10

// A slab hands out pointers and slices to values it allocates in blocks.
// The optional members are pointers, and the objects in arrays and below
// others are many and small: one allocation each would cost more than the
// decoding itself. What a slab hands out keeps its whole block alive,
// which is why Clone exists.
type slab[T any] struct {
	block []T // handed out up to its length
	next  int // the size of the next block
}

// alloc returns a pointer to a new zero T, allocated by itself if s is
// nil. It writes the zero, though a new block is zero: a SessionReader
// that decodes a session again starts from the slabs as they were before,
// and the room beyond their length may hold what the first try wrote.
func (s *slab[T]) alloc() *T {
	if s == nil {
		return new(T)
	}
	if len(s.block) == cap(s.block) {
		s.refill(0)
	}
	s.block = append(s.block, *new(T))
	return &s.block[len(s.block)-1]
}

// new returns a pointer to a copy of v, allocated as alloc allocates.
func (s *slab[T]) new(v T) *T {
	p := s.alloc()
	*p = v
	return p
}

// extend returns elems, the last slice the slab handed out, with a zero
// element added. It grows in place while elems ends where the block does;
// after a block runs out, or when something was allocated after elems, as
// the causes of an Error are, the elements are moved to a new block. A nil
// slab appends, starting with one element, as most arrays in a response
// hold one or two, and doubling.
func (s *slab[T]) extend(elems []T) []T {
	n := len(elems)
	if s == nil {
		if n == cap(elems) {
			elems = append(make([]T, 0, 2*n+1), elems...)
		}
		return append(elems, *new(T))
	}
	inPlace := n == 0 || len(s.block) > 0 && &s.block[len(s.block)-1] == &elems[n-1]
	if !inPlace || len(s.block) == cap(s.block) {
		s.refill(n + 1)
		s.block = append(s.block, elems...)
	}
	s.block = append(s.block, *new(T)) // zero, as alloc says
	return s.block[len(s.block)-n-1:]
}

// refill starts a new block with room for at least n values. Blocks grow
// to 1024 values, and are larger only for a longer array.
func (s *slab[T]) refill(n int) {
	size := max(min(max(s.next, 4), 1024), 2*n)
	s.block, s.next = make([]T, 0, size), 2*size
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

// isSpace reports whether c is JSON's white space. Most bytes are above
// the space, which its first comparison settles. peek spells the same test
// out: calling isSpace there would cost null its inlining.
func isSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r')
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
		return errTooDeep()
	}
	return nil
}

// errTooDeep is the error of open, out of line so that open is inlined.
func errTooDeep() error {
	return &FieldError{Err: fmt.Errorf("exceeded max depth %d", maxDepth)}
}

// close reads the '}' or ']' that ends an object or array.
func (d *decoder) close() {
	d.pos++
	d.depth--
}

// comma reads a ',' that comes right after a value, as it nearly always
// does, and reports whether it did. It is small enough to be inlined, which
// next is not.
func (d *decoder) comma() bool {
	if d.pos < len(d.data) && d.data[d.pos] == ',' {
		d.pos++
		return true
	}
	return false
}

// next reads the ',' between members or elements, and reports whether
// another follows; at the closing byte it reports false without reading it.
// The loops call it when comma finds no ',' right after the value: for white
// space, the closing byte, or an error.
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
		return atMember(memberPath(name), ErrDuplicateMember)
	}
	raw, err := d.skip()
	if err != nil {
		return atMember(memberPath(name), err)
	}
	if *m == nil {
		*m = make(map[string]json.RawMessage)
	}
	(*m)[name] = d.keepRaw(raw)
	return nil
}

// keepRaw returns a copy of raw, the value of an unknown member, from a
// block that the unknown members of a document share, as its strings share
// blocks of text. The copy's capacity is its length, so that an append to it
// does not write over the next.
func (d *decoder) keepRaw(raw []byte) json.RawMessage {
	if cap(d.raws)-len(d.raws) < len(raw) {
		d.raws = make([]byte, 0, max(len(raw), min(2*cap(d.raws), 16<<10), 256))
	}
	start := len(d.raws)
	d.raws = append(d.raws, raw...)
	return d.raws[start:len(d.raws):len(d.raws)]
}

// string reads a JSON string; what names the Go type for a type error.
// slot is the place in repeating of the kind of string it is, or -1.
func (d *decoder) string(slot int, what string) (string, error) {
	if d.peek() != '"' {
		return "", d.typeError(what)
	}
	start := d.pos + 1
	var last *string
	if slot >= 0 && d.last != nil {
		if last = &d.last.of[slot]; d.last.escaped&(1<<slot) == 0 && d.again(start, *last) {
			return *last, nil
		}
	}
	if cap(d.textRoom)-len(d.textRoom) > 16 {
		if s, ok := d.roomString(start); ok {
			if last != nil {
				d.last.set(slot, s, false)
			}
			return s, nil
		}
	}
	b, err := d.stringBytes()
	switch {
	case err != nil:
		return "", err
	case last != nil:
		return d.repeat(slot, b, start), nil
	}
	return d.keep(b, start), nil
}

// again reads the string that starts at start if it is last, the last
// string of its kind, and reports whether it did. Comparing the input
// with last before reading the string spares the scan and the copy of
// most repeated strings. string calls it only when last had no escapes:
// then it holds no quote, backslash or control character, and the input's
// bytes equal to it and followed by a quote are that string. One that had
// escapes may hold them, and its bytes could spell something else.
func (d *decoder) again(start int, last string) bool {
	end := start + len(last)
	if end < len(d.data) && d.data[end] == '"' && string(d.data[start:end]) == last {
		d.pos = end + 1
		return true
	}
	return false
}

// roomString reads the string whose contents start at start into
// textRoom, copying it as it scans it, as the encoder copies strings, and
// reports whether it could. It cannot when the block is short of space,
// or the string holds a byte that the encoder would escape, such as a
// backslash or a byte that is not ASCII; string then reads it the usual
// way, and what roomString wrote past the block's length is written over.
// string calls it only when the block has more than the 16 bytes to spare
// that copySafe may write past what it copies, which a SessionReader's
// decoder and the purego build, whose text goes into a strings.Builder,
// never have.
func (d *decoder) roomString(start int) (string, bool) {
	n := len(d.textRoom)
	space := cap(d.textRoom) - n - 16
	end := min(len(d.data), start+space)
	k := copySafe(d.textRoom[n:cap(d.textRoom)], textString(d.data[start:end]))
	if i := start + k; i < len(d.data) && d.data[i] == '"' {
		d.pos = i + 1
		d.textRoom = d.textRoom[:n+k]
		return textString(d.textRoom[n:]), true
	}
	return "", false
}

// escaped reports whether b, the contents of the string just read, which
// began at start, had escapes: b is then scratch.
func (d *decoder) escaped(b []byte, start int) bool { return d.pos != start+len(b)+1 }

// repeat is keep for a string of the kind at slot in repeating, read the
// usual way: it returns the last string of that kind if it is equal to b,
// and otherwise a copy, which becomes the last.
func (d *decoder) repeat(slot int, b []byte, start int) string {
	last := &d.last.of[slot]
	if *last != string(b) {
		d.last.set(slot, d.keep(b, start), d.escaped(b, start))
	}
	return *last
}

// keep returns b, the contents of the string just read, which began at
// start, as a string that outlives the next read.
func (d *decoder) keep(b []byte, start int) string {
	// The test of escaped, spelled out: calling it would cost keep its
	// inlining.
	if d.pos != start+len(b)+1 {
		return string(b)
	}
	return d.substring(start, d.pos-1)
}

// substring returns data[i:j] as a string. The strings of a document are
// copied into blocks of text that they share, and handed out as slices of
// them: one allocation in place of one for each string, which would cost
// more than the decoding. Copying only the strings, and not the whole
// input, allocates less than half as much, and a value kept from a
// document keeps less of it alive. A block is textRoom, allocated without
// zeroing what will be written over, whose bytes are never written again
// once handed out; a short document's room has the first. The purego
// build, and a SessionReader, which reads a session again after reading
// more input and could then write over what its first try handed out as
// the last string of a kind, use a strings.Builder, which only appends.
func (d *decoder) substring(i, j int) string {
	if d.ownText && cap(d.textRoom)-len(d.textRoom) < j-i {
		d.textRoom = textBlock(d.textSize(j - i))
	}
	if cap(d.textRoom)-len(d.textRoom) >= j-i {
		start := len(d.textRoom)
		d.textRoom = append(d.textRoom, d.data[i:j]...)
		return textString(d.textRoom[start:])
	}
	if d.text == nil || d.text.Cap()-d.text.Len() < j-i {
		d.newText(j - i)
	}
	start := d.text.Len()
	d.text.Write(d.data[i:j])
	return d.text.String()[start:]
}

// newText starts a block of text with room for at least n bytes. The
// strings of a response are less than half of it, so a block has room for
// half of what is left of the input, up to maxText.
func (d *decoder) newText(n int) {
	if d.text == nil {
		d.text = new(strings.Builder)
	}
	d.text.Reset() // what it handed out stays as it is, in its old block
	d.text.Grow(d.textSize(n))
}

// textSize is the size of a new block of text with room for at least n
// bytes. It is one byte short of maxText at most, since textBlock's
// allocation is one byte longer than the block.
func (d *decoder) textSize(n int) int {
	return max(n, min((len(d.data)-d.pos)/2+64, maxText-1))
}

// maxText is the largest block of text, but for a longer string: the
// largest size that the runtime allocates from its small-object caches. A
// large object costs much more to allocate, and to fault in when the
// runtime has given its memory back to the system: copying the strings of
// a 1.2 MB response into one block made its decode 7-8% slower.
const maxText = 32 << 10

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
	if n, ok := d.smallInt(); ok {
		return n, nil
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

// smallInt reads a number of at most smallIntDigits digits with no sign,
// fraction or exponent, as counts are, in one pass, and reports whether it
// did. Such a number cannot overflow an int. Anything else is left to int.
func (d *decoder) smallInt() (int, bool) {
	n, i := 0, d.pos
	for ; i < len(d.data) && i-d.pos < smallIntDigits; i++ {
		c := d.data[i]
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	switch {
	case i == d.pos || i-d.pos > 1 && d.data[d.pos] == '0':
		return 0, false // no digit, or a leading zero
	case i < len(d.data) && (d.data[i] <= '9' && d.data[i] >= '0' || d.data[i] == '.' || d.data[i]|0x20 == 'e'):
		return 0, false // more digits, a fraction or an exponent
	}
	d.pos = i
	return n, true
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

const maxInt = int(^uint(0) >> 1)

// smallIntDigits is how many digits any number has that fits an int: 18
// where an int has 64 bits, 9 where it has 32.
const smallIntDigits = 9 + 9*int(^uint(0)>>63)

// number reads a JSON number, checking its grammar.
func (d *decoder) number() error {
	end, fault := numberEnd(d.data, d.pos)
	d.pos = end
	if fault != "" {
		return d.syntaxError(fault)
	}
	return nil
}

// numberEnd returns the end of the JSON number that starts at i in data,
// which holds at least one byte there. If the bytes at i are not a
// number, it returns the position of the first that does not fit and the
// context of the syntax error, in the words of encoding/json.
func numberEnd(data []byte, i int) (int, string) {
	if data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		i = digitsEnd(data, i)
	default:
		return i, "in numeric literal"
	}
	if i < len(data) && data[i] == '.' {
		if i++; i == digitsEnd(data, i) {
			return i, "after decimal point in numeric literal"
		}
		i = digitsEnd(data, i)
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		if i++; i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i == digitsEnd(data, i) {
			return i, "in exponent of numeric literal"
		}
		i = digitsEnd(data, i)
	}
	return i, ""
}

// literalEnd returns the position after the literal true, false or null
// at i in raw, or -1.
func literalEnd(raw []byte, i int) int {
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(raw)-i >= len(lit) && string(raw[i:i+len(lit)]) == lit {
			return i + len(lit)
		}
	}
	return -1
}

// digitsEnd returns the position after the run of digits at i in data.
func digitsEnd(data []byte, i int) int {
	for i < len(data) && '0' <= data[i] && data[i] <= '9' {
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
	i := start + unplainIndex(d.data[start:])
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
			i += unplainIndex(d.data[i:])
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
	default:
		if end := literalEnd(d.data, d.pos); end >= 0 {
			d.pos = end
		} else {
			err = d.syntaxError("looking for beginning of value")
		}
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

// skipObject reads an object in the value of an unknown member, checking,
// unless syntaxOnly, that no name occurs twice. The names it compares are
// kept as strings of the document's text, as keepName makes them, though
// no value holds them: a map of more than eight must own its keys, and
// views of the input would cost it an allocation a name. Decoding 20
// sessions, each with an unknown object of 200 members, took 4,267
// allocations that way, against 276, for no change in time on the
// benchmark responses.
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
				return atMember(memberPath(string(name)), ErrDuplicateMember)
			}
		}
		if _, err := d.skip(); err != nil {
			return atMember(memberPath(string(name)), err)
		}
		if d.comma() {
			continue
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
		if d.comma() {
			continue
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
	return &FieldError{Err: fmt.Errorf("invalid character %s %s at offset %d", char, context, d.base+d.pos)}
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
