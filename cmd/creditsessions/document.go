package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/creditsession/plaid"
)

// A document is what one input held: a response, one session, or an
// array of sessions.
type document struct {
	kind      string
	requestID string
	sessions  []plaid.CreditSession
	value     any // what -json writes back
	validate  func() []error
}

// decode decodes data in whichever shape it has. It calls UnmarshalJSON
// directly, so that malformed JSON too is reported with a path.
func decode(data []byte) (*document, error) {
	switch {
	case firstByte(data) == '[':
		return decodeArray(data)
	case isResponse(data):
		var r plaid.CreditSessionsGetResponse
		if err := r.UnmarshalJSON(data); err != nil {
			return nil, err
		}
		return &document{kind: "a /credit/sessions/get response", requestID: r.RequestID, sessions: r.Sessions,
			value: r, validate: func() []error { return split(r.Validate()) }}, nil
	default:
		var s plaid.CreditSession
		if err := s.UnmarshalJSON(data); err != nil {
			return nil, err
		}
		return &document{kind: "a single session", sessions: []plaid.CreditSession{s},
			value: s, validate: func() []error { return split(s.Validate()) }}, nil
	}
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
	return &document{kind: "an array of sessions", sessions: sessions, value: sessions, validate: validate}, nil
}

// atIndex puts the path of a FieldError below the element i of an array.
func atIndex(i int, err error) error {
	var fe *plaid.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	path := "[" + strconv.Itoa(i) + "]"
	switch {
	case fe.Path == "":
	case fe.Path[0] == '[':
		path += fe.Path
	default:
		path += "." + fe.Path
	}
	return &plaid.FieldError{Path: path, Err: fe.Err}
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

// isResponse reports whether data is an object with a member that only a
// response has. Anything that is not a well-formed object counts as a
// response, whose decoding then says what is wrong.
func isResponse(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return true
	}
	for dec.More() {
		name, err := dec.Token()
		if err != nil {
			return true
		}
		if name == "request_id" || name == "sessions" {
			return true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return true
		}
	}
	return false
}
