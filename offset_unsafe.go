package plaid

import (
	"fmt"
	"unsafe"
)

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
