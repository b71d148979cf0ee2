package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/creditsession/plaid"
)

// peekSize is how much of an input the command looks at to tell what it
// holds: its first JSON value, when that is not a long response or array.
const peekSize = 64 << 10

// open returns in as it is to be read: gunzipped when it starts with
// gzip's magic bytes, without a UTF-8 byte-order mark, and buffered.
func open(in io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(in, peekSize)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		br = bufio.NewReaderSize(zr, peekSize)
	}
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	return br, nil
}

// A kind is what an input holds, as far as its first JSON value tells.
type kind int

const (
	kindEmpty     kind = iota // nothing but white space
	kindResponse              // an object with request_id or sessions
	kindErrorBody             // an object with error_type and error_code
	kindArray                 // an array, of sessions
	kindSession               // an object with a member of a session
	kindRequest               // an object with a member of a request only
	kindLines                 // JSON Lines: more values after the first
	kindOther                 // JSON that is none of these
	kindUnknown               // an object too long, or too broken, to tell
)

// describe names what an input of kind k holds.
func (k kind) describe() string {
	return [...]string{
		kindResponse: "a /credit/sessions/get response", kindErrorBody: "Plaid's error body",
		kindArray: "an array of sessions", kindSession: "a single session",
		kindRequest: "a /credit/sessions/get request", kindLines: "JSON Lines",
		kindUnknown: "JSON",
	}[k]
}

// The members that tell the kinds of object apart. A response's and a
// request's are few and fixed; a session's are read off the package's
// type, so that a member added to it is recognized here too.
var (
	errorBodyMembers = []string{"error_type", "error_code"}
	responseMembers  = []string{"request_id", "sessions"}
	requestMembers   = []string{"user_token", "client_id", "secret"}
	sessionMembers   = jsonNames(reflect.TypeFor[plaid.CreditSession]())
)

// want names what the command reads, for an input that is none of them.
const want = "want a /credit/sessions/get response, Plaid's error body, a request, a session, an array of sessions or JSON Lines of them"

// errEmpty is input with nothing but white space in it.
var errEmpty = errors.New("empty input")

// classify tells what the input that starts with head holds. complete
// reports whether head is the whole input.
func classify(head []byte, complete bool) (kind, error) {
	dec := json.NewDecoder(bytes.NewReader(head))
	first, err := dec.Token()
	switch {
	case err == io.EOF && complete:
		return kindEmpty, errEmpty
	case err != nil:
		return kindUnknown, nil // the reader says where it breaks
	case first == json.Delim('['):
		return kindArray, nil
	case first != json.Delim('{'):
		return kindOther, errors.New("not an object or array; " + want)
	}
	var names []string
	for dec.More() {
		name, err := dec.Token()
		if err != nil {
			return objectKind(names, false), nil
		}
		names = append(names, name.(string))
		var value json.RawMessage
		if dec.Decode(&value) != nil {
			return objectKind(names, false), nil
		}
	}
	if _, err := dec.Token(); err != nil {
		return objectKind(names, false), nil
	}
	k := objectKind(names, true)
	if k == kindOther {
		return k, errors.New("an object with none of the members of a response, an error body, a request or a session; " + want)
	}
	if _, err := dec.Token(); err != io.EOF && (k == kindSession || k == kindResponse) {
		return kindLines, nil
	}
	return k, nil
}

// objectKind tells what an object with the member names is; whole
// reports whether names are all of them.
func objectKind(names []string, whole bool) kind {
	switch {
	case hasAll(names, errorBodyMembers):
		return kindErrorBody
	case hasAny(names, responseMembers):
		return kindResponse
	case hasAny(names, sessionMembers):
		return kindSession
	case !whole:
		return kindUnknown
	case hasAny(names, requestMembers):
		return kindRequest
	}
	return kindOther
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

// bytesReader returns data as a reader.
func bytesReader(data []byte) io.Reader { return bytes.NewReader(data) }
