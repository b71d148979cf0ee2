package plaid

import (
	"database/sql/driver"
	"encoding/json"
	"log/slog"
	"strings"
)

// ErrorType is the broad category of a Plaid error, safe for programs to
// act on. Plaid may add values: they decode and marshal unchanged, and
// IsKnown reports false for them.
type ErrorType string

// List of values that ErrorType can take.
const (
	ErrorTypeInvalidRequest          ErrorType = "INVALID_REQUEST"
	ErrorTypeInvalidResult           ErrorType = "INVALID_RESULT"
	ErrorTypeInvalidInput            ErrorType = "INVALID_INPUT"
	ErrorTypeInstitutionError        ErrorType = "INSTITUTION_ERROR"
	ErrorTypeRateLimitExceeded       ErrorType = "RATE_LIMIT_EXCEEDED"
	ErrorTypeAPIError                ErrorType = "API_ERROR"
	ErrorTypeItemError               ErrorType = "ITEM_ERROR"
	ErrorTypeAssetReportError        ErrorType = "ASSET_REPORT_ERROR"
	ErrorTypeBaseReportError         ErrorType = "BASE_REPORT_ERROR"
	ErrorTypeRecaptchaError          ErrorType = "RECAPTCHA_ERROR"
	ErrorTypeOAuthError              ErrorType = "OAUTH_ERROR"
	ErrorTypePaymentError            ErrorType = "PAYMENT_ERROR"
	ErrorTypeBankTransferError       ErrorType = "BANK_TRANSFER_ERROR"
	ErrorTypeIncomeVerificationError ErrorType = "INCOME_VERIFICATION_ERROR"
	ErrorTypeMicrodepositsError      ErrorType = "MICRODEPOSITS_ERROR"
	ErrorTypeSandboxError            ErrorType = "SANDBOX_ERROR"
	ErrorTypePartnerError            ErrorType = "PARTNER_ERROR"
	ErrorTypeSignalError             ErrorType = "SIGNAL_ERROR"
	ErrorTypeTransactionsError       ErrorType = "TRANSACTIONS_ERROR"
	ErrorTypeTransactionError        ErrorType = "TRANSACTION_ERROR"
	ErrorTypeTransferError           ErrorType = "TRANSFER_ERROR"
	ErrorTypeCheckReportError        ErrorType = "CHECK_REPORT_ERROR"
	ErrorTypeConsumerReportError     ErrorType = "CONSUMER_REPORT_ERROR"
	ErrorTypeUserError               ErrorType = "USER_ERROR"
)

// String returns t as Plaid writes it.
func (t ErrorType) String() string { return string(t) }

// LogValue implements the [slog.LogValuer] interface, logging t as a string.
func (t ErrorType) LogValue() slog.Value { return slog.StringValue(string(t)) }

// IsKnown reports whether t is one of the values listed above.
func (t ErrorType) IsKnown() bool {
	switch t {
	case ErrorTypeInvalidRequest, ErrorTypeInvalidResult, ErrorTypeInvalidInput, ErrorTypeInstitutionError,
		ErrorTypeRateLimitExceeded, ErrorTypeAPIError, ErrorTypeItemError, ErrorTypeAssetReportError,
		ErrorTypeBaseReportError, ErrorTypeRecaptchaError, ErrorTypeOAuthError, ErrorTypePaymentError,
		ErrorTypeBankTransferError, ErrorTypeIncomeVerificationError, ErrorTypeMicrodepositsError,
		ErrorTypeSandboxError, ErrorTypePartnerError, ErrorTypeSignalError, ErrorTypeTransactionsError,
		ErrorTypeTransactionError, ErrorTypeTransferError, ErrorTypeCheckReportError,
		ErrorTypeConsumerReportError, ErrorTypeUserError:
		return true
	}
	return false
}

// Error is Plaid's error object: the body of a failed request to
// /credit/sessions/get, as to any other endpoint. *Error implements the
// error interface, and decoding such a body into a
// [CreditSessionsGetResponse] returns one, so that a failed call is never
// mistaken for a response without sessions:
//
//	var perr *plaid.Error
//	if errors.As(err, &perr) && perr.ErrorType == plaid.ErrorTypeRateLimitExceeded { ... }
type Error struct {
	ErrorType       ErrorType `json:"error_type"`
	ErrorCode       string    `json:"error_code"`
	ErrorCodeReason *string   `json:"error_code_reason,omitempty"`
	ErrorMessage    string    `json:"error_message"`
	// DisplayMessage is a message for the user. Plaid sends null when
	// there is none, and it is decoded as nil.
	DisplayMessage *string `json:"display_message,omitempty"`
	RequestID      *string `json:"request_id,omitempty"`
	// Causes are the errors about single Items behind this one, each with
	// its ItemID.
	Causes                  []Error  `json:"causes,omitempty"`
	Status                  *int     `json:"status,omitempty"` // the HTTP status
	DocumentationURL        *string  `json:"documentation_url,omitempty"`
	SuggestedAction         *string  `json:"suggested_action,omitempty"`
	RequiredAccountSubtypes []string `json:"required_account_subtypes,omitempty"`
	ProvidedAccountSubtypes []string `json:"provided_account_subtypes,omitempty"`
	// ItemID is set on the errors in Causes.
	ItemID *string `json:"item_id,omitempty"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

// errorSchema is defined in init, since its causes are errors too: a
// variable cannot refer to itself in its own initializer.
var errorSchema = new(schema[Error])

func init() {
	errorSchema.define("Error",
		func(e *Error) *map[string]json.RawMessage { return &e.Extra },
		reqEnum("error_type", func(e *Error) *ErrorType { return &e.ErrorType }),
		reqString("error_code", func(e *Error) *string { return &e.ErrorCode }),
		optString("error_code_reason", func(e *Error) **string { return &e.ErrorCodeReason }),
		reqString("error_message", func(e *Error) *string { return &e.ErrorMessage }),
		optString("display_message", func(e *Error) **string { return &e.DisplayMessage }),
		optString("request_id", func(e *Error) **string { return &e.RequestID }),
		objects("causes", func(e *Error) *[]Error { return &e.Causes }, errorSchema),
		optInteger("status", func(e *Error) **int { return &e.Status }),
		optString("documentation_url", func(e *Error) **string { return &e.DocumentationURL }),
		optString("suggested_action", func(e *Error) **string { return &e.SuggestedAction }),
		stringArray("required_account_subtypes", func(e *Error) *[]string { return &e.RequiredAccountSubtypes }),
		stringArray("provided_account_subtypes", func(e *Error) *[]string { return &e.ProvidedAccountSubtypes }),
		optString("item_id", func(e *Error) **string { return &e.ItemID }),
	)
}

// Error returns "plaid: <error_type> <error_code>: <error_message>", and
// " (request_id <id>)" after it when the request ID is known.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("plaid: " + string(e.ErrorType) + " " + e.ErrorCode)
	if e.ErrorMessage != "" {
		b.WriteString(": " + e.ErrorMessage)
	}
	if e.RequestID != nil && *e.RequestID != "" {
		b.WriteString(" (request_id " + *e.RequestID + ")")
	}
	return b.String()
}

// GetErrorCodeReason returns the ErrorCodeReason field if it's non-nil, zero value otherwise.
func (e *Error) GetErrorCodeReason() string {
	if e == nil {
		return ""
	}
	return deref(e.ErrorCodeReason)
}

// GetDisplayMessage returns the DisplayMessage field if it's non-nil, zero value otherwise.
func (e *Error) GetDisplayMessage() string {
	if e == nil {
		return ""
	}
	return deref(e.DisplayMessage)
}

// GetRequestID returns the RequestID field if it's non-nil, zero value otherwise.
func (e *Error) GetRequestID() string {
	if e == nil {
		return ""
	}
	return deref(e.RequestID)
}

// GetCauses returns the Causes field; it is nil if e is nil.
func (e *Error) GetCauses() []Error {
	if e == nil {
		return nil
	}
	return e.Causes
}

// GetStatus returns the Status field if it's non-nil, zero value otherwise.
func (e *Error) GetStatus() int {
	if e == nil {
		return 0
	}
	return deref(e.Status)
}

// GetDocumentationURL returns the DocumentationURL field if it's non-nil, zero value otherwise.
func (e *Error) GetDocumentationURL() string {
	if e == nil {
		return ""
	}
	return deref(e.DocumentationURL)
}

// GetSuggestedAction returns the SuggestedAction field if it's non-nil, zero value otherwise.
func (e *Error) GetSuggestedAction() string {
	if e == nil {
		return ""
	}
	return deref(e.SuggestedAction)
}

// GetRequiredAccountSubtypes returns the RequiredAccountSubtypes field; it is nil if e is nil.
func (e *Error) GetRequiredAccountSubtypes() []string {
	if e == nil {
		return nil
	}
	return e.RequiredAccountSubtypes
}

// GetProvidedAccountSubtypes returns the ProvidedAccountSubtypes field; it is nil if e is nil.
func (e *Error) GetProvidedAccountSubtypes() []string {
	if e == nil {
		return nil
	}
	return e.ProvidedAccountSubtypes
}

// GetItemID returns the ItemID field if it's non-nil, zero value otherwise.
func (e *Error) GetItemID() string {
	if e == nil {
		return ""
	}
	return deref(e.ItemID)
}

// Validate reports what decoding cannot: an empty error_code or
// error_message, and an error_type this package does not know, in e and
// in its causes. It returns every problem, as an [errors.Join] of
// [*FieldError] values, or nil.
func (e *Error) Validate() error {
	return validate(e, errorSchema)
}

// UnknownMembers returns the path of every member of e, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// e and sorted, such as "causes[0].new_member".
func (e *Error) UnknownMembers() []string {
	return sortedUnknownMembers(e, errorSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (e *Error) UnmarshalJSON(data []byte) error {
	return unmarshal(data, e, errorSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (e Error) MarshalJSON() ([]byte, error) {
	return marshal(&e, errorSchema, false)
}

// String returns e as JSON. Printed as an error, with %v or Error, a
// *Error shows its message instead.
func (e Error) String() string { return redactedString(&e, errorSchema) }

// GoString returns e as a Go expression, for %#v.
func (e Error) GoString() string { return goString(e) }

// LogValue implements the [slog.LogValuer] interface, logging e as JSON.
func (e Error) LogValue() slog.Value { return redactedLogValue(&e, errorSchema) }

// Clone returns a deep copy of e that shares no memory with e, nor
// with the input e was decoded from, which a decoded value keeps
// reachable. It returns nil if e is nil.
func (e *Error) Clone() *Error {
	if e == nil {
		return nil
	}
	c := new(Error)
	cloneObject(c, e, errorSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns e as JSON, in a string.
// A nil *Error is NULL.
func (e Error) Value() (driver.Value, error) { return jsonValue(e.MarshalJSON()) }

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves e
// unchanged.
func (e *Error) Scan(src any) error { return scanJSON(src, e.UnmarshalJSON, "Error") }

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of e, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (e Error) GobEncode() ([]byte, error) { return e.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (e *Error) GobDecode(data []byte) error { return e.UnmarshalJSON(data) }
