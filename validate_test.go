package plaid

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problems returns the path and text of each error that Validate joined.
func problems(t *testing.T, err error) [][2]string {
	t.Helper()
	if err == nil {
		return nil
	}
	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "Validate returns an errors.Join, got %T", err)
	var got [][2]string
	for _, e := range joined.Unwrap() {
		var fe *FieldError
		require.True(t, errors.As(e, &fe), "got %T, want *FieldError", e)
		got = append(got, [2]string{fe.Path, fe.Error()})
	}
	return got
}

func TestCreditSessionsGetResponse_Validate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][2]string
	}{
		{name: "valid", in: `{"request_id":"r","sessions":[{"results":{"bank_income_results":[{"status":"APPROVED"}],
			"payroll_income_results":[{"num_w2s_retrieved":0}],"document_income_results":{"num_paystubs_uploaded":0,
			"num_w2s_uploaded":0,"num_bank_statements_uploaded":0,"num_1099s_uploaded":0}}}]}`},
		{name: "empty request_id", in: `{"request_id":""}`,
			want: [][2]string{{"request_id", "plaid: request_id: must not be empty"}}},
		{name: "every problem, in order", in: `{"sessions":[{},{"results":{
			"bank_income_results":[{"status":"APPROVED"},{"status":"PENDING"}],
			"bank_employment_results":[{"status":"approved"}],
			"payroll_income_results":[{"num_paystubs_retrieved":-1,"num_w2s_retrieved":-2}],
			"document_income_results":{"num_paystubs_uploaded":0,"num_w2s_uploaded":0,"num_bank_statements_uploaded":-3,"num_1099s_uploaded":0}}}],
			"request_id":""}`,
			want: [][2]string{
				{"sessions[1].results.bank_income_results[1].status", `plaid: sessions[1].results.bank_income_results[1].status: unknown CreditSessionBankIncomeStatus "PENDING"`},
				{"sessions[1].results.bank_employment_results[0].status", `plaid: sessions[1].results.bank_employment_results[0].status: unknown CreditSessionBankEmploymentStatus "approved"`},
				{"sessions[1].results.payroll_income_results[0].num_paystubs_retrieved", "plaid: sessions[1].results.payroll_income_results[0].num_paystubs_retrieved: negative count -1"},
				{"sessions[1].results.payroll_income_results[0].num_w2s_retrieved", "plaid: sessions[1].results.payroll_income_results[0].num_w2s_retrieved: negative count -2"},
				{"sessions[1].results.document_income_results.num_bank_statements_uploaded", "plaid: sessions[1].results.document_income_results.num_bank_statements_uploaded: negative count -3"},
				{"request_id", "plaid: request_id: must not be empty"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r CreditSessionsGetResponse
			require.NoError(t, json.Unmarshal([]byte(tt.in), &r))
			err := r.Validate()
			assert.Equal(t, tt.want, problems(t, err))
			if tt.want == nil {
				assert.NoError(t, err)
			}
		})
	}
}

func TestCreditSession_Validate(t *testing.T) {
	s := CreditSession{Results: &CreditSessionResults{PayrollIncomeResults: []CreditSessionPayrollIncomeResult{{NumW2sRetrieved: Ptr(-1)}}}}
	assert.Equal(t, [][2]string{{"results.payroll_income_results[0].num_w2s_retrieved",
		"plaid: results.payroll_income_results[0].num_w2s_retrieved: negative count -1"}}, problems(t, s.Validate()))
	assert.NoError(t, (&CreditSession{}).Validate())
}

func TestCreditSessionsGetRequest_Validate(t *testing.T) {
	assert.Equal(t, [][2]string{{"user_token", "plaid: user_token: must not be empty"}}, problems(t, (&CreditSessionsGetRequest{}).Validate()))
	assert.NoError(t, (&CreditSessionsGetRequest{UserToken: "user-1"}).Validate())
}
