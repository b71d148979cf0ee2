package plaid

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
)

// This file holds the entry points of the JSON machinery that every type
// shares: schema.go describes the members, decode.go and encode.go read
// and write them, and scan.go holds the byte scanners both use. Each type
// describes its members once, in a schema: name, JSON kind, and where the
// value lives. decodeObject and appendObject walk that schema in a single
// pass over the bytes, so that bytes become values and values become the
// same bytes without reflection, maps or a second decode.

// maxDepth bounds the nesting of objects and arrays, as encoding/json
// does, so that hostile input cannot exhaust the stack.
const maxDepth = 10000

// unmarshal decodes data, which must hold one JSON object or null, into v.
// As is the convention, null leaves v unchanged; so does an error.
// Otherwise v is replaced, not merged into.
func unmarshal[T any](data []byte, v *T, s *schema[T]) error {
	t, null, err := decodeNew(data, s)
	if err == nil && !null {
		*v = *t
	}
	return err
}

// decodeNew decodes data into a new T, and reports whether data is null.
// After an error, the T holds what was read before it. The T, the decoder
// and the builder of its text share one allocation: they escape to the
// heap, through the functions of the schema's fields, and one allocation
// costs less than three. A short document whose schema has room for its
// values gets the room in that allocation too (see room.go).
func decodeNew[T any](data []byte, s *schema[T]) (t *T, null bool, err error) {
	var d *decoder
	if s.newRoom != nil && len(data) >= minRoom && len(data) < minSlabbed {
		d, t = s.newRoom(data)
	} else {
		w := &struct {
			d    decoder
			t    T
			text strings.Builder
		}{d: decoder{data: data}}
		d, t = &w.d, &w.t
		d.text = &w.text
		d.reserve()
	}
	d.ownText = textBlocks
	if d.null() {
		return t, true, d.end()
	}
	err = decodeObject(d, t, &s.codec)
	if err == nil {
		err = d.end()
	}
	// The room lives as long as the values in it, and must not keep the
	// input alive with them.
	d.data, d.scratch = nil, nil
	return t, false, located(err)
}

// marshal encodes v as s describes. With redact set, credentials are
// written as "REDACTED", for String and LogValue.
func marshal[T any](v *T, s *schema[T], redact bool) ([]byte, error) {
	b, err := encode(newBuffer(s.room()), v, s, redact)
	if err != nil {
		return nil, err
	}
	if cap(b) > 2*len(b)+4096 {
		// The last value was much larger: do not hand out its room.
		return bytes.Clone(b), nil
	}
	// Clipped, because the room past the end is not zeroed (newBuffer).
	return b[:len(b):len(b)], nil
}

// room returns the capacity of a buffer to encode a value of s into: the
// size hint, at least minRoomHint, with a margin of a 128th, rounded up as
// bufferSize does. The margin lets a value a little longer than the hint
// fit where no size class rounds up, in a large buffer; it is small, so
// that a short value keeps the size class of its length. The room of
// newBuffer is one byte shorter than its allocation.
//
// The margin used to be a sixteenth and 256 bytes, which grow needs past
// a last object that begins at the end of the hint. For the 2-session
// response, that took its result from 2,304 bytes to 3,072.
func (s *schema[T]) room() int {
	hint := max(int(s.sizeHint.Load()), minRoomHint)
	return bufferSize(hint+hint/128+1) - 1
}

// minRoomHint is the least room a value is given, which is that of the
// first value of a schema: from less, append would grow its buffer many
// times over a few bytes.
const minRoomHint = 256

// encode appends v to b, which is empty, as s describes, and updates the
// size hint with its length. After an error, it returns b as it was.
func encode[T any](b []byte, v *T, s *schema[T], redact bool) ([]byte, error) {
	out, err := appendObject(b, v, &s.codec, redact)
	if err != nil {
		return b, located(err)
	}
	n := len(out)
	if cap(out) != cap(b) && n <= cap(b) {
		// The buffer was grown, though the value fit: its last object
		// began within growAt of the end. Room for that next time.
		n += growAt
	}
	old := s.sizeHint.Load()
	if hint := nextHint(old, n); hint != old {
		s.sizeHint.Store(hint) // only on change: goroutines share it
	}
	return out, nil
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

// unknownMembers appends to paths the path of every member of v's Extra,
// and of the Extras of the objects v holds, each below path.
func unknownMembers[T any](v *T, s *schema[T], path string, paths []string) []string {
	for name := range *s.extra(v) {
		paths = append(paths, joinPath(path, memberPath(name)))
	}
	for i := range s.fields {
		if f := &s.fields[i]; f.unknown != nil {
			paths = f.unknown(v, joinPath(path, f.name), paths)
		}
	}
	return paths
}

// sortedUnknownMembers returns the paths of the unknown members of v,
// relative to v and sorted, or nil if it has none.
func sortedUnknownMembers[T any](v *T, s *schema[T]) []string {
	if v == nil {
		return nil
	}
	paths := unknownMembers(v, s, "", nil)
	slices.Sort(paths)
	return paths
}

// cloneObject makes dst a deep copy of src, which shares no memory with
// it: every string, slice, map and pointer is copied.
func cloneObject[T any](dst, src *T, s *schema[T]) {
	*dst = *src
	for i := range s.fields {
		if f := &s.fields[i]; f.clone != nil {
			f.clone(dst, src)
		}
	}
	if extra := *s.extra(src); extra != nil {
		c := make(map[string]json.RawMessage, len(extra))
		for name, raw := range extra {
			c[strings.Clone(name)] = bytes.Clone(raw)
		}
		*s.extra(dst) = c
	}
}

// nextHint returns the size hint of a schema, which was old, after a value
// of n bytes: n, unless n is shorter than old by less than an eighth. So
// values of one shape, whose lengths vary a little, find room for the
// longest of them; one much shorter, as after a large response, does not
// take the large one's room.
func nextHint(old int64, n int) int64 {
	if int64(n) > old || int64(n) < old-old/8 {
		return int64(n)
	}
	return old
}
