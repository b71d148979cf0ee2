package plaid

import (
	"database/sql/driver"
	"encoding/json"
	"log/slog"
)

// CreditSessionResults is the set of results of a Link session.
type CreditSessionResults struct {
	ItemAddResults        []CreditSessionItemAddResult        `json:"item_add_results,omitempty"`
	BankIncomeResults     []CreditSessionBankIncomeResult     `json:"bank_income_results,omitempty"`
	BankEmploymentResults []CreditSessionBankEmploymentResult `json:"bank_employment_results,omitempty"`
	PayrollIncomeResults  []CreditSessionPayrollIncomeResult  `json:"payroll_income_results,omitempty"`
	// DocumentIncomeResults is nil when Plaid sends null, as it does when
	// the session did no document income verification.
	DocumentIncomeResults *CreditSessionDocumentIncomeResult `json:"document_income_results,omitempty"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

var creditSessionResultsSchema = newSchema("CreditSessionResults",
	func(r *CreditSessionResults) *map[string]json.RawMessage { return &r.Extra },
	objects("item_add_results", func(r *CreditSessionResults) *[]CreditSessionItemAddResult { return &r.ItemAddResults }, creditSessionItemAddResultSchema),
	objects("bank_income_results", func(r *CreditSessionResults) *[]CreditSessionBankIncomeResult { return &r.BankIncomeResults }, creditSessionBankIncomeResultSchema),
	objects("bank_employment_results", func(r *CreditSessionResults) *[]CreditSessionBankEmploymentResult { return &r.BankEmploymentResults }, creditSessionBankEmploymentResultSchema),
	objects("payroll_income_results", func(r *CreditSessionResults) *[]CreditSessionPayrollIncomeResult { return &r.PayrollIncomeResults }, creditSessionPayrollIncomeResultSchema),
	optObject("document_income_results", func(r *CreditSessionResults) **CreditSessionDocumentIncomeResult { return &r.DocumentIncomeResults }, creditSessionDocumentIncomeResultSchema),
)

// GetItemAddResults returns the ItemAddResults field; it is nil if r is nil.
func (r *CreditSessionResults) GetItemAddResults() []CreditSessionItemAddResult {
	if r == nil {
		return nil
	}
	return r.ItemAddResults
}

// GetBankIncomeResults returns the BankIncomeResults field; it is nil if r is nil.
func (r *CreditSessionResults) GetBankIncomeResults() []CreditSessionBankIncomeResult {
	if r == nil {
		return nil
	}
	return r.BankIncomeResults
}

// GetBankEmploymentResults returns the BankEmploymentResults field; it is nil if r is nil.
func (r *CreditSessionResults) GetBankEmploymentResults() []CreditSessionBankEmploymentResult {
	if r == nil {
		return nil
	}
	return r.BankEmploymentResults
}

// GetPayrollIncomeResults returns the PayrollIncomeResults field; it is nil if r is nil.
func (r *CreditSessionResults) GetPayrollIncomeResults() []CreditSessionPayrollIncomeResult {
	if r == nil {
		return nil
	}
	return r.PayrollIncomeResults
}

// GetDocumentIncomeResults returns the DocumentIncomeResults field; it is
// nil if r is nil.
func (r *CreditSessionResults) GetDocumentIncomeResults() *CreditSessionDocumentIncomeResult {
	if r == nil {
		return nil
	}
	return r.DocumentIncomeResults
}

// UnknownMembers returns the path of every member of r, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// r and sorted, such as "results.verification_score". It is how a
// service notices that Plaid's API has grown.
func (r *CreditSessionResults) UnknownMembers() []string {
	return sortedUnknownMembers(r, creditSessionResultsSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (r *CreditSessionResults) UnmarshalJSON(data []byte) error {
	return unmarshal(data, r, creditSessionResultsSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (r CreditSessionResults) MarshalJSON() ([]byte, error) {
	return marshal(&r, creditSessionResultsSchema, false)
}

// String returns r as JSON with public tokens redacted.
func (r CreditSessionResults) String() string {
	return redactedString(&r, creditSessionResultsSchema)
}

// GoString returns r as a Go expression with public tokens redacted, for %#v.
func (r CreditSessionResults) GoString() string { return goString(r) }

// LogValue implements the [slog.LogValuer] interface, logging r as JSON
// with public tokens redacted.
func (r CreditSessionResults) LogValue() slog.Value {
	return redactedLogValue(&r, creditSessionResultsSchema)
}

// Clone returns a deep copy of r that shares no memory with r, nor
// with the input r was decoded from, which a decoded value keeps
// reachable. It returns nil if r is nil.
func (r *CreditSessionResults) Clone() *CreditSessionResults {
	if r == nil {
		return nil
	}
	c := new(CreditSessionResults)
	cloneObject(c, r, creditSessionResultsSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns r as JSON, in a string.
// A nil *CreditSessionResults is NULL.
func (r CreditSessionResults) Value() (driver.Value, error) { return jsonValue(r.MarshalJSON()) }

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves r
// unchanged.
func (r *CreditSessionResults) Scan(src any) error {
	return scanJSON(src, r.UnmarshalJSON, "CreditSessionResults")
}

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of r, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (r CreditSessionResults) GobEncode() ([]byte, error) { return r.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (r *CreditSessionResults) GobDecode(data []byte) error { return r.UnmarshalJSON(data) }

// CreditSessionItemAddResult is an Item added in Link.
//
// Its PublicToken is a credential: it can be exchanged for an access
// token. String, GoString and LogValue show it as REDACTED. MarshalJSON
// writes it, since that is the wire format.
type CreditSessionItemAddResult struct {
	PublicToken   *string `json:"public_token,omitempty"`
	ItemID        *string `json:"item_id,omitempty"`
	InstitutionID *string `json:"institution_id,omitempty"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

var creditSessionItemAddResultSchema = newSchema("CreditSessionItemAddResult",
	func(r *CreditSessionItemAddResult) *map[string]json.RawMessage { return &r.Extra },
	optString("public_token", func(r *CreditSessionItemAddResult) **string { return &r.PublicToken }),
	optString("item_id", func(r *CreditSessionItemAddResult) **string { return &r.ItemID }),
	optString("institution_id", func(r *CreditSessionItemAddResult) **string { return &r.InstitutionID }),
)

// GetPublicToken returns the PublicToken field if it's non-nil, zero value otherwise.
func (r *CreditSessionItemAddResult) GetPublicToken() string {
	if r == nil {
		return ""
	}
	return deref(r.PublicToken)
}

// GetItemID returns the ItemID field if it's non-nil, zero value otherwise.
func (r *CreditSessionItemAddResult) GetItemID() string {
	if r == nil {
		return ""
	}
	return deref(r.ItemID)
}

// GetInstitutionID returns the InstitutionID field if it's non-nil, zero value otherwise.
func (r *CreditSessionItemAddResult) GetInstitutionID() string {
	if r == nil {
		return ""
	}
	return deref(r.InstitutionID)
}

// UnknownMembers returns the path of every member of r, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// r and sorted, such as "results.verification_score". It is how a
// service notices that Plaid's API has grown.
func (r *CreditSessionItemAddResult) UnknownMembers() []string {
	return sortedUnknownMembers(r, creditSessionItemAddResultSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (r *CreditSessionItemAddResult) UnmarshalJSON(data []byte) error {
	return unmarshal(data, r, creditSessionItemAddResultSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (r CreditSessionItemAddResult) MarshalJSON() ([]byte, error) {
	return marshal(&r, creditSessionItemAddResultSchema, false)
}

// String returns r as JSON with the public token redacted.
func (r CreditSessionItemAddResult) String() string {
	return redactedString(&r, creditSessionItemAddResultSchema)
}

// GoString returns r as a Go expression with the public token redacted, for %#v.
func (r CreditSessionItemAddResult) GoString() string { return goString(r) }

// LogValue implements the [slog.LogValuer] interface, logging r as JSON
// with the public token redacted.
func (r CreditSessionItemAddResult) LogValue() slog.Value {
	return redactedLogValue(&r, creditSessionItemAddResultSchema)
}

// Clone returns a deep copy of r that shares no memory with r, nor
// with the input r was decoded from, which a decoded value keeps
// reachable. It returns nil if r is nil.
func (r *CreditSessionItemAddResult) Clone() *CreditSessionItemAddResult {
	if r == nil {
		return nil
	}
	c := new(CreditSessionItemAddResult)
	cloneObject(c, r, creditSessionItemAddResultSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns r as JSON, in a string.
// A nil *CreditSessionItemAddResult is NULL.
func (r CreditSessionItemAddResult) Value() (driver.Value, error) { return jsonValue(r.MarshalJSON()) }

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves r
// unchanged.
func (r *CreditSessionItemAddResult) Scan(src any) error {
	return scanJSON(src, r.UnmarshalJSON, "CreditSessionItemAddResult")
}

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of r, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (r CreditSessionItemAddResult) GobEncode() ([]byte, error) { return r.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (r *CreditSessionItemAddResult) GobDecode(data []byte) error { return r.UnmarshalJSON(data) }

// CreditSessionBankIncomeStatus is the status of a bank income
// verification. Plaid may add values: they decode and marshal unchanged,
// and IsKnown reports false for them.
type CreditSessionBankIncomeStatus string

// List of values that CreditSessionBankIncomeStatus can take.
const (
	CreditSessionBankIncomeStatusApproved             CreditSessionBankIncomeStatus = "APPROVED"
	CreditSessionBankIncomeStatusNoDepositsFound      CreditSessionBankIncomeStatus = "NO_DEPOSITS_FOUND"
	CreditSessionBankIncomeStatusUserReportedNoIncome CreditSessionBankIncomeStatus = "USER_REPORTED_NO_INCOME"
	CreditSessionBankIncomeStatusStarted              CreditSessionBankIncomeStatus = "STARTED"
	CreditSessionBankIncomeStatusInternalError        CreditSessionBankIncomeStatus = "INTERNAL_ERROR"
)

// String returns s as Plaid writes it.
func (s CreditSessionBankIncomeStatus) String() string { return string(s) }

// LogValue implements the [slog.LogValuer] interface, logging s as a string.
func (s CreditSessionBankIncomeStatus) LogValue() slog.Value { return slog.StringValue(string(s)) }

// IsKnown reports whether s is one of the values listed above.
func (s CreditSessionBankIncomeStatus) IsKnown() bool {
	switch s {
	case CreditSessionBankIncomeStatusApproved, CreditSessionBankIncomeStatusNoDepositsFound,
		CreditSessionBankIncomeStatusUserReportedNoIncome, CreditSessionBankIncomeStatusStarted,
		CreditSessionBankIncomeStatusInternalError:
		return true
	}
	return false
}

// CreditSessionBankIncomeResult is a bank income verification in Link.
type CreditSessionBankIncomeResult struct {
	Status        *CreditSessionBankIncomeStatus `json:"status,omitempty"`
	ItemID        *string                        `json:"item_id,omitempty"`
	InstitutionID *string                        `json:"institution_id,omitempty"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

var creditSessionBankIncomeResultSchema = newSchema("CreditSessionBankIncomeResult",
	func(r *CreditSessionBankIncomeResult) *map[string]json.RawMessage { return &r.Extra },
	optEnum("status", func(r *CreditSessionBankIncomeResult) **CreditSessionBankIncomeStatus { return &r.Status }),
	optString("item_id", func(r *CreditSessionBankIncomeResult) **string { return &r.ItemID }),
	optString("institution_id", func(r *CreditSessionBankIncomeResult) **string { return &r.InstitutionID }),
)

// GetStatus returns the Status field if it's non-nil, zero value otherwise.
func (r *CreditSessionBankIncomeResult) GetStatus() CreditSessionBankIncomeStatus {
	if r == nil {
		return ""
	}
	return deref(r.Status)
}

// GetItemID returns the ItemID field if it's non-nil, zero value otherwise.
func (r *CreditSessionBankIncomeResult) GetItemID() string {
	if r == nil {
		return ""
	}
	return deref(r.ItemID)
}

// GetInstitutionID returns the InstitutionID field if it's non-nil, zero value otherwise.
func (r *CreditSessionBankIncomeResult) GetInstitutionID() string {
	if r == nil {
		return ""
	}
	return deref(r.InstitutionID)
}

// UnknownMembers returns the path of every member of r, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// r and sorted, such as "results.verification_score". It is how a
// service notices that Plaid's API has grown.
func (r *CreditSessionBankIncomeResult) UnknownMembers() []string {
	return sortedUnknownMembers(r, creditSessionBankIncomeResultSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (r *CreditSessionBankIncomeResult) UnmarshalJSON(data []byte) error {
	return unmarshal(data, r, creditSessionBankIncomeResultSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (r CreditSessionBankIncomeResult) MarshalJSON() ([]byte, error) {
	return marshal(&r, creditSessionBankIncomeResultSchema, false)
}

// String returns r as JSON.
func (r CreditSessionBankIncomeResult) String() string {
	return redactedString(&r, creditSessionBankIncomeResultSchema)
}

// GoString returns r as a Go expression, for %#v.
func (r CreditSessionBankIncomeResult) GoString() string { return goString(r) }

// LogValue implements the [slog.LogValuer] interface, logging r as JSON.
func (r CreditSessionBankIncomeResult) LogValue() slog.Value {
	return redactedLogValue(&r, creditSessionBankIncomeResultSchema)
}

// Clone returns a deep copy of r that shares no memory with r, nor
// with the input r was decoded from, which a decoded value keeps
// reachable. It returns nil if r is nil.
func (r *CreditSessionBankIncomeResult) Clone() *CreditSessionBankIncomeResult {
	if r == nil {
		return nil
	}
	c := new(CreditSessionBankIncomeResult)
	cloneObject(c, r, creditSessionBankIncomeResultSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns r as JSON, in a string.
// A nil *CreditSessionBankIncomeResult is NULL.
func (r CreditSessionBankIncomeResult) Value() (driver.Value, error) {
	return jsonValue(r.MarshalJSON())
}

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves r
// unchanged.
func (r *CreditSessionBankIncomeResult) Scan(src any) error {
	return scanJSON(src, r.UnmarshalJSON, "CreditSessionBankIncomeResult")
}

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of r, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (r CreditSessionBankIncomeResult) GobEncode() ([]byte, error) { return r.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (r *CreditSessionBankIncomeResult) GobDecode(data []byte) error { return r.UnmarshalJSON(data) }

// CreditSessionBankEmploymentStatus is the status of a bank employment
// verification. Plaid may add values: they decode and marshal unchanged,
// and IsKnown reports false for them.
type CreditSessionBankEmploymentStatus string

// List of values that CreditSessionBankEmploymentStatus can take.
const (
	CreditSessionBankEmploymentStatusApproved          CreditSessionBankEmploymentStatus = "APPROVED"
	CreditSessionBankEmploymentStatusNoEmployersFound  CreditSessionBankEmploymentStatus = "NO_EMPLOYERS_FOUND"
	CreditSessionBankEmploymentStatusEmployerNotListed CreditSessionBankEmploymentStatus = "EMPLOYER_NOT_LISTED"
	CreditSessionBankEmploymentStatusStarted           CreditSessionBankEmploymentStatus = "STARTED"
	CreditSessionBankEmploymentStatusInternalError     CreditSessionBankEmploymentStatus = "INTERNAL_ERROR"
)

// String returns s as Plaid writes it.
func (s CreditSessionBankEmploymentStatus) String() string { return string(s) }

// LogValue implements the [slog.LogValuer] interface, logging s as a string.
func (s CreditSessionBankEmploymentStatus) LogValue() slog.Value { return slog.StringValue(string(s)) }

// IsKnown reports whether s is one of the values listed above.
func (s CreditSessionBankEmploymentStatus) IsKnown() bool {
	switch s {
	case CreditSessionBankEmploymentStatusApproved, CreditSessionBankEmploymentStatusNoEmployersFound,
		CreditSessionBankEmploymentStatusEmployerNotListed, CreditSessionBankEmploymentStatusStarted,
		CreditSessionBankEmploymentStatusInternalError:
		return true
	}
	return false
}

// CreditSessionBankEmploymentResult is a bank employment verification in
// Link.
type CreditSessionBankEmploymentResult struct {
	Status        *CreditSessionBankEmploymentStatus `json:"status,omitempty"`
	ItemID        *string                            `json:"item_id,omitempty"`
	InstitutionID *string                            `json:"institution_id,omitempty"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

var creditSessionBankEmploymentResultSchema = newSchema("CreditSessionBankEmploymentResult",
	func(r *CreditSessionBankEmploymentResult) *map[string]json.RawMessage { return &r.Extra },
	optEnum("status", func(r *CreditSessionBankEmploymentResult) **CreditSessionBankEmploymentStatus { return &r.Status }),
	optString("item_id", func(r *CreditSessionBankEmploymentResult) **string { return &r.ItemID }),
	optString("institution_id", func(r *CreditSessionBankEmploymentResult) **string { return &r.InstitutionID }),
)

// GetStatus returns the Status field if it's non-nil, zero value otherwise.
func (r *CreditSessionBankEmploymentResult) GetStatus() CreditSessionBankEmploymentStatus {
	if r == nil {
		return ""
	}
	return deref(r.Status)
}

// GetItemID returns the ItemID field if it's non-nil, zero value otherwise.
func (r *CreditSessionBankEmploymentResult) GetItemID() string {
	if r == nil {
		return ""
	}
	return deref(r.ItemID)
}

// GetInstitutionID returns the InstitutionID field if it's non-nil, zero value otherwise.
func (r *CreditSessionBankEmploymentResult) GetInstitutionID() string {
	if r == nil {
		return ""
	}
	return deref(r.InstitutionID)
}

// UnknownMembers returns the path of every member of r, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// r and sorted, such as "results.verification_score". It is how a
// service notices that Plaid's API has grown.
func (r *CreditSessionBankEmploymentResult) UnknownMembers() []string {
	return sortedUnknownMembers(r, creditSessionBankEmploymentResultSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (r *CreditSessionBankEmploymentResult) UnmarshalJSON(data []byte) error {
	return unmarshal(data, r, creditSessionBankEmploymentResultSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (r CreditSessionBankEmploymentResult) MarshalJSON() ([]byte, error) {
	return marshal(&r, creditSessionBankEmploymentResultSchema, false)
}

// String returns r as JSON.
func (r CreditSessionBankEmploymentResult) String() string {
	return redactedString(&r, creditSessionBankEmploymentResultSchema)
}

// GoString returns r as a Go expression, for %#v.
func (r CreditSessionBankEmploymentResult) GoString() string { return goString(r) }

// LogValue implements the [slog.LogValuer] interface, logging r as JSON.
func (r CreditSessionBankEmploymentResult) LogValue() slog.Value {
	return redactedLogValue(&r, creditSessionBankEmploymentResultSchema)
}

// Clone returns a deep copy of r that shares no memory with r, nor
// with the input r was decoded from, which a decoded value keeps
// reachable. It returns nil if r is nil.
func (r *CreditSessionBankEmploymentResult) Clone() *CreditSessionBankEmploymentResult {
	if r == nil {
		return nil
	}
	c := new(CreditSessionBankEmploymentResult)
	cloneObject(c, r, creditSessionBankEmploymentResultSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns r as JSON, in a string.
// A nil *CreditSessionBankEmploymentResult is NULL.
func (r CreditSessionBankEmploymentResult) Value() (driver.Value, error) {
	return jsonValue(r.MarshalJSON())
}

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves r
// unchanged.
func (r *CreditSessionBankEmploymentResult) Scan(src any) error {
	return scanJSON(src, r.UnmarshalJSON, "CreditSessionBankEmploymentResult")
}

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of r, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (r CreditSessionBankEmploymentResult) GobEncode() ([]byte, error) { return r.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (r *CreditSessionBankEmploymentResult) GobDecode(data []byte) error {
	return r.UnmarshalJSON(data)
}

// CreditSessionPayrollIncomeResult is a digital payroll income verification
// in Link.
type CreditSessionPayrollIncomeResult struct {
	NumPaystubsRetrieved *int    `json:"num_paystubs_retrieved,omitempty"`
	NumW2sRetrieved      *int    `json:"num_w2s_retrieved,omitempty"`
	InstitutionID        *string `json:"institution_id,omitempty"`
	InstitutionName      *string `json:"institution_name,omitempty"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

var creditSessionPayrollIncomeResultSchema = newSchema("CreditSessionPayrollIncomeResult",
	func(r *CreditSessionPayrollIncomeResult) *map[string]json.RawMessage { return &r.Extra },
	optInt("num_paystubs_retrieved", func(r *CreditSessionPayrollIncomeResult) **int { return &r.NumPaystubsRetrieved }),
	optInt("num_w2s_retrieved", func(r *CreditSessionPayrollIncomeResult) **int { return &r.NumW2sRetrieved }),
	optString("institution_id", func(r *CreditSessionPayrollIncomeResult) **string { return &r.InstitutionID }),
	optString("institution_name", func(r *CreditSessionPayrollIncomeResult) **string { return &r.InstitutionName }),
)

// GetNumPaystubsRetrieved returns the NumPaystubsRetrieved field if it's non-nil, zero value otherwise.
func (r *CreditSessionPayrollIncomeResult) GetNumPaystubsRetrieved() int {
	if r == nil {
		return 0
	}
	return deref(r.NumPaystubsRetrieved)
}

// GetNumW2sRetrieved returns the NumW2sRetrieved field if it's non-nil, zero value otherwise.
func (r *CreditSessionPayrollIncomeResult) GetNumW2sRetrieved() int {
	if r == nil {
		return 0
	}
	return deref(r.NumW2sRetrieved)
}

// GetInstitutionID returns the InstitutionID field if it's non-nil, zero value otherwise.
func (r *CreditSessionPayrollIncomeResult) GetInstitutionID() string {
	if r == nil {
		return ""
	}
	return deref(r.InstitutionID)
}

// GetInstitutionName returns the InstitutionName field if it's non-nil, zero value otherwise.
func (r *CreditSessionPayrollIncomeResult) GetInstitutionName() string {
	if r == nil {
		return ""
	}
	return deref(r.InstitutionName)
}

// UnknownMembers returns the path of every member of r, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// r and sorted, such as "results.verification_score". It is how a
// service notices that Plaid's API has grown.
func (r *CreditSessionPayrollIncomeResult) UnknownMembers() []string {
	return sortedUnknownMembers(r, creditSessionPayrollIncomeResultSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (r *CreditSessionPayrollIncomeResult) UnmarshalJSON(data []byte) error {
	return unmarshal(data, r, creditSessionPayrollIncomeResultSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (r CreditSessionPayrollIncomeResult) MarshalJSON() ([]byte, error) {
	return marshal(&r, creditSessionPayrollIncomeResultSchema, false)
}

// String returns r as JSON.
func (r CreditSessionPayrollIncomeResult) String() string {
	return redactedString(&r, creditSessionPayrollIncomeResultSchema)
}

// GoString returns r as a Go expression, for %#v.
func (r CreditSessionPayrollIncomeResult) GoString() string { return goString(r) }

// LogValue implements the [slog.LogValuer] interface, logging r as JSON.
func (r CreditSessionPayrollIncomeResult) LogValue() slog.Value {
	return redactedLogValue(&r, creditSessionPayrollIncomeResultSchema)
}

// Clone returns a deep copy of r that shares no memory with r, nor
// with the input r was decoded from, which a decoded value keeps
// reachable. It returns nil if r is nil.
func (r *CreditSessionPayrollIncomeResult) Clone() *CreditSessionPayrollIncomeResult {
	if r == nil {
		return nil
	}
	c := new(CreditSessionPayrollIncomeResult)
	cloneObject(c, r, creditSessionPayrollIncomeResultSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns r as JSON, in a string.
// A nil *CreditSessionPayrollIncomeResult is NULL.
func (r CreditSessionPayrollIncomeResult) Value() (driver.Value, error) {
	return jsonValue(r.MarshalJSON())
}

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves r
// unchanged.
func (r *CreditSessionPayrollIncomeResult) Scan(src any) error {
	return scanJSON(src, r.UnmarshalJSON, "CreditSessionPayrollIncomeResult")
}

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of r, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (r CreditSessionPayrollIncomeResult) GobEncode() ([]byte, error) { return r.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (r *CreditSessionPayrollIncomeResult) GobDecode(data []byte) error { return r.UnmarshalJSON(data) }

// CreditSessionDocumentIncomeResult is a document income verification in
// Link: how many documents of each kind the user uploaded. All four counts
// are required members.
type CreditSessionDocumentIncomeResult struct {
	NumPaystubsUploaded       int `json:"num_paystubs_uploaded"`
	NumW2sUploaded            int `json:"num_w2s_uploaded"`
	NumBankStatementsUploaded int `json:"num_bank_statements_uploaded"`
	Num1099sUploaded          int `json:"num_1099s_uploaded"`

	// Extra holds the members this package does not know, as received.
	Extra map[string]json.RawMessage `json:"-"`
}

var creditSessionDocumentIncomeResultSchema = newSchema("CreditSessionDocumentIncomeResult",
	func(r *CreditSessionDocumentIncomeResult) *map[string]json.RawMessage { return &r.Extra },
	reqInt("num_paystubs_uploaded", func(r *CreditSessionDocumentIncomeResult) *int { return &r.NumPaystubsUploaded }),
	reqInt("num_w2s_uploaded", func(r *CreditSessionDocumentIncomeResult) *int { return &r.NumW2sUploaded }),
	reqInt("num_bank_statements_uploaded", func(r *CreditSessionDocumentIncomeResult) *int { return &r.NumBankStatementsUploaded }),
	reqInt("num_1099s_uploaded", func(r *CreditSessionDocumentIncomeResult) *int { return &r.Num1099sUploaded }),
)

// UnknownMembers returns the path of every member of r, at any depth,
// that this package does not know and keeps in an Extra field, relative to
// r and sorted, such as "results.verification_score". It is how a
// service notices that Plaid's API has grown.
func (r *CreditSessionDocumentIncomeResult) UnknownMembers() []string {
	return sortedUnknownMembers(r, creditSessionDocumentIncomeResultSchema)
}

// UnmarshalJSON implements the [encoding/json.Unmarshaler] interface.
func (r *CreditSessionDocumentIncomeResult) UnmarshalJSON(data []byte) error {
	return unmarshal(data, r, creditSessionDocumentIncomeResultSchema)
}

// MarshalJSON implements the [encoding/json.Marshaler] interface.
func (r CreditSessionDocumentIncomeResult) MarshalJSON() ([]byte, error) {
	return marshal(&r, creditSessionDocumentIncomeResultSchema, false)
}

// String returns r as JSON.
func (r CreditSessionDocumentIncomeResult) String() string {
	return redactedString(&r, creditSessionDocumentIncomeResultSchema)
}

// GoString returns r as a Go expression, for %#v.
func (r CreditSessionDocumentIncomeResult) GoString() string { return goString(r) }

// LogValue implements the [slog.LogValuer] interface, logging r as JSON.
func (r CreditSessionDocumentIncomeResult) LogValue() slog.Value {
	return redactedLogValue(&r, creditSessionDocumentIncomeResultSchema)
}

// Clone returns a deep copy of r that shares no memory with r, nor
// with the input r was decoded from, which a decoded value keeps
// reachable. It returns nil if r is nil.
func (r *CreditSessionDocumentIncomeResult) Clone() *CreditSessionDocumentIncomeResult {
	if r == nil {
		return nil
	}
	c := new(CreditSessionDocumentIncomeResult)
	cloneObject(c, r, creditSessionDocumentIncomeResultSchema)
	return c
}

// Value implements the [database/sql/driver.Valuer] interface, for a
// JSON column (jsonb, json or text): it returns r as JSON, in a string.
// A nil *CreditSessionDocumentIncomeResult is NULL.
func (r CreditSessionDocumentIncomeResult) Value() (driver.Value, error) {
	return jsonValue(r.MarshalJSON())
}

// Scan implements the [database/sql.Scanner] interface: it decodes JSON
// from a string or []byte as UnmarshalJSON does. NULL leaves r
// unchanged.
func (r *CreditSessionDocumentIncomeResult) Scan(src any) error {
	return scanJSON(src, r.UnmarshalJSON, "CreditSessionDocumentIncomeResult")
}

// GobEncode implements the [encoding/gob.GobEncoder] interface with the
// JSON of r, which gob, left to itself, would not carry exactly: it
// drops a pointer to "" or 0, and an empty slice.
func (r CreditSessionDocumentIncomeResult) GobEncode() ([]byte, error) { return r.MarshalJSON() }

// GobDecode implements the [encoding/gob.GobDecoder] interface.
func (r *CreditSessionDocumentIncomeResult) GobDecode(data []byte) error {
	return r.UnmarshalJSON(data)
}
