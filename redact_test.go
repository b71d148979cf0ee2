package plaid

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testSecret = "s3cr3t-0123456789abcdef"
	testToken  = "public-production-5c224a01-8314-4491-a06f"
)

// credentialValues returns every exported type of the package holding a
// credential, directly or nested.
func credentialValues() map[string]any {
	item := CreditSessionItemAddResult{PublicToken: Ptr(testToken), ItemID: Ptr("item-1")}
	results := CreditSessionResults{ItemAddResults: []CreditSessionItemAddResult{item}}
	session := CreditSession{LinkSessionID: Ptr("ls-1"), Results: &results}
	return map[string]any{
		"CreditSessionsGetRequest":   CreditSessionsGetRequest{ClientID: Ptr("client-1"), Secret: Ptr(testSecret), UserToken: "user-1"},
		"CreditSessionItemAddResult": item,
		"CreditSessionResults":       results,
		"CreditSession":              session,
		"CreditSessionsGetResponse":  CreditSessionsGetResponse{Sessions: []CreditSession{session}, RequestID: "req-1"},
	}
}

func TestRedaction(t *testing.T) {
	for name, v := range credentialValues() {
		t.Run(name, func(t *testing.T) {
			var logJSON, logText bytes.Buffer
			slog.New(slog.NewJSONHandler(&logJSON, nil)).Info("got", "value", v, "ptr", ptrTo(v))
			slog.New(slog.NewTextHandler(&logText, nil)).Info("got", "value", v, "ptr", ptrTo(v))
			outputs := map[string]string{
				"Sprint": fmt.Sprint(v), "%v": fmt.Sprintf("%v", v), "%+v": fmt.Sprintf("%+v", v),
				"%#v": fmt.Sprintf("%#v", v), "%s": fmt.Sprintf("%s", v), "%v of pointer": fmt.Sprintf("%v", ptrTo(v)),
				"%+v in a slice": fmt.Sprintf("%+v", []any{v}), "%#v of pointer": fmt.Sprintf("%#v", ptrTo(v)),
				"slog JSON": logJSON.String(), "slog text": logText.String(),
			}
			for how, out := range outputs {
				assert.NotContains(t, out, testSecret, "%s shows the secret: %s", how, out)
				assert.NotContains(t, out, testToken, "%s shows the public token: %s", how, out)
				assert.Contains(t, out, "REDACTED", "%s shows that a credential is present: %s", how, out)
			}

			wire, err := json.Marshal(v)
			require.NoError(t, err)
			assert.True(t, strings.Contains(string(wire), testSecret) || strings.Contains(string(wire), testToken),
				"json.Marshal keeps the real credential, since it is the wire format: %s", wire)
		})
	}
}

func ptrTo(v any) any {
	switch v := v.(type) {
	case CreditSessionsGetRequest:
		return &v
	case CreditSessionItemAddResult:
		return &v
	case CreditSessionResults:
		return &v
	case CreditSession:
		return &v
	case CreditSessionsGetResponse:
		return &v
	}
	panic(fmt.Sprintf("ptrTo(%T)", v))
}

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
		"start", MustParseDate("2022-09-30T23:40:30.946225Z"), "err", &FieldError{Path: "request_id", Err: errMissing})
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
