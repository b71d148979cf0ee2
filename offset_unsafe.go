//go:build !purego

package plaid

import (
	"strings"
	"unsafe"
)

// An offset locates a field of type F within a struct of type T. The
// schemas name each field once, with an accessor function such as
// func(s *CreditSession) **string { return &s.LinkSessionID }, which the
// compiler checks; its offset is taken from it once. Calling the accessor
// for every member instead, through a function value the compiler cannot
// see into, took 7-9% of the time of encoding. This file holds the
// package's uses of unsafe; offset_safe.go is its twin for the purego
// build, and go test -race checks the pointers made here.
type offset[T, F any] uintptr

// offsetOf returns the offset of the field of T that p returns the address
// of. newSchema has checked, when the package was initialized, that p
// returns the address of a field of T, so the offset is that field's.
func offsetOf[T, F any](p func(*T) *F) offset[T, F] {
	return offset[T, F](spanOf(p).offset)
}

// in returns the address of the field of v that o locates.
func (o offset[T, F]) in(v *T) *F {
	return (*F)(unsafe.Add(unsafe.Pointer(v), o))
}

// newEnum returns a pointer to s as an E, a string type, from the slab
// that the decoder's strings come from: an enum pointer each would be two
// of the ten allocations of a session.
func newEnum[E enum](d *decoder, s string) *E {
	return (*E)(unsafe.Pointer(d.strings.new(s)))
}

// An enumRoom is the room for the first values of enum type E in a short
// document's room. This build needs none, since newEnum takes them from
// the room's strings; offset_safe.go's twin has room.
type enumRoom[E enum] struct{}

// give does nothing in this build.
func (*enumRoom[E]) give(*decoder) {}

// newBuffer returns an empty slice with room for n bytes, allocated without
// being zeroed first: zeroing a result that is written over at once took
// 6-8% of encoding a large response. strings.Builder.Grow allocates such
// room, and String shares it, so the room past the one byte written is
// free to use; that byte, part of a string, is left alone. The caller
// writes every byte it hands out and clips the slice, so that what the
// room held before is never seen.
func newBuffer(n int) []byte {
	var b strings.Builder
	b.Grow(1 + n)
	b.WriteByte(0)
	return unsafe.Slice(unsafe.StringData(b.String()), b.Cap())[1 : 1 : 1+n]
}

// roomText is the room for text in a short document's room (see room.go),
// whose strings are handed out by textString.
type roomText = [roomSessions * 512]byte

// textString returns b as a string that shares its bytes. The decoder
// hands out strings from a room only as far as it has written it, and
// never writes there again, as a strings.Builder does.
func textString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// textBlocks is whether decodeNew's decoder puts its text into blocks of
// its own, from textBlock, whose strings textString hands out.
const textBlocks = true

// textBlock returns an empty block of text with room for n bytes, in an
// allocation of n+1 (see newBuffer).
func textBlock(n int) []byte { return newBuffer(n) }
