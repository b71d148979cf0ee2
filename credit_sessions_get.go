package plaid

import (
	"encoding/json"
	"log/slog"
)

// CreditSessionsGetRequest is the body of a /credit/sessions/get request.
//
// Its Secret is a credential: String, GoString and LogValue show it as
// REDACTED. MarshalJSON writes it, since that is the wire format.
type CreditSessionsGetRequest struct {
	ClientID  *string `json:"client_id,omitempty"`
	Secret    *string `json:"secret,omitempty"`
	UserToken string  `json:"user_token"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

var creditSessionsGetRequestSchema = newSchema("CreditSessionsGetRequest",
	func(r *CreditSessionsGetRequest) *map[string]json.RawMessage { return &r.Extra },
	optString("client_id", func(r *CreditSessionsGetRequest) **string { return &r.ClientID }),
	optString("secret", func(r *CreditSessionsGetRequest) **string { return &r.Secret }),
	reqString("user_token", func(r *CreditSessionsGetRequest) *string { return &r.UserToken }),
)

// GetClientID returns the ClientID field if it's non-nil, zero value otherwise.
func (r *CreditSessionsGetRequest) GetClientID() string {
	if r == nil {
		return ""
	}
	return deref(r.ClientID)
}

// GetSecret returns the Secret field if it's non-nil, zero value otherwise.
func (r *CreditSessionsGetRequest) GetSecret() string {
	if r == nil {
		return ""
	}
	return deref(r.Secret)
}

// Validate reports what decoding cannot: an empty user_token.
func (r *CreditSessionsGetRequest) Validate() error {
	return validate(r, creditSessionsGetRequestSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (r *CreditSessionsGetRequest) UnmarshalJSON(data []byte) error {
	return unmarshal(data, r, creditSessionsGetRequestSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (r CreditSessionsGetRequest) MarshalJSON() ([]byte, error) {
	return marshal(&r, creditSessionsGetRequestSchema, false)
}

// String returns r as JSON with the secret redacted.
func (r CreditSessionsGetRequest) String() string {
	return redactedString(&r, creditSessionsGetRequestSchema)
}

// GoString returns r as a Go expression with the secret redacted, for %#v.
func (r CreditSessionsGetRequest) GoString() string { return goString(r) }

// LogValue implements the [slog.LogValuer] interface, logging r as JSON
// with the secret redacted.
func (r CreditSessionsGetRequest) LogValue() slog.Value {
	return redactedLogValue(&r, creditSessionsGetRequestSchema)
}

// CreditSessionsGetResponse is the body of a /credit/sessions/get response.
type CreditSessionsGetResponse struct {
	Sessions  []CreditSession `json:"sessions,omitempty"`
	RequestID string          `json:"request_id"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

var creditSessionsGetResponseSchema = newSchema("CreditSessionsGetResponse",
	func(r *CreditSessionsGetResponse) *map[string]json.RawMessage { return &r.Extra },
	objects("sessions", func(r *CreditSessionsGetResponse) *[]CreditSession { return &r.Sessions }, creditSessionSchema),
	reqString("request_id", func(r *CreditSessionsGetResponse) *string { return &r.RequestID }),
)

// GetSessions returns the Sessions field; it is nil if r is nil.
func (r *CreditSessionsGetResponse) GetSessions() []CreditSession {
	if r == nil {
		return nil
	}
	return r.Sessions
}

// Validate reports what decoding cannot: an empty request_id, negative
// counts and statuses this package does not know. It returns every problem,
// as an [errors.Join] of [*FieldError] values in the order the members are
// written, or nil.
func (r *CreditSessionsGetResponse) Validate() error {
	return validate(r, creditSessionsGetResponseSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (r *CreditSessionsGetResponse) UnmarshalJSON(data []byte) error {
	return unmarshal(data, r, creditSessionsGetResponseSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (r CreditSessionsGetResponse) MarshalJSON() ([]byte, error) {
	return marshal(&r, creditSessionsGetResponseSchema, false)
}

// String returns r as JSON with public tokens redacted.
func (r CreditSessionsGetResponse) String() string {
	return redactedString(&r, creditSessionsGetResponseSchema)
}

// GoString returns r as a Go expression with public tokens redacted, for %#v.
func (r CreditSessionsGetResponse) GoString() string { return goString(r) }

// LogValue implements the [slog.LogValuer] interface, logging r as JSON
// with public tokens redacted.
func (r CreditSessionsGetResponse) LogValue() slog.Value {
	return redactedLogValue(&r, creditSessionsGetResponseSchema)
}
