package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/creditsession/plaid"
)

// A document is what one input held: a response, one session, an array of
// sessions, or a request.
type document struct {
	kind      string
	requestID string
	sessions  []plaid.CreditSession
	request   *plaid.CreditSessionsGetRequest // for a request, which has no sessions
	value     any                             // what -json writes back
	validate  func() []error
	unknown   func() []string // the paths of the members the package does not know
}

// errEmpty is input with nothing but white space in it.
var errEmpty = errors.New("empty input")

// want names what the command reads, for an input that is none of them.
const want = "want a /credit/sessions/get response, Plaid's error body, a request, a session or an array of sessions"

// The members that tell the kinds of object apart. A response's and a
// request's are few and fixed; a session's are read off the package's
// type, so that a member added to it is recognized here too.
var (
	errorBodyMembers = []string{"error_type", "error_code"}
	responseMembers  = []string{"request_id", "sessions"}
	requestMembers   = []string{"user_token", "client_id", "secret"}
	sessionMembers   = jsonNames(reflect.TypeFor[plaid.CreditSession]())
)

// decode decodes data in whichever shape it has. It calls UnmarshalJSON
// directly, so that malformed JSON too is reported with a path.
func decode(data []byte) (*document, error) {
	first := firstByte(data)
	if first == 0 {
		return nil, errEmpty
	}
	if first == '[' {
		return decodeArray(data)
	}
	names, ok := memberNames(data)
	switch {
	case !ok || hasAll(names, errorBodyMembers) || hasAny(names, responseMembers):
		// Malformed JSON too: decoding it says where it breaks. An error
		// body decodes to a *plaid.Error.
		return decodeResponse(data)
	case hasAny(names, sessionMembers):
		return decodeSession(data)
	case hasAny(names, requestMembers):
		return decodeRequest(data)
	case first == '{':
		return nil, errors.New("an object with none of the members of a response, an error body, a request or a session; " + want)
	}
	return nil, errors.New("not an object or array; " + want)
}

func decodeResponse(data []byte) (*document, error) {
	var r plaid.CreditSessionsGetResponse
	if err := r.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	return &document{kind: "a /credit/sessions/get response", requestID: r.RequestID, sessions: r.Sessions,
		value: r, validate: func() []error { return split(r.Validate()) }, unknown: r.UnknownMembers}, nil
}

func decodeSession(data []byte) (*document, error) {
	var s plaid.CreditSession
	if err := s.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	return &document{kind: "a single session", sessions: []plaid.CreditSession{s},
		value: s, validate: func() []error { return split(s.Validate()) }, unknown: s.UnknownMembers}, nil
}

func decodeRequest(data []byte) (*document, error) {
	var r plaid.CreditSessionsGetRequest
	if err := r.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	return &document{kind: "a /credit/sessions/get request", request: &r,
		value: r, validate: func() []error { return split(r.Validate()) }, unknown: r.UnknownMembers}, nil
}

func decodeArray(data []byte) (*document, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, &plaid.FieldError{Err: err}
	}
	sessions := make([]plaid.CreditSession, len(raws))
	for i, raw := range raws {
		err := sessions[i].UnmarshalJSON(raw)
		if err == nil && string(raw) == "null" {
			err = &plaid.FieldError{Err: errors.New("cannot unmarshal null into CreditSession")}
		}
		if err != nil {
			return nil, atIndex(i, err)
		}
	}
	validate := func() []error {
		var errs []error
		for i := range sessions {
			for _, err := range split(sessions[i].Validate()) {
				errs = append(errs, atIndex(i, err))
			}
		}
		return errs
	}
	unknown := func() []string {
		var paths []string
		for i := range sessions {
			for _, path := range sessions[i].UnknownMembers() {
				paths = append(paths, joinIndex(i, path))
			}
		}
		return paths
	}
	return &document{kind: "an array of sessions", sessions: sessions, value: sessions, validate: validate, unknown: unknown}, nil
}

// atIndex puts the path of a FieldError below the element i of an array.
func atIndex(i int, err error) error {
	var fe *plaid.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	return &plaid.FieldError{Path: joinIndex(i, fe.Path), Err: fe.Err}
}

// joinIndex returns path below the element i of an array.
func joinIndex(i int, path string) string {
	index := "[" + strconv.Itoa(i) + "]"
	switch {
	case path == "":
		return index
	case path[0] == '[':
		return index + path
	}
	return index + "." + path
}

// split returns the errors that errors.Join joined.
func split(err error) []error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()
	}
	if err != nil {
		return []error{err}
	}
	return nil
}

func firstByte(data []byte) byte {
	data = bytes.TrimLeft(data, " \t\r\n")
	if len(data) == 0 {
		return 0
	}
	return data[0]
}

// memberNames returns the names of the members of data, if it is an
// object, and reports whether data is well-formed JSON.
func memberNames(data []byte) ([]string, bool) {
	if !json.Valid(data) {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, _ := dec.Token(); tok != json.Delim('{') {
		return nil, true
	}
	var names []string
	for dec.More() {
		name, _ := dec.Token()
		var skip json.RawMessage
		_ = dec.Decode(&skip) // valid, as json.Valid said
		names = append(names, name.(string))
	}
	return names, true
}

func hasAny(names, members []string) bool {
	return slices.ContainsFunc(members, func(m string) bool { return slices.Contains(names, m) })
}

func hasAll(names, members []string) bool {
	return !slices.ContainsFunc(members, func(m string) bool { return !slices.Contains(names, m) })
}

// jsonNames returns the member names of the fields of the struct type t.
func jsonNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}
