package plaid

import (
	"database/sql/driver"
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

// UnknownMembers returns the path of every member of r, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// r and sorted, such as "results.verification_score". It is how a
// service notices that Plaid's API has grown.
func (r *CreditSessionsGetRequest) UnknownMembers() []string {
	return sortedUnknownMembers(r, creditSessionsGetRequestSchema)
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

// Clone returns a deep copy of r that shares no memory with r, nor
// with the input r was decoded from, which a decoded value keeps
// reachable. It returns nil if r is nil.
func (r *CreditSessionsGetRequest) Clone() *CreditSessionsGetRequest {
	if r == nil {
		return nil
	}
	c := new(CreditSessionsGetRequest)
	cloneObject(c, r, creditSessionsGetRequestSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns r as JSON, in a string.
// A nil *CreditSessionsGetRequest is NULL.
func (r CreditSessionsGetRequest) Value() (driver.Value, error) { return jsonValue(r.MarshalJSON()) }

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves r
// unchanged.
func (r *CreditSessionsGetRequest) Scan(src any) error {
	return scanJSON(src, r.UnmarshalJSON, "CreditSessionsGetRequest")
}

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of r, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (r CreditSessionsGetRequest) GobEncode() ([]byte, error) { return r.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (r *CreditSessionsGetRequest) GobDecode(data []byte) error { return r.UnmarshalJSON(data) }

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
).withRoom(newResponseRoom)

// A responseRoom is the room of a short response: see room.go.
type responseRoom struct {
	d decoder
	r CreditSessionsGetResponse
	room
	incomeStatus   enumRoom[CreditSessionBankIncomeStatus] // empty but in the purego build
	employment     enumRoom[CreditSessionBankEmploymentStatus]
	sessions       objectRoom[CreditSession]
	results        objectRoom[CreditSessionResults]
	itemAdd        objectRoom[CreditSessionItemAddResult]
	bankIncome     objectRoom[CreditSessionBankIncomeResult]
	bankEmployment objectRoom[CreditSessionBankEmploymentResult]
	payrollIncome  objectRoom[CreditSessionPayrollIncomeResult]
	documentIncome objectRoom[CreditSessionDocumentIncomeResult]
	errors         objectRoom[CreditSessionError]
}

// newResponseRoom returns a decoder of data, a short response, and the
// value it decodes into, in a room for its values.
func newResponseRoom(data []byte) (*decoder, *CreditSessionsGetResponse) {
	r := &responseRoom{d: decoder{data: data}}
	d := &r.d
	r.room.give(d)
	r.sessions.give(d, creditSessionSchema)
	r.results.give(d, creditSessionResultsSchema)
	r.itemAdd.give(d, creditSessionItemAddResultSchema)
	r.bankIncome.give(d, creditSessionBankIncomeResultSchema)
	r.bankEmployment.give(d, creditSessionBankEmploymentResultSchema)
	r.payrollIncome.give(d, creditSessionPayrollIncomeResultSchema)
	r.documentIncome.give(d, creditSessionDocumentIncomeResultSchema)
	r.errors.give(d, creditSessionErrorSchema)
	r.incomeStatus.give(d)
	r.employment.give(d)
	return d, &r.r
}

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

// UnknownMembers returns the path of every member of r, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// r and sorted, such as "results.verification_score". It is how a
// service notices that Plaid's API has grown.
func (r *CreditSessionsGetResponse) UnknownMembers() []string {
	return sortedUnknownMembers(r, creditSessionsGetResponseSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
//
// When data is Plaid's error object, which it sends in place of a
// response when a request fails (an object with error_type and
// error_code), UnmarshalJSON returns it as a [*Error] and leaves r
// unchanged. An error object that breaks its schema is a [*FieldError],
// as any other malformed input.
func (r *CreditSessionsGetResponse) UnmarshalJSON(data []byte) error {
	t, null, err := decodeNew(data, creditSessionsGetResponseSchema)
	// An error body has no member of a response, so it decodes, or fails
	// for want of request_id, with its members in Extra.
	if _, ok := t.Extra["error_type"]; ok {
		if _, ok := t.Extra["error_code"]; ok {
			return errorBody(data)
		}
	}
	if err == nil && !null {
		*r = *t
	}
	return err
}

// errorBody returns data, Plaid's error object, as a *Error, or the
// problem that keeps it from decoding as one.
func errorBody(data []byte) error {
	e := new(Error)
	if err := e.UnmarshalJSON(data); err != nil {
		return err
	}
	return e
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

// Clone returns a deep copy of r that shares no memory with r, nor
// with the input r was decoded from, which a decoded value keeps
// reachable. It returns nil if r is nil.
func (r *CreditSessionsGetResponse) Clone() *CreditSessionsGetResponse {
	if r == nil {
		return nil
	}
	c := new(CreditSessionsGetResponse)
	cloneObject(c, r, creditSessionsGetResponseSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns r as JSON, in a string.
// A nil *CreditSessionsGetResponse is NULL.
func (r CreditSessionsGetResponse) Value() (driver.Value, error) { return jsonValue(r.MarshalJSON()) }

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves r
// unchanged.
func (r *CreditSessionsGetResponse) Scan(src any) error {
	return scanJSON(src, r.UnmarshalJSON, "CreditSessionsGetResponse")
}

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of r, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (r CreditSessionsGetResponse) GobEncode() ([]byte, error) { return r.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (r *CreditSessionsGetResponse) GobDecode(data []byte) error { return r.UnmarshalJSON(data) }
