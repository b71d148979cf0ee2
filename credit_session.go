package plaid

import (
	"database/sql/driver"
	"encoding/json"
	"log/slog"
)

// CreditSession is the metadata and results of one Link session.
type CreditSession struct {
	LinkSessionID    *string               `json:"link_session_id,omitempty"`
	SessionStartTime *Date                 `json:"session_start_time,omitempty"`
	Results          *CreditSessionResults `json:"results,omitempty"`
	Errors           []CreditSessionError  `json:"errors,omitempty"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

var creditSessionSchema = newSchema("CreditSession",
	func(s *CreditSession) *map[string]json.RawMessage { return &s.Extra },
	optString("link_session_id", func(s *CreditSession) **string { return &s.LinkSessionID }),
	optDate("session_start_time", func(s *CreditSession) **Date { return &s.SessionStartTime }),
	optObject("results", func(s *CreditSession) **CreditSessionResults { return &s.Results }, creditSessionResultsSchema),
	objects("errors", func(s *CreditSession) *[]CreditSessionError { return &s.Errors }, creditSessionErrorSchema),
)

// GetLinkSessionID returns the LinkSessionID field if it's non-nil, zero value otherwise.
func (s *CreditSession) GetLinkSessionID() string {
	if s == nil {
		return ""
	}
	return deref(s.LinkSessionID)
}

// GetSessionStartTime returns the SessionStartTime field if it's non-nil, zero value otherwise.
func (s *CreditSession) GetSessionStartTime() Date {
	if s == nil {
		return Date{}
	}
	return deref(s.SessionStartTime)
}

// GetResults returns the Results field; it is nil if s is nil.
func (s *CreditSession) GetResults() *CreditSessionResults {
	if s == nil {
		return nil
	}
	return s.Results
}

// GetErrors returns the Errors field; it is nil if s is nil.
func (s *CreditSession) GetErrors() []CreditSessionError {
	if s == nil {
		return nil
	}
	return s.Errors
}

// Validate reports what decoding cannot: negative counts and statuses this
// package does not know. It returns every problem, as an [errors.Join] of
// [*FieldError] values in the order the members are written, or nil.
func (s *CreditSession) Validate() error {
	return validate(s, creditSessionSchema)
}

// UnknownMembers returns the path of every member of s, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// s and sorted, such as "results.verification_score". It is how a
// service notices that Plaid's API has grown.
func (s *CreditSession) UnknownMembers() []string {
	return sortedUnknownMembers(s, creditSessionSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (s *CreditSession) UnmarshalJSON(data []byte) error {
	return unmarshal(data, s, creditSessionSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (s CreditSession) MarshalJSON() ([]byte, error) {
	return marshal(&s, creditSessionSchema, false)
}

// String returns s as JSON with public tokens redacted.
func (s CreditSession) String() string { return redactedString(&s, creditSessionSchema) }

// GoString returns s as a Go expression with public tokens redacted, for %#v.
func (s CreditSession) GoString() string { return goString(s) }

// LogValue implements the [slog.LogValuer] interface, logging s as JSON
// with public tokens redacted.
func (s CreditSession) LogValue() slog.Value { return redactedLogValue(&s, creditSessionSchema) }

// Clone returns a deep copy of s that shares no memory with s, nor
// with the input s was decoded from, which a decoded value keeps
// reachable. It returns nil if s is nil.
func (s *CreditSession) Clone() *CreditSession {
	if s == nil {
		return nil
	}
	c := new(CreditSession)
	cloneObject(c, s, creditSessionSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns s as JSON, in a string.
// A nil *CreditSession is NULL.
func (s CreditSession) Value() (driver.Value, error) { return jsonValue(s.MarshalJSON()) }

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves s
// unchanged.
func (s *CreditSession) Scan(src any) error { return scanJSON(src, s.UnmarshalJSON, "CreditSession") }

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of s, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (s CreditSession) GobEncode() ([]byte, error) { return s.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (s *CreditSession) GobDecode(data []byte) error { return s.UnmarshalJSON(data) }
