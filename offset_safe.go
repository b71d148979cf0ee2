//go:build purego

package plaid

// An offset locates a field of type F within a struct of type T. In the
// purego build it is the accessor that the schema names the field with,
// called for every member: about 7-9% slower to encode than the offset of
// offset_unsafe.go, and without unsafe.
type offset[T, F any] func(*T) *F

// offsetOf returns p, which newSchema has checked returns the address of
// a field of T.
func offsetOf[T, F any](p func(*T) *F) offset[T, F] { return offset[T, F](p) }

// in returns the address of the field of v that o locates.
func (o offset[T, F]) in(v *T) *F { return o(v) }

// newEnum returns a pointer to s as an E. The other build takes it from
// the decoder's slab of strings, which this one cannot convert. Here it
// comes from a slab of Es, which objects lists after the slabs of the
// schemas: one that a short document's room gives (see enumRoom), or one
// made for a document long enough for slabs of objects. A short document
// without room allocates each.
func newEnum[E enum](d *decoder, s string) *E {
	if sl := enumSlab[E](d); sl != nil {
		return sl.new(E(s))
	}
	if len(d.data) < minSlabbed {
		e := E(s)
		return &e
	}
	d.listSchemas()
	sl := &slab[E]{next: d.firstBlock(sessionBytes)}
	d.objects = append(d.objects, sl)
	return sl.new(E(s))
}

// enumSlab returns the slab of Es that objects lists, or nil.
func enumSlab[E enum](d *decoder) *slab[E] {
	for i := len(schemas); i < len(d.objects); i++ {
		if sl, ok := d.objects[i].(*slab[E]); ok {
			return sl
		}
	}
	return nil
}

// An enumRoom is the room for the first values of enum type E in a short
// document's room (see room.go), and the slab that newEnum hands them out
// from: without it, each would be an allocation of its own, four of the
// eight of a response of two sessions.
type enumRoom[E enum] struct{ objectRoom[E] }

// give lists o's slab in d's objects, after room.give.
func (o *enumRoom[E]) give(d *decoder) { d.objects = append(d.objects, o.start(d)) }

// newBuffer returns an empty slice with room for n bytes. The other build
// allocates it without zeroing it.
func newBuffer(n int) []byte { return make([]byte, 0, n) }

// roomText is empty in this build, which has no way to hand out strings
// from room it writes: the text of a short document goes into a
// strings.Builder, as that of any other.
type roomText = [0]byte

// textString is never called in this build but for an empty string.
func textString(b []byte) string { return string(b) }

// textBlocks is false in this build, which cannot hand out strings from
// a block it writes: text goes into a strings.Builder.
const textBlocks = false

// textBlock is never called in this build.
func textBlock(n int) []byte { return nil }
