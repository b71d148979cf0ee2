package plaid

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// appendObject appends v as a JSON object: its known members in schema
// order, then the members of Extra sorted by name. With redact set,
// credentials are written as "REDACTED".
//
// The encoder writes what encoding/json would write for the same values,
// HTML-safe escapes included, so that calling MarshalJSON directly gives
// the bytes json.Marshal gives. It passes the buffer along rather than
// keeping it in a struct, which would live on the heap.
func appendObject[P any](b []byte, v P, s *codec[P], redact bool) ([]byte, error) {
	// Every member is written after a comma, and the first comma then
	// becomes the opening brace: this spares each member the question of
	// whether it is the first.
	b = grow(b)
	start := len(b)
	for i, encode := range s.encode {
		var err error
		if b, err = encode(b, v, redact); err != nil {
			return b, atMember(s.names[i], err)
		}
	}
	if extra := *s.extra(v); len(extra) > 0 {
		var err error
		if b, err = appendExtra(b, extra, s.names); err != nil {
			return b, err
		}
	}
	if len(b) == start {
		return append(b, '{', '}'), nil
	}
	b[start] = '{'
	return append(b, '}'), nil
}

func appendExtra(b []byte, extra map[string]json.RawMessage, known []string) ([]byte, error) {
	// Members are written sorted by name. A few are sorted in an array on
	// the stack, more in a slice kept in a pool, so that MarshalJSON
	// allocates only its result, whatever Extra holds. Each is sorted with
	// its value, which spares looking the name up again.
	if len(extra) <= fewMembers {
		var few [fewMembers]rawMember
		return appendSorted(b, appendMembers(few[:0], extra), known)
	}
	pooled := membersPool.Get().(*[]rawMember)
	members := appendMembers((*pooled)[:0], extra)
	b, err := appendSorted(b, members, known)
	clear(members) // the pool must not keep the members alive
	if cap(members) <= maxPooledMembers {
		*pooled = members[:0]
		membersPool.Put(pooled)
	}
	return b, err
}

// fewMembers is how many members of Extra appendExtra sorts in an array
// on the stack, and appendSorted sorts by insertion.
const fewMembers = 8

// A rawMember is a member of Extra.
type rawMember struct {
	name string
	raw  json.RawMessage
}

// appendMembers appends the members of extra to members. It stores the
// fields of each one by one: a member built whole on the stack and then
// copied was read back before its stores had landed, a stall in every
// iteration.
func appendMembers(members []rawMember, extra map[string]json.RawMessage) []rawMember {
	members = slices.Grow(members, len(extra))
	for name, raw := range extra {
		members = members[:len(members)+1]
		m := &members[len(members)-1]
		m.name, m.raw = name, raw
	}
	return members
}

// appendSorted sorts members by name and appends them. A few are sorted by
// insertion, without the calls of slices.SortFunc. With that, the stores
// of appendMembers, and plainValue's way for a string, writing an object's
// two unknown members took 90 ns in place of 96-98 on both engines, and
// the encoder's own work (BenchmarkEncodeReused) 2.6% less time on Go 1.26
// (p <= 0.003; not significant on Go 1.27).
func appendSorted(b []byte, members []rawMember, known []string) ([]byte, error) {
	if len(members) > fewMembers {
		slices.SortFunc(members, func(a, b rawMember) int { return strings.Compare(a.name, b.name) })
	} else {
		for i := 1; i < len(members); i++ {
			for j := i; j > 0 && members[j].name < members[j-1].name; j-- {
				members[j], members[j-1] = members[j-1], members[j]
			}
		}
	}
	for _, m := range members {
		var err error
		if b, err = appendExtraMember(b, m.name, m.raw, known); err != nil {
			return b, err
		}
	}
	return b, nil
}

// membersPool holds the slices that appendExtra sorts many members in.
var membersPool = sync.Pool{New: func() any { return new([]rawMember) }}

// maxPooledMembers bounds the slices membersPool keeps, so that one object
// with very many unknown members does not keep a large slice alive.
const maxPooledMembers = 1024

// appendExtraMember appends the unknown member name with its value raw,
// unless name is one of the known names.
func appendExtraMember(b []byte, name string, raw json.RawMessage, known []string) ([]byte, error) {
	if slices.Contains(known, name) {
		return b, atMember(memberPath(name), errors.New("member is known and cannot also be in Extra"))
	}
	// An unknown name needs escaping, so its key is made here.
	b = append(appendString(append(b, ','), name), ':')
	b, err := appendCompact(b, raw)
	if err != nil {
		return b, atMember(memberPath(name), err)
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
		if b, err = appendObject(b, &elems[i], &s.codec, redact); err != nil {
			return b, atIndex(i, err)
		}
	}
	return append(b, ']'), nil
}

// The field constructors below are the JSON kinds that the schemas use.

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
// grow stay small. It copies b into a new buffer, not through slices.Grow,
// which under the race detector allocates twice; the room past the end is
// not zeroed, as in the buffer that room sizes (see newBuffer).
//
//go:noinline
func double(b []byte) []byte {
	return append(newBuffer(len(b)+cap(b)+growAt), b...)
}

// growAt is the room below which grow doubles the buffer. A buffer sized
// to a value ends within growAt of its last object when that object is
// short, and is then doubled although the value fits: encode leaves that
// room the next time.
const growAt = 128

// bufferSize returns the capacity to allocate for a buffer of n bytes: n,
// or, from 1,793 to 9,728 bytes, the next of packedSizes. The runtime
// takes a small allocation from a span of memory that holds objects of its
// size class, and fetching a span costs as much as writing a few hundred
// bytes of JSON. A class such as 2,688 bytes fits only three to a span of
// 8 KB, and 4,096 only two, so that a result of that size fetches a span
// every second or third encode; 3,072 bytes fit eight to a span of 24 KB.
// The 2-session response, when its result took 2,688, encoded 5.5% faster
// with 3,072 on Go 1.27, and 4.6-6% faster on Go 1.26, significantly in
// one of two comparisons in turns; it now takes 2,304, itself one of
// them. A result takes at most 41% more memory than it would otherwise, at
// 3,457 bytes; a larger one is left as it is, since the classes beyond
// hold few objects to a span whatever the size, and a span costs less next
// to writing more.
func bufferSize(n int) int {
	if n <= 1792 {
		return n
	}
	for _, size := range packedSizes {
		if n <= size {
			return size
		}
	}
	return n
}

// packedSizes are the size classes of the Go runtime from 1,793 to 9,728
// bytes that fit at least five objects to a span, in increasing order.
// TestPackedSizes checks that each is a size class.
var packedSizes = [...]int{2304, 3072, 3200, 3456, 4864, 6528, 6784, 6912, 9472, 9728}

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

// appendInt appends n in decimal. Most counts are a single digit, which
// is appended as a byte, without strconv's call.
func appendInt(b []byte, n int) []byte {
	if uint(n) < 10 {
		return append(b, byte('0'+n))
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// appendDate appends t, or null for the zero Date.
func appendDate(b []byte, t Date) ([]byte, error) {
	if t.IsZero() {
		return append(b, "null"...), nil
	}
	if !t.IsValid() {
		return b, &FieldError{Err: errDateRange}
	}
	return t.appendQuoted(b), nil
}

const hex = "0123456789abcdef"

// safe reports which bytes are written as they are: ASCII but for the
// quote, the backslash, control characters and the HTML-sensitive <, >
// and &. A byte that is not ASCII starts a rune to be checked, as plain
// has it for the decoder.
var safe = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD,
// as in encoding/json. Most strings need no escapes and the buffer has
// room for them; then one call to copySafe tests and copies the whole
// string. appendEscaped takes over at the first byte that needs an
// escape, or when the buffer is short of room.
func appendString(b []byte, s string) []byte {
	n := len(b)
	if cap(b)-n < len(s)+18 {
		return appendEscaped(append(b, '"'), s, 0)
	}
	dst := b[n:cap(b)]
	dst[0] = '"'
	k := copySafe(dst[1:], s)
	if k < len(s) {
		return appendEscaped(b[:n+1+k], s, k)
	}
	dst[1+k] = '"'
	return b[:n+k+2]
}

// appendEscaped appends s[i:] and the closing quote to b, which holds the
// string before i, escaping what needs it.
func appendEscaped(b []byte, s string, i int) []byte {
	for {
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
		} else {
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
}

// appendSafePrefix appends the bytes at the start of s that the encoder
// writes as they are, and returns how many it appended. When b has room,
// they are tested and copied in one pass, which made encoding 6-13%
// faster than a scan and then a copy: most strings are short, and the
// copy was a call of its own. What it writes past the bytes it appends
// is in b's spare capacity, which the next append writes over.
func appendSafePrefix(b []byte, s string) ([]byte, int) {
	if n := len(b); cap(b)-n >= len(s)+16 {
		k := copySafe(b[n:cap(b)], s)
		return b[:n+k], k
	}
	n := escapedIndex(s)
	return append(b, s[:n]...), n
}

// compacted reports which bytes appendCompact may have to change: white
// space, the HTML-sensitive characters, and the first byte of U+2028 and
// U+2029. Most raw values have none, and are appended as they are.
var compacted = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '<': true, '>': true, '&': true, 0xE2: true}

// checkSyntax checks that data is one JSON value with only white space
// around it, as the decoder reads it, but builds no values and does not
// look for duplicate names.
func checkSyntax(data []byte) error {
	d := decoder{data: data, syntaxOnly: true}
	if _, err := d.skip(); err != nil {
		return err
	}
	return d.end()
}

// appendCompact appends the JSON value raw without insignificant white
// space, with <, >, &, U+2028 and U+2029 escaped in its strings as
// encoding/json does. It checks raw first, since Extra may have been
// filled by hand.
func appendCompact(b []byte, raw []byte) ([]byte, error) {
	if plain, spaced := plainValue(raw); plain {
		if !spaced {
			return append(b, raw...), nil
		}
		return appendCompacted(b, raw), nil
	}
	if err := checkSyntax(raw); err != nil {
		return b, err
	}
	if !slices.ContainsFunc(raw, func(c byte) bool { return compacted[c] }) {
		return append(b, raw...), nil
	}
	return appendCompacted(b, raw), nil
}

// plainValue reports whether raw is one JSON value whose strings hold only
// bytes that the encoder writes as they are: printable ASCII with no
// escapes and no <, > or &. Such are nearly all the values of unknown
// members. It also reports whether raw has white space outside its
// strings, the only thing appendCompact then changes. For anything else,
// valid or not, it reports false, and appendCompact checks raw with the
// decoder, which words the errors. Checking such values in this one short
// loop, in place of the decoder's skip and then a search for bytes to
// change, made the direct encode of the 2-session response, whose first
// session has two unknown members, 7-12% faster on Go 1.27 (5% on Go 1.26,
// not significant) and that of the large one 4% faster on Go 1.26.
func plainValue(raw []byte) (plain, spaced bool) {
	// A string, the commonest value, is plain if its closing quote is
	// the first byte to escape and the last of raw.
	if len(raw) > 1 && raw[0] == '"' && 1+escapedIndexWords(raw[1:]) == len(raw)-1 && raw[len(raw)-1] == '"' {
		return true, false
	}
	var objects uint64 // bit 0 is set when the innermost open container is an object
	depth, i := 0, 0
	name := false // whether a member name comes next, rather than a value
	for {
		if i, spaced = spaceEnd(raw, i, spaced); i >= len(raw) {
			return false, spaced
		}
		switch c := raw[i]; {
		case c == '"':
			i++
			if i += escapedIndexWords(raw[i:]); i >= len(raw) || raw[i] != '"' {
				return false, spaced
			}
			i++
			if name {
				if i, spaced = spaceEnd(raw, i, spaced); i >= len(raw) || raw[i] != ':' {
					return false, spaced
				}
				i, name = i+1, false
				continue
			}
		case name:
			return false, spaced
		case c == '{' || c == '[':
			if i, spaced = spaceEnd(raw, i+1, spaced); i < len(raw) && raw[i] == c+2 {
				i++ // empty: '}' is '{'+2 and ']' is '['+2
				break
			}
			if depth == 64 {
				return false, spaced // deeper values take the decoder's way
			}
			depth++
			name = c == '{'
			objects = objects<<1 | uint64(c>>5&1) // '{' has bit 5 set, '[' does not
			continue
		case c == 't' || c == 'f' || c == 'n':
			if i = literalEnd(raw, i); i < 0 {
				return false, spaced
			}
		default:
			var fault string
			if i, fault = numberEnd(raw, i); fault != "" {
				return false, spaced
			}
		}
		// After a value: the ends of the containers it completes, then a
		// comma and the next member or element, or the end of raw.
		for {
			if i, spaced = spaceEnd(raw, i, spaced); depth == 0 {
				return i == len(raw), spaced
			}
			if i == len(raw) {
				return false, spaced
			}
			if raw[i] == ',' {
				i, name = i+1, objects&1 != 0
				break
			}
			if raw[i] != "]}"[objects&1] {
				return false, spaced
			}
			i++
			depth--
			objects >>= 1
		}
	}
}

// spaceEnd returns the position after the white space at i in raw, and
// spaced, set if there was any.
func spaceEnd(raw []byte, i int, spaced bool) (int, bool) {
	for i < len(raw) && isSpace(raw[i]) {
		i, spaced = i+1, true
	}
	return i, spaced
}

// appendCompacted is appendCompact for a valid raw that has something to
// change.
func appendCompacted(b []byte, raw []byte) []byte {
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
		case !inString && isSpace(c):
		default:
			continue
		}
		b = append(append(b, raw[start:i]...), esc...)
		if esc != "" && c == 0xE2 {
			i += 2
		}
		start = i + 1
	}
	return append(b, raw[start:]...)
}
