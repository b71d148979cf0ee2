package plaid

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
)

// readerBuffer is the size that a SessionReader's buffer starts at. It
// grows to hold the largest single session.
const readerBuffer = 64 << 10

// margin is how close to the end of what has been read a problem must be
// found for the reader to read more and try again: the problem may be only
// that the buffer ends in the middle of a name, a number or an escape, and
// a message quotes up to cutLen bytes of the value it is about.
const margin = cutLen + 16

// A SessionReader reads the sessions of /credit/sessions/get JSON from a
// stream, one at a time, as [encoding/csv]'s Reader reads records. The
// input may be a response, a JSON array of sessions, or JSON Lines, in
// which each line (or, in general, each JSON value) holds a session, a
// response or an array of sessions.
//
// Each session is decoded exactly as [CreditSession.UnmarshalJSON]
// decodes it. A session with a problem is an error for that session only:
// a [*FieldError] whose Path locates it, such as
// sessions[20000].session_start_time in a response or [3].errors[0] in an
// array, and whose message adds the line it begins on and its
// link_session_id, when one was read before the problem. The next Read goes
// on with the next session. The members of a response other than its
// sessions are checked as UnmarshalJSON checks them, and a problem with
// them is an error of its own, after its sessions; they are not kept.
//
// Only broken JSON syntax, an error from the underlying reader, or Plaid's
// error body (returned as a [*Error]) ends the stream: that error is
// returned again by every later Read.
//
// Memory is bounded by the largest single session plus a buffer of 64 KiB,
// not by the size of the input. The sessions share blocks of text, copies
// of their strings, and blocks of objects, as values decoded by
// UnmarshalJSON share theirs.
type SessionReader struct {
	r       io.Reader
	buf     []byte // buf[off:] has been read and not yet consumed
	off     int
	base    int   // the offset in the input of buf[0]
	line    int   // the line of buf[off], from 1
	readErr error // what r returned at the end of the input
	err     error // the error that ended the stream

	at        position
	depth     int  // of objects and arrays open around buf[off]
	first     bool // no member or element yet in the object or array open
	index     int  // of the next element of the array open
	valueLine int  // the line that the top-level value open began on
	requestID string
	object    objectSeen // the top-level object open
	kept      shared     // what the sessions decoded so far share

	// dec and s are where step decodes and session puts a session. They
	// live in the reader, which is on the heap anyway: as variables, each
	// would be allocated for every session, since the fields' functions
	// take their addresses.
	dec decoder
	s   CreditSession
}

// A position is where a SessionReader is in its input.
type position uint8

const (
	atTop      position = iota // between top-level values
	inArray                    // in a top-level array of sessions
	inObject                   // in a top-level object
	inSessions                 // in the sessions of a top-level object
)

// objectSeen is what a SessionReader keeps of a top-level object: the
// object as read, less its sessions, and which members it has seen.
type objectSeen struct {
	text                 []byte
	sessions, requestID  bool
	errorType, errorCode bool
}

// NewSessionReader returns a SessionReader that reads from r.
func NewSessionReader(r io.Reader) *SessionReader {
	return &SessionReader{r: r, line: 1, kept: shared{last: new(lastStrings)}}
}

// RequestID returns the request_id of the response being read, once it
// has been read: Plaid writes it after the sessions. For JSON Lines of
// responses it is that of the current line's. It is "" before then, and
// for sessions that are not in a response.
func (r *SessionReader) RequestID() string { return r.requestID }

// Read returns the next session, or an error. At the end of the input it
// returns [io.EOF].
func (r *SessionReader) Read() (CreditSession, error) {
	if r.err != nil {
		return CreditSession{}, r.err
	}
	o := r.next()
	if o.ends {
		r.err = o.err
	}
	return o.session, o.err
}

// All returns an iterator over the sessions that Read returns, for range
// loops. It yields a bad session's error and goes on, and stops after an
// error that ends the stream, so that a loop which skips errors ends.
func (r *SessionReader) All() iter.Seq2[CreditSession, error] {
	return func(yield func(CreditSession, error) bool) {
		for {
			s, err := r.Read()
			if err == io.EOF || !yield(s, err) || r.err != nil {
				return
			}
		}
	}
}

// next reads on to the next session or problem, and reports whether the
// error it returns ends the stream.
func (r *SessionReader) next() outcome {
	for {
		c, err := r.peek()
		if err != nil {
			if err == io.EOF && r.at != atTop {
				err = r.syntaxError("")
			}
			return fatal(err)
		}
		switch r.at {
		case atTop:
			r.startValue(c)
			if c != '[' && c != '{' {
				if o := r.notSession(); o.found {
					return o
				}
			}
		case inArray, inSessions:
			done, err := r.nextElement(c)
			switch {
			case err != nil:
				return fatal(err)
			case !done:
				return r.session()
			}
		case inObject:
			if o := r.member(c); o.found {
				return o
			}
		}
	}
}

// An outcome is what reading on gives: a session, a problem, which may
// end the stream, or nothing yet.
type outcome struct {
	session CreditSession
	err     error
	ends    bool // err ends the stream
	found   bool // there is a session or a problem to return
}

func got(s CreditSession) outcome { return outcome{session: s, found: true} }
func bad(err error) outcome       { return outcome{err: err, found: true} }
func fatal(err error) outcome     { return outcome{err: err, ends: true, found: true} }

// startValue starts reading the top-level value that begins with c.
func (r *SessionReader) startValue(c byte) {
	r.requestID, r.valueLine, r.first, r.index = "", r.line, true, 0
	switch c {
	case '[':
		r.at = inArray
	case '{':
		r.at, r.object = inObject, objectSeen{text: append(r.object.text[:0], '{')}
	default:
		return
	}
	r.off++
	r.depth++
}

// notSession reads a top-level value that is neither an object nor an
// array, which is a problem of its own; but null, like null passed to
// UnmarshalJSON, holds nothing and is no problem.
func (r *SessionReader) notSession() outcome {
	raw, err := r.step(skipValue)
	if err != nil {
		return fatal(r.at0(err))
	}
	if string(raw) == "null" {
		return outcome{}
	}
	v := decoder{data: raw}
	return bad(r.inContext(v.typeError("CreditSession"), r.valueLine, ""))
}

// nextElement reads what comes before the next element of an array, or
// its end, and reports whether the array is done.
func (r *SessionReader) nextElement(c byte) (bool, error) {
	switch {
	case c == ']':
		r.off++
		r.depth--
		if r.at == inSessions {
			r.at, r.first = inObject, false // sessions was a member
		} else {
			r.at = atTop
		}
		return true, nil
	case r.first:
		r.first = false
		return false, nil
	case c != ',':
		return false, r.syntaxError("after array element")
	}
	r.off++
	if _, err := r.peek(); err != nil {
		return false, r.syntaxError("")
	}
	return false, nil
}

// session reads the next element of an array as a session.
func (r *SessionReader) session() outcome {
	i := r.index
	r.index++
	path := func(err error) error {
		err = atIndex(i, err)
		if r.at == inSessions {
			err = atMember("sessions", err)
		}
		return located(err)
	}
	line := r.line
	_, err := r.step(func(d *decoder) error {
		r.s = CreditSession{}
		return decodeObject(d, &r.s, &creditSessionSchema.codec)
	})
	s := r.s
	if err == nil {
		return got(s)
	}
	if _, serr := r.step(skipValue); serr != nil {
		if failed := r.readFailed(nil); failed != nil {
			return fatal(failed)
		}
		return fatal(r.inContext(path(serr), line, s.GetLinkSessionID()))
	}
	return bad(r.inContext(path(err), line, s.GetLinkSessionID()))
}

// member reads the next member of a top-level object, or its end. It
// reports found when it has a session or a problem to return.
func (r *SessionReader) member(c byte) outcome {
	switch {
	case c == '}':
		r.off++
		r.depth--
		r.at = atTop
		return r.endObject()
	case !r.first && c != ',':
		return fatal(r.syntaxError("after object key:value pair"))
	case !r.first:
		r.off++
	}
	r.first = false
	var name string
	rawName, err := r.step(func(d *decoder) error {
		n, err := d.memberName()
		name = string(n)
		return err
	})
	if err != nil {
		return fatal(r.at0(err))
	}
	if name == "sessions" {
		return r.sessionsMember()
	}
	o := &r.object
	if len(o.text) > 1 {
		o.text = append(o.text, ',')
	}
	o.text = append(o.text, rawName...) // before the next step moves the buffer
	rawValue, err := r.step(skipValue)
	if err != nil {
		return fatal(r.at0(atMember(memberPath(name), err)))
	}
	o.text = append(o.text, rawValue...)
	switch name {
	case "request_id":
		o.requestID = true
		v := decoder{data: rawValue}
		r.requestID, _ = v.string(-1, "string")
	case "error_type":
		o.errorType = true
	case "error_code":
		o.errorCode = true
	}
	return outcome{}
}

// sessionsMember reads the value of the member sessions of a top-level
// object, which makes it a response: an array, whose elements are read as
// sessions, or null.
func (r *SessionReader) sessionsMember() outcome {
	c, err := r.peek()
	if err != nil {
		return fatal(r.syntaxError(""))
	}
	dup := r.object.sessions
	r.object.sessions = true
	if c == '[' && !dup {
		r.at, r.first, r.index = inSessions, true, 0
		r.off++
		r.depth++
		return outcome{}
	}
	raw, err := r.step(skipValue)
	if err != nil {
		return fatal(r.at0(atMember("sessions", err)))
	}
	var problem error
	switch {
	case dup:
		problem = atMember("sessions", ErrDuplicateMember)
	case string(raw) == "null":
		return outcome{}
	default:
		v := decoder{data: raw}
		problem = atMember("sessions", v.typeError("[]CreditSession"))
	}
	return bad(r.inContext(located(problem), r.valueLine, ""))
}

// endObject decodes the top-level object just ended, less its sessions:
// an error body, the rest of a response, or a session.
func (r *SessionReader) endObject() outcome {
	o := &r.object
	o.text = append(o.text, '}')
	switch {
	case o.errorType && o.errorCode:
		err := errorBody(o.text)
		var perr *Error
		return outcome{err: r.inContext(err, r.valueLine, ""), ends: errors.As(err, &perr), found: true}
	case o.sessions || o.requestID:
		var rest CreditSessionsGetResponse
		if err := unmarshal(o.text, &rest, creditSessionsGetResponseSchema); err != nil {
			return bad(r.inContext(err, r.valueLine, ""))
		}
		return outcome{}
	}
	s, _, err := decodeNew(o.text, creditSessionSchema)
	if err != nil {
		return bad(r.inContext(err, r.valueLine, s.GetLinkSessionID()))
	}
	return got(*s)
}

// peek skips white space and returns the next byte, reading more as
// needed. At the end of the input it returns the error that ended it.
func (r *SessionReader) peek() (byte, error) {
	for {
		for ; r.off < len(r.buf); r.off++ {
			switch c := r.buf[r.off]; c {
			case '\n':
				r.line++
			case ' ', '\t', '\r':
			default:
				return c, nil
			}
		}
		if !r.fill(false) {
			return 0, r.readErr
		}
	}
}

// skipValue reads one value for step, which returns its bytes.
func skipValue(d *decoder) error {
	_, err := d.skip()
	return err
}

// step runs f on a decoder over what has been read and not consumed, and
// consumes what f read, which it returns. It reads more and runs f again
// when f fails near the end of what has been read, or reads all of it,
// while there is more to read: f must start afresh each time. After the
// first time, it reads at least as much again as it has, so that a large
// value that arrives in small pieces is not read over and over.
func (r *SessionReader) step(f func(d *decoder) error) ([]byte, error) {
	for tries := 0; ; tries++ {
		r.dec = decoder{data: r.buf[r.off:], base: r.base + r.off, depth: r.depth, shared: r.kept}
		d := &r.dec
		err := f(d)
		if (err != nil && len(d.data)-d.pos < margin || err == nil && d.pos == len(d.data)) && r.readErr == nil {
			r.fill(tries > 0) // it may move the buffer, so f runs again even at the end
			continue
		}
		r.kept = d.shared
		if err != nil {
			return nil, err
		}
		raw := d.data[:d.pos]
		r.line += bytes.Count(raw, []byte{'\n'})
		r.off += d.pos
		return raw, nil
	}
}

// fill reads more input into the buffer, and reports whether it did. If
// greedy, it reads until it has added as much as it had.
func (r *SessionReader) fill(greedy bool) bool {
	if r.readErr != nil {
		return false
	}
	if r.off > 0 {
		n := copy(r.buf, r.buf[r.off:])
		r.buf, r.base, r.off = r.buf[:n], r.base+r.off, 0
	}
	had := len(r.buf)
	if cap(r.buf)-had < max(had, 512) {
		r.buf = slices.Grow(r.buf, max(r.size(), had))
	}
	for {
		n, err := r.r.Read(r.buf[len(r.buf):cap(r.buf)])
		r.buf = r.buf[:len(r.buf)+n]
		if err != nil {
			r.readErr = err
			break
		}
		if n > 0 && (!greedy || len(r.buf) >= 2*had || len(r.buf) == cap(r.buf)) {
			break
		}
	}
	return len(r.buf) > had
}

// size returns how large the buffer is to be: readerBuffer, or less when
// the input says it is shorter, as a bytes.Reader or strings.Reader does,
// so that a small input does not pay for a large buffer.
func (r *SessionReader) size() int {
	if l, ok := r.r.(interface{ Len() int }); ok && r.base == 0 {
		return min(readerBuffer, l.Len()+margin)
	}
	return readerBuffer
}

// syntaxError describes the byte that peek stopped at, or the end of the
// input, as a problem that ends the stream.
func (r *SessionReader) syntaxError(context string) error {
	if r.off >= len(r.buf) && r.readErr != nil && r.readErr != io.EOF {
		return r.readErr
	}
	d := decoder{data: r.buf[r.off:], base: r.base + r.off}
	return r.inContext(d.syntaxError(context), r.line, "")
}

// at0 gives a problem that ends the stream, found at the reader's
// position, its context.
func (r *SessionReader) at0(err error) error {
	return r.inContext(located(r.readFailed(err)), r.line, "")
}

// readFailed returns the error of the underlying reader in place of err,
// when it is what stopped the input short.
func (r *SessionReader) readFailed(err error) error {
	if r.readErr != nil && r.readErr != io.EOF {
		return r.readErr
	}
	return err
}

// inContext adds to a FieldError the line that the value it is about
// begins on, and the link_session_id of its session if known.
func (r *SessionReader) inContext(err error, line int, linkSessionID string) error {
	fe, ok := err.(*FieldError)
	if !ok {
		return err
	}
	fe.Err = &inSession{err: fe.Err, line: line, linkSessionID: linkSessionID}
	return fe
}

// inSession is a problem that a SessionReader found, with where it is.
type inSession struct {
	err           error
	line          int
	linkSessionID string
}

func (e *inSession) Error() string {
	where := "line " + strconv.Itoa(e.line)
	if e.linkSessionID != "" {
		where += ", link_session_id " + strconv.Quote(e.linkSessionID)
	}
	return fmt.Sprintf("%v (%s)", e.err, where)
}

func (e *inSession) Unwrap() error { return e.err }
