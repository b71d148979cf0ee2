package plaid

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCreditSessionsGetResponse_UnmarshalJSON_errorBody(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Error
		message string
		unknown []string
	}{
		{name: "the issue's body", in: `{"error_type":"INVALID_INPUT","error_code":"INVALID_API_KEYS","error_message":"invalid client_id or secret provided","display_message":null,"request_id":"abc"}`,
			want:    Error{ErrorType: ErrorTypeInvalidInput, ErrorCode: "INVALID_API_KEYS", ErrorMessage: "invalid client_id or secret provided", RequestID: Ptr("abc")},
			message: "plaid: INVALID_INPUT INVALID_API_KEYS: invalid client_id or secret provided (request_id abc)"},
		{name: "display_message absent, no request_id", in: `{"error_code":"INTERNAL_SERVER_ERROR","error_type":"API_ERROR","error_message":"an unexpected error occurred"}`,
			want:    Error{ErrorType: ErrorTypeAPIError, ErrorCode: "INTERNAL_SERVER_ERROR", ErrorMessage: "an unexpected error occurred"},
			message: "plaid: API_ERROR INTERNAL_SERVER_ERROR: an unexpected error occurred"},
		{name: "with causes and unknown members", in: `{"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED","error_message":"the login details of this item have changed",
			"display_message":"Log in again.","request_id":"Aim3b","status":400,"documentation_url":"https://plaid.com/docs/errors/item/","suggested_action":null,
			"causes":[{"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED","error_message":"m","display_message":null,"item_id":"item-1","cause_new":[1]}],
			"required_account_subtypes":["checking"],"provided_account_subtypes":[],"body_new":{"a":true}}`,
			want: Error{ErrorType: ErrorTypeItemError, ErrorCode: "ITEM_LOGIN_REQUIRED", ErrorMessage: "the login details of this item have changed",
				DisplayMessage: Ptr("Log in again."), RequestID: Ptr("Aim3b"), Status: Ptr(400), DocumentationURL: Ptr("https://plaid.com/docs/errors/item/"),
				Causes: []Error{{ErrorType: ErrorTypeItemError, ErrorCode: "ITEM_LOGIN_REQUIRED", ErrorMessage: "m", ItemID: Ptr("item-1"),
					Extra: map[string]json.RawMessage{"cause_new": json.RawMessage(`[1]`)}}},
				RequiredAccountSubtypes: []string{"checking"}, ProvidedAccountSubtypes: []string{},
				Extra: map[string]json.RawMessage{"body_new": json.RawMessage(`{"a":true}`)}},
			message: "plaid: ITEM_ERROR ITEM_LOGIN_REQUIRED: the login details of this item have changed (request_id Aim3b)",
			unknown: []string{"body_new", "causes[0].cause_new"}},
		{name: "an error type Plaid adds later", in: `{"error_type":"NEW_ERROR","error_code":"X","error_message":""}`,
			want: Error{ErrorType: "NEW_ERROR", ErrorCode: "X"}, message: "plaid: NEW_ERROR X"},
	}
	decoders := map[string]func(data []byte, r *CreditSessionsGetResponse) error{
		"UnmarshalJSON":  func(data []byte, r *CreditSessionsGetResponse) error { return r.UnmarshalJSON(data) },
		"json.Unmarshal": func(data []byte, r *CreditSessionsGetResponse) error { return json.Unmarshal(data, r) },
	}
	for _, tt := range tests {
		for how, decode := range decoders {
			t.Run(tt.name+"/"+how, func(t *testing.T) {
				r := CreditSessionsGetResponse{RequestID: "kept"}
				err := decode([]byte(tt.in), &r)
				var perr *Error
				require.True(t, errors.As(err, &perr), "got %T %v, want a *plaid.Error", err, err)
				assert.Equal(t, tt.want, *perr)
				assert.EqualError(t, perr, tt.message)
				assert.Equal(t, CreditSessionsGetResponse{RequestID: "kept"}, r, "the response is left unchanged")
				assert.Equal(t, tt.unknown, perr.UnknownMembers())

				out, err := json.Marshal(perr)
				require.NoError(t, err)
				assertSameJSON(t, reflect.TypeFor[Error](), []byte(tt.in), out)
			})
		}
	}
}

func TestCreditSessionsGetResponse_UnmarshalJSON_notAnErrorBody(t *testing.T) {
	tests := []struct {
		name string
		in   string
		path string
		want string
	}{
		{name: "error_code a number", in: `{"error_type":"API_ERROR","error_code":500,"error_message":"m"}`,
			path: "error_code", want: "cannot unmarshal number 500 into string"},
		{name: "no error_message", in: `{"error_type":"API_ERROR","error_code":"X"}`,
			path: "error_message", want: "missing required member"},
		{name: "error_type alone is an unknown member of a response", in: `{"error_type":"API_ERROR"}`,
			path: "request_id", want: "missing required member"},
		{name: "a cause without its members", in: `{"error_type":"API_ERROR","error_code":"X","error_message":"m","causes":[{"item_id":"i"}]}`,
			path: "causes[0].error_type", want: "missing required member"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r CreditSessionsGetResponse
			err := r.UnmarshalJSON([]byte(tt.in))
			assertFieldError(t, err, tt.path, tt.want)
			var perr *Error
			assert.False(t, errors.As(err, &perr), "not a *plaid.Error")
		})
	}
	var r CreditSessionsGetResponse
	require.NoError(t, r.UnmarshalJSON([]byte(`{"request_id":"r","error_code":"X"}`)))
	assert.Equal(t, `"X"`, string(r.Extra["error_code"]), "error_code alone is an unknown member of a response")
}

func TestError_Error(t *testing.T) {
	e := &Error{ErrorType: ErrorTypeRateLimitExceeded, ErrorCode: "RATE_LIMIT", RequestID: Ptr("")}
	assert.EqualError(t, e, "plaid: RATE_LIMIT_EXCEEDED RATE_LIMIT", "no message and an empty request_id leave nothing behind")
	var err error = e
	assert.Equal(t, "plaid: RATE_LIMIT_EXCEEDED RATE_LIMIT", fmt.Sprint(err), "fmt prints a *Error as an error")
}

func TestError_Validate(t *testing.T) {
	e := Error{ErrorType: "NEW", ErrorCode: "X", ErrorMessage: "m", Causes: []Error{{ErrorType: ErrorTypeItemError, ErrorCode: "", ErrorMessage: "m"}}}
	assert.Equal(t, [][2]string{
		{"error_type", `plaid: error_type: unknown ErrorType "NEW"`},
		{"causes[0].error_code", "plaid: causes[0].error_code: must not be empty"},
	}, problems(t, e.Validate()))
}

func TestSentinels(t *testing.T) {
	validate := func(in string) error {
		var r CreditSessionsGetResponse
		if err := json.Unmarshal([]byte(in), &r); err != nil {
			return err
		}
		return r.Validate()
	}
	tests := []struct {
		name string
		err  error
		want error
	}{
		{name: "unknown status", err: validate(`{"request_id":"r","sessions":[{"results":{"bank_income_results":[{"status":"NEW"}]}}]}`), want: ErrUnknownValue},
		{name: "unknown employment status", err: validate(`{"request_id":"r","sessions":[{"results":{"bank_employment_results":[{"status":"NEW"}]}}]}`), want: ErrUnknownValue},
		{name: "unknown error type", err: (&Error{ErrorType: "NEW", ErrorCode: "X", ErrorMessage: "m"}).Validate(), want: ErrUnknownValue},
		{name: "negative optional count", err: validate(`{"request_id":"r","sessions":[{"results":{"payroll_income_results":[{"num_w2s_retrieved":-1}]}}]}`), want: ErrNegativeCount},
		{name: "negative required count", err: validate(`{"request_id":"r","sessions":[{"results":{"document_income_results":{"num_paystubs_uploaded":0,"num_w2s_uploaded":0,"num_bank_statements_uploaded":0,"num_1099s_uploaded":-1}}}]}`), want: ErrNegativeCount},
		{name: "empty request_id", err: validate(`{"request_id":""}`), want: ErrEmpty},
		{name: "empty user_token", err: (&CreditSessionsGetRequest{}).Validate(), want: ErrEmpty},
		{name: "missing member", err: validate(`{"sessions":[]}`), want: ErrMissingMember},
		{name: "null required member", err: validate(`{"request_id":null}`), want: ErrMissingMember},
		{name: "duplicate known member", err: validate(`{"request_id":"r","request_id":"s"}`), want: ErrDuplicateMember},
		{name: "duplicate unknown member", err: validate(`{"request_id":"r","x":1,"x":2}`), want: ErrDuplicateMember},
		{name: "duplicate member deep", err: validate(`{"request_id":"r","x":{"y":1,"y":2}}`), want: ErrDuplicateMember},
	}
	all := []error{ErrUnknownValue, ErrNegativeCount, ErrEmpty, ErrMissingMember, ErrDuplicateMember}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			for _, sentinel := range all {
				assert.Equal(t, sentinel == tt.want, errors.Is(tt.err, sentinel), "errors.Is(%v, %v)", tt.err, sentinel)
			}
		})
	}
}
