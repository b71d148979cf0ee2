package plaid

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRedaction_absent(t *testing.T) {
	r := CreditSessionsGetRequest{UserToken: "user-1"}
	assert.Equal(t, `{"user_token":"user-1"}`, r.String(), "an absent secret stays absent")
	assert.Equal(t, `plaid.CreditSessionsGetRequest{UserToken:"user-1"}`, r.GoString())
	r.Secret = Ptr("")
	assert.Equal(t, `{"secret":"REDACTED","user_token":"user-1"}`, r.String(), "an empty secret is still shown as present")
}

func TestString(t *testing.T) {
	item := CreditSessionItemAddResult{PublicToken: Ptr(testToken), ItemID: Ptr("item-1"), Extra: map[string]json.RawMessage{"new": json.RawMessage(`[1, 2]`)}}
	assert.Equal(t, `{"public_token":"REDACTED","item_id":"item-1","new":[1,2]}`, item.String())
	assert.Equal(t, `plaid.CreditSessionItemAddResult{PublicToken:plaid.Ptr("REDACTED"), ItemID:plaid.Ptr("item-1"), Extra:map[string]json.RawMessage{"new":json.RawMessage("[1, 2]")}}`, item.GoString())

	s := CreditSession{SessionStartTime: Ptr(MustParseDate("2022-09-30")), Results: &CreditSessionResults{
		BankIncomeResults:     []CreditSessionBankIncomeResult{{Status: Ptr(CreditSessionBankIncomeStatusApproved)}},
		DocumentIncomeResults: &CreditSessionDocumentIncomeResult{NumW2sUploaded: 2}}}
	assert.Equal(t, `plaid.CreditSession{SessionStartTime:plaid.Ptr(plaid.MustParseDate("2022-09-30")), Results:&plaid.CreditSessionResults{`+
		`BankIncomeResults:[]plaid.CreditSessionBankIncomeResult{plaid.CreditSessionBankIncomeResult{Status:plaid.Ptr(plaid.CreditSessionBankIncomeStatus("APPROVED"))}}, `+
		`DocumentIncomeResults:&plaid.CreditSessionDocumentIncomeResult{NumW2sUploaded:2}}}`, s.GoString())

	bad := CreditSessionError{Extra: map[string]json.RawMessage{"x": json.RawMessage(`{`)}}
	assert.Equal(t, `%!v(plaid.CreditSessionError: plaid: x: unexpected end of JSON input)`, bad.String())
	assert.Equal(t, "APPROVED", CreditSessionBankEmploymentStatusApproved.String())
}

func TestLogValue(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: dropTime}))
	item := CreditSessionItemAddResult{PublicToken: Ptr(testToken), InstitutionID: Ptr("ins_1")}
	logger.Info("item", "item", item, "status", CreditSessionBankIncomeStatusStarted,
		"start", MustParseDate("2022-09-30T23:40:30.946225Z"), "err", &FieldError{Path: "request_id", Err: ErrMissingMember})
	assert.Equal(t, `{"level":"INFO","msg":"item","item":{"public_token":"REDACTED","institution_id":"ins_1"},`+
		`"status":"STARTED","start":"2022-09-30T23:40:30.946225Z","err":"plaid: request_id: missing required member"}`+"\n", buf.String())

	buf.Reset()
	slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: dropTime})).Info("item", "item", item)
	assert.Equal(t, `level=INFO msg=item item="{\"public_token\":\"REDACTED\",\"institution_id\":\"ins_1\"}"`+"\n", buf.String())
}

func dropTime(_ []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}
