// Package plaid models the JSON of Plaid's /credit/sessions/get endpoint:
// the Link sessions of a user, with the Items they added, their bank
// income and employment results, their payroll and document income
// counts, and the errors they met; and Plaid's error object, which it
// sends in place of a response when a call fails.
//
// The types implement the methods of [encoding/json], so json.Unmarshal,
// json.Marshal and json.NewDecoder work as they do with any struct. They
// differ from plain structs in six ways.
//
// # Nothing is lost
//
// Marshalling a decoded value gives back the same JSON value: members this
// package does not know are kept, at any depth, in each struct's Extra
// field as their raw bytes; an empty array stays an empty array; a status
// Plaid adds next year is kept as it was sent; and a timestamp keeps its
// exact text. The one change is that a known member sent as null, as Plaid
// does for absent values, may be left out. Optional members are pointers,
// so that an absent member differs from a zero one; [Ptr] makes them, and
// the GetX methods read them safely through nil. Decoding replaces a
// value whole, as if it had been zero: it never merges into what was
// there. [CreditSession.UnknownMembers] and its twins on every type list
// the paths of the members kept in Extra, which is how a service notices
// that Plaid's API has grown.
//
// # A failed call is an error
//
// Decoding Plaid's error body (an object with error_type and error_code)
// into a [CreditSessionsGetResponse] returns it as an [*Error], which
// implements error, and leaves the response unchanged: a failed call is
// never mistaken for a response without sessions. Use [errors.As] to get
// it from what [encoding/json.Unmarshal] returns, on either JSON engine.
//
// # Large inputs
//
// A [SessionReader] reads the sessions of a response, an array or JSON
// Lines from an [io.Reader] one at a time, in memory bounded by the
// largest session, and reports a bad session as an error for that
// session only.
//
// # Dates keep their text
//
// Plaid documents session_start_time as a date but sends an RFC 3339
// date-time with microseconds. A [Date] accepts YYYY-MM-DD and
// YYYY-MM-DDThh:mm:ss with an optional fraction of 1 to 9 digits and Z or
// ±hh:mm, checks the calendar and the clock, and marshals to exactly the
// text it was parsed from. [Date.Compare] orders Dates by instant.
//
// # Errors say where
//
// Every problem found while decoding, other than malformed JSON passed
// through json.Unmarshal (a [*encoding/json.SyntaxError]), is a
// [*FieldError] whose Path names the place, such as
// sessions[2].session_start_time, and whose message quotes the offending
// value. Wrong types, integers that are not integers, malformed Dates,
// missing required members and member names that occur twice are all
// errors; unknown members and unknown enum values are not. Validate
// checks, on request, what decoding cannot: that counts are not negative,
// identifiers are not empty and statuses are known. Every problem wraps
// one of [ErrMissingMember], [ErrDuplicateMember], [ErrUnknownValue],
// [ErrNegativeCount] and [ErrEmpty], which [errors.Is] finds: a service
// that tolerates the statuses Plaid adds skips those that wrap
// ErrUnknownValue.
//
// # Credentials stay out of logs
//
// A request's secret and an Item's public token are credentials. Every
// type prints (fmt's %v, %+v and %#v) and logs (log/slog) with them shown
// as REDACTED. json.Marshal keeps them, since JSON is the wire format:
// never log the output of json.Marshal.
//
// Decoding and encoding are this package's own single pass over the bytes,
// with no reflection and no dependency outside the standard library.
// Calling UnmarshalJSON and MarshalJSON directly skips the extra passes
// that encoding/json makes over the input and output of such methods. On
// Go 1.27, where encoding/json runs on its v2 engine, the types also have
// the MarshalJSONTo method of encoding/json/v2, which json.Marshal calls
// in place of MarshalJSON: it writes the same bytes through a buffer that
// the package reuses, where MarshalJSON allocates a result that
// encoding/json would copy and drop.
// The strings of a decoded value share blocks of text, copies of the
// input's strings, and its objects and pointers share blocks with those of
// the rest of the document, which costs a few allocations in place of one
// each. So a value kept from a large document, even one string of it,
// keeps the blocks it lies in reachable: keep
// the value's Clone (such as [CreditSession.Clone]), which shares nothing
// with the input, or [strings.Clone] of a string. Every struct type is
// also a database/sql value, stored as a JSON document, and a gob value;
// [Date] is stored as its text.
package plaid
