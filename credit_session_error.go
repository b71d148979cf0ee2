package plaid

import (
	"database/sql/driver"
	"encoding/json"
	"log/slog"
)

// CreditSessionError is an error that a user met in a Link session.
type CreditSessionError struct {
	ErrorType    *string `json:"error_type,omitempty"`
	ErrorCode    *string `json:"error_code,omitempty"`
	ErrorMessage *string `json:"error_message,omitempty"`
	// DisplayMessage is a message for the user. Plaid sends null when
	// there is none, and it is decoded as nil.
	DisplayMessage *string `json:"display_message,omitempty"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

var creditSessionErrorSchema = newSchema("CreditSessionError",
	func(e *CreditSessionError) *map[string]json.RawMessage { return &e.Extra },
	optString("error_type", func(e *CreditSessionError) **string { return &e.ErrorType }),
	optString("error_code", func(e *CreditSessionError) **string { return &e.ErrorCode }),
	optString("error_message", func(e *CreditSessionError) **string { return &e.ErrorMessage }),
	optString("display_message", func(e *CreditSessionError) **string { return &e.DisplayMessage }),
)

// GetErrorType returns the ErrorType field if it's non-nil, zero value otherwise.
func (e *CreditSessionError) GetErrorType() string {
	if e == nil {
		return ""
	}
	return deref(e.ErrorType)
}

// GetErrorCode returns the ErrorCode field if it's non-nil, zero value otherwise.
func (e *CreditSessionError) GetErrorCode() string {
	if e == nil {
		return ""
	}
	return deref(e.ErrorCode)
}

// GetErrorMessage returns the ErrorMessage field if it's non-nil, zero value otherwise.
func (e *CreditSessionError) GetErrorMessage() string {
	if e == nil {
		return ""
	}
	return deref(e.ErrorMessage)
}

// GetDisplayMessage returns the DisplayMessage field if it's non-nil, zero value otherwise.
func (e *CreditSessionError) GetDisplayMessage() string {
	if e == nil {
		return ""
	}
	return deref(e.DisplayMessage)
}

// UnknownMembers returns the path of every member of e, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// e and sorted, such as "results.verification_score". It is how a
// service notices that Plaid's API has grown.
func (e *CreditSessionError) UnknownMembers() []string {
	return sortedUnknownMembers(e, creditSessionErrorSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (e *CreditSessionError) UnmarshalJSON(data []byte) error {
	return unmarshal(data, e, creditSessionErrorSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (e CreditSessionError) MarshalJSON() ([]byte, error) {
	return marshal(&e, creditSessionErrorSchema, false)
}

// String returns e as JSON.
func (e CreditSessionError) String() string { return redactedString(&e, creditSessionErrorSchema) }

// GoString returns e as a Go expression, for %#v.
func (e CreditSessionError) GoString() string { return goString(e) }

// LogValue implements the [slog.LogValuer] interface, logging e as JSON.
func (e CreditSessionError) LogValue() slog.Value {
	return redactedLogValue(&e, creditSessionErrorSchema)
}

// Clone returns a deep copy of e that shares no memory with e, nor
// with the input e was decoded from, which a decoded value keeps
// reachable. It returns nil if e is nil.
func (e *CreditSessionError) Clone() *CreditSessionError {
	if e == nil {
		return nil
	}
	c := new(CreditSessionError)
	cloneObject(c, e, creditSessionErrorSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns e as JSON, in a string.
// A nil *CreditSessionError is NULL.
func (e CreditSessionError) Value() (driver.Value, error) { return jsonValue(e.MarshalJSON()) }

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves e
// unchanged.
func (e *CreditSessionError) Scan(src any) error {
	return scanJSON(src, e.UnmarshalJSON, "CreditSessionError")
}

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of e, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (e CreditSessionError) GobEncode() ([]byte, error) { return e.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (e *CreditSessionError) GobDecode(data []byte) error { return e.UnmarshalJSON(data) }
