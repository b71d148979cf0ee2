package plaid

import (
	"errors"
	"log/slog"
	"strconv"
	"strings"
)

// The problems that decoding and Validate report wrap one of these errors,
// so that a caller can tell them apart with [errors.Is] rather than by
// their text.
var (
	// ErrMissingMember is a required member that is absent or null.
	ErrMissingMember = errors.New("missing required member")
	// ErrDuplicateMember is a member name that occurs twice in one object.
	ErrDuplicateMember = errors.New("duplicate member name")
	// ErrUnknownValue is an enum value this package does not know, such
	// as a status Plaid added after it was written. Decoding keeps such a
	// value; Validate reports it. A service may choose to tolerate it.
	ErrUnknownValue = errors.New("unknown value")
	// ErrNegativeCount is a count below zero.
	ErrNegativeCount = errors.New("negative count")
	// ErrEmpty is a required string that is empty.
	ErrEmpty = errors.New("must not be empty")
)

// A problem is one of the errors above, worded for the place it was found
// at, such as `unknown CreditSessionBankIncomeStatus "PENDING"`.
type problem struct {
	kind error
	text string
}

func (p *problem) Error() string { return p.text }
func (p *problem) Unwrap() error { return p.kind }

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

	outer []string // path elements gathered on the way up, innermost first
}

// Error returns "plaid: <path>: <problem>", or "plaid: <problem>" when the
// path is empty.
func (e *FieldError) Error() string {
	if e.Path == "" {
		return "plaid: " + e.Err.Error()
	}
	return "plaid: " + e.Path + ": " + e.Err.Error()
}

// LogValue implements the [slog.LogValuer] interface, logging e as its
// message.
func (e *FieldError) LogValue() slog.Value { return slog.StringValue(e.Error()) }

// Unwrap returns the underlying problem.
func (e *FieldError) Unwrap() error { return e.Err }

// atMember returns err located below the object member name. A
// FieldError of this package gathers the names as it travels up the
// document, and located joins them into its Path at the top, so that a
// deep error costs time in proportion to its depth.
func atMember(name string, err error) error {
	fe, ok := err.(*FieldError)
	if !ok {
		fe = &FieldError{Err: err}
	}
	fe.outer = append(fe.outer, name)
	return fe
}

// atIndex is atMember for the element i of an array.
func atIndex(i int, err error) error {
	return atMember("["+strconv.Itoa(i)+"]", err)
}

// located completes the Path of err, if it is a FieldError, from the
// path elements that atMember gathered.
func located(err error) error {
	fe, ok := err.(*FieldError)
	if !ok || len(fe.outer) == 0 {
		return err
	}
	var b strings.Builder
	for i := len(fe.outer) - 1; i >= 0; i-- {
		writePathElement(&b, fe.outer[i])
	}
	writePathElement(&b, fe.Path)
	fe.Path, fe.outer = b.String(), nil
	return fe
}

// joinPath returns the path elem below path.
func joinPath(path, elem string) string {
	var b strings.Builder
	writePathElement(&b, path)
	writePathElement(&b, elem)
	return b.String()
}

func writePathElement(b *strings.Builder, elem string) {
	if b.Len() > 0 && elem != "" && elem[0] != '[' {
		b.WriteByte('.')
	}
	b.WriteString(elem)
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
