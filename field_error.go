package plaid

import (
	"strconv"
	"strings"
)

// A FieldError describes a problem with a value at a place in a
// credit-session document: a member of the wrong type, a malformed Date, a
// missing required member, a duplicate name, or a value that fails Validate.
//
// Decoding and Validate return FieldErrors; use [errors.As] to get one from
// an error returned by [encoding/json].
type FieldError struct {
	// Path is the place in the document in JSON path notation, such as
	// "sessions[2].session_start_time". It is empty when the problem is
	// with the whole value.
	Path string
	// Err is the problem found there.
	Err error
}

// Error returns "plaid: <path>: <problem>", or "plaid: <problem>" when the
// path is empty.
func (e *FieldError) Error() string {
	if e.Path == "" {
		return "plaid: " + e.Err.Error()
	}
	return "plaid: " + e.Path + ": " + e.Err.Error()
}

// Unwrap returns the underlying problem.
func (e *FieldError) Unwrap() error { return e.Err }

// atMember returns err located below the object member name. A FieldError
// made by this package gets the name prepended to its path as it travels up
// the document; any other error is wrapped.
func atMember(name string, err error) error {
	if fe, ok := err.(*FieldError); ok {
		fe.Path = joinPath(name, fe.Path)
		return fe
	}
	return &FieldError{Path: name, Err: err}
}

// atIndex is atMember for the element i of an array.
func atIndex(i int, err error) error {
	return atMember("["+strconv.Itoa(i)+"]", err)
}

func joinPath(outer, inner string) string {
	if inner == "" {
		return outer
	}
	if strings.HasPrefix(inner, "[") {
		return outer + inner
	}
	return outer + "." + inner
}
