package plaid_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/creditsession/plaid"
)

const response = `{
  "sessions": [
    {
      "link_session_id": "356dbb28-7f98-44d1-8e6d-e1f2a9b3c4d5",
      "session_start_time": "2022-09-30T23:40:30.946225Z",
      "results": {
        "item_add_results": [{"public_token": "public-sandbox-5c224a01", "item_id": "M5eVJqLnv3tbzdngLDp9", "institution_id": "ins_56"}],
        "bank_income_results": [{"status": "APPROVED", "item_id": "M5eVJqLnv3tbzdngLDp9", "institution_id": "ins_56"}],
        "document_income_results": null
      },
      "errors": []
    },
    {
      "link_session_id": "f1e2d3c4-b5a6-4789-90ab-cdef01234567",
      "session_start_time": "2022-10-03T08:15:00+02:00",
      "results": {
        "document_income_results": {"num_paystubs_uploaded": 3, "num_w2s_uploaded": 1, "num_bank_statements_uploaded": 0, "num_1099s_uploaded": 0}
      },
      "errors": [{"error_code": "INVALID_CREDENTIALS", "display_message": null}]
    }
  ],
  "request_id": "Ay5Xw9Kz3PqR8tM"
}`

// Decode a response and walk its sessions. The getters read through nil
// pointers: s.GetResults().GetDocumentIncomeResults() is nil, not a panic,
// for a session without results.
func Example() {
	var r plaid.CreditSessionsGetResponse
	if err := json.Unmarshal([]byte(response), &r); err != nil {
		fmt.Println(err)
		return
	}
	for i := range r.Sessions {
		s := &r.Sessions[i]
		fmt.Println(s.GetLinkSessionID(), s.GetSessionStartTime(), "errors:", len(s.Errors))
		if results := s.GetResults(); results != nil {
			for _, item := range results.ItemAddResults {
				fmt.Println("  Item added:", item.GetItemID(), "at", item.GetInstitutionID())
			}
		}
		if docs := s.GetResults().GetDocumentIncomeResults(); docs != nil {
			fmt.Println("  paystubs uploaded:", docs.NumPaystubsUploaded)
		}
	}
	// Output:
	// 356dbb28-7f98-44d1-8e6d-e1f2a9b3c4d5 2022-09-30T23:40:30.946225Z errors: 0
	//   Item added: M5eVJqLnv3tbzdngLDp9 at ins_56
	// f1e2d3c4-b5a6-4789-90ab-cdef01234567 2022-10-03T08:15:00+02:00 errors: 1
	//   paystubs uploaded: 3
}

// Build a session in code. Optional members are pointers, which Ptr makes.
func ExampleCreditSession() {
	s := plaid.CreditSession{
		LinkSessionID:    plaid.Ptr("ls-1"),
		SessionStartTime: plaid.Ptr(plaid.MustParseDate("2022-09-30")),
		Results: &plaid.CreditSessionResults{
			BankIncomeResults: []plaid.CreditSessionBankIncomeResult{
				{Status: plaid.Ptr(plaid.CreditSessionBankIncomeStatusApproved), ItemID: plaid.Ptr("item-1")},
			},
		},
		Errors: []plaid.CreditSessionError{},
	}
	out, _ := json.Marshal(s)
	fmt.Println(string(out))
	// Output:
	// {"link_session_id":"ls-1","session_start_time":"2022-09-30","results":{"bank_income_results":[{"status":"APPROVED","item_id":"item-1"}]},"errors":[]}
}

// A Date marshals to exactly the text it was parsed from.
func ExampleParseDate() {
	for _, s := range []string{"2022-09-30", "2022-09-30T23:40:30.946225Z", "2022-09-30T23:40:30.000+00:00", "2023-02-29"} {
		d, err := plaid.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		text, _ := d.MarshalText()
		fmt.Printf("%s has time: %t, instant: %s\n", text, d.HasTime(), d.Time().UTC().Format("2006-01-02 15:04:05.999999"))
	}
	// Output:
	// 2022-09-30 has time: false, instant: 2022-09-30 00:00:00
	// 2022-09-30T23:40:30.946225Z has time: true, instant: 2022-09-30 23:40:30.946225
	// 2022-09-30T23:40:30.000+00:00 has time: true, instant: 2022-09-30 23:40:30
	// plaid: cannot parse "2023-02-29" as Date: day out of range; want YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.fraction] followed by Z or ±hh:mm
}

// Sort sessions newest first. Compare orders by instant, a date counting
// as midnight UTC.
func ExampleDate_Compare() {
	var r plaid.CreditSessionsGetResponse
	_ = json.Unmarshal([]byte(`{"request_id":"r","sessions":[
		{"link_session_id":"a","session_start_time":"2022-10-01"},
		{"link_session_id":"b","session_start_time":"2022-10-01T05:00:00+02:00"},
		{"link_session_id":"c","session_start_time":"2022-09-30T23:40:30.946225Z"}]}`), &r)
	slices.SortFunc(r.Sessions, func(x, y plaid.CreditSession) int {
		return y.GetSessionStartTime().Compare(x.GetSessionStartTime())
	})
	for _, s := range r.Sessions {
		fmt.Println(s.GetLinkSessionID(), s.GetSessionStartTime())
	}
	// Output:
	// b 2022-10-01T05:00:00+02:00
	// a 2022-10-01
	// c 2022-09-30T23:40:30.946225Z
}

// A FieldError says where in the document the problem is.
func ExampleFieldError() {
	data := `{"request_id":"r","sessions":[{},{"results":{"payroll_income_results":[{"num_w2s_retrieved":"two"}]}}]}`
	var r plaid.CreditSessionsGetResponse
	err := json.Unmarshal([]byte(data), &r)
	var fe *plaid.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Path)
		fmt.Println(fe)
	}
	// Output:
	// sessions[1].results.payroll_income_results[0].num_w2s_retrieved
	// plaid: sessions[1].results.payroll_income_results[0].num_w2s_retrieved: cannot unmarshal string "two" into int
}

// Validate lists every problem that decoding lets through. Each wraps an
// exported error: a service that tolerates the statuses Plaid adds skips
// those that wrap ErrUnknownValue.
func ExampleCreditSessionsGetResponse_Validate() {
	var r plaid.CreditSessionsGetResponse
	_ = json.Unmarshal([]byte(`{"request_id":"","sessions":[{"results":{"bank_income_results":[{"status":"PENDING_REVIEW"}]}}]}`), &r)
	err := r.Validate()
	fmt.Println(err)
	fmt.Println("unknown value:", errors.Is(err, plaid.ErrUnknownValue), "empty:", errors.Is(err, plaid.ErrEmpty),
		"negative count:", errors.Is(err, plaid.ErrNegativeCount))
	// Output:
	// plaid: sessions[0].results.bank_income_results[0].status: unknown CreditSessionBankIncomeStatus "PENDING_REVIEW"
	// plaid: request_id: must not be empty
	// unknown value: true empty: true negative count: false
}

// A failed call gives Plaid's error object in place of a response.
// Decoding it into a response returns it as a *plaid.Error.
func ExampleError() {
	body := `{"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED","error_message":"the login details of this item have changed","display_message":null,"request_id":"Aim3b"}`
	var r plaid.CreditSessionsGetResponse
	err := json.Unmarshal([]byte(body), &r)
	var perr *plaid.Error
	if errors.As(err, &perr) {
		fmt.Println(perr)
		fmt.Println(perr.ErrorType == plaid.ErrorTypeItemError, perr.ErrorCode, perr.GetRequestID())
	}
	// Output:
	// plaid: ITEM_ERROR ITEM_LOGIN_REQUIRED: the login details of this item have changed (request_id Aim3b)
	// true ITEM_LOGIN_REQUIRED Aim3b
}

// UnknownMembers tells where Plaid's API has grown past this package.
func ExampleCreditSessionsGetResponse_UnknownMembers() {
	var r plaid.CreditSessionsGetResponse
	_ = json.Unmarshal([]byte(`{"request_id":"r","next_cursor":null,"sessions":[{"link_session_id":"ls-1",
		"results":{"verification_score":0.9,"bank_income_results":[{"status":"APPROVED","confidence":"high"}]}}]}`), &r)
	for _, path := range r.UnknownMembers() {
		fmt.Println(path)
	}
	// Output:
	// next_cursor
	// sessions[0].results.bank_income_results[0].confidence
	// sessions[0].results.verification_score
}

// Members this package does not know are kept in Extra, and written back.
func Example_unknownMembers() {
	var s plaid.CreditSession
	_ = json.Unmarshal([]byte(`{"link_session_id":"ls-1","link_customization_name":"default","risk":{"score":0.12}}`), &s)
	for _, name := range slices.Sorted(maps.Keys(s.Extra)) {
		fmt.Printf("%s = %s\n", name, s.Extra[name])
	}
	out, _ := json.Marshal(s)
	fmt.Println(string(out))
	// Output:
	// link_customization_name = "default"
	// risk = {"score":0.12}
	// {"link_session_id":"ls-1","link_customization_name":"default","risk":{"score":0.12}}
}

// Credentials are redacted wherever a value is printed or logged, but not
// in its JSON.
func ExampleCreditSessionItemAddResult_String() {
	item := plaid.CreditSessionItemAddResult{PublicToken: plaid.Ptr("public-sandbox-5c224a01"), ItemID: plaid.Ptr("item-1")}
	fmt.Println(item)
	fmt.Printf("%#v\n", item)

	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	logger.Info("item added", "item", item)

	wire, _ := json.Marshal(item)
	fmt.Println(string(wire))
	// Output:
	// {"public_token":"REDACTED","item_id":"item-1"}
	// plaid.CreditSessionItemAddResult{PublicToken:plaid.Ptr("REDACTED"), ItemID:plaid.Ptr("item-1")}
	// {"level":"INFO","msg":"item added","item":{"public_token":"REDACTED","item_id":"item-1"}}
	// {"public_token":"public-sandbox-5c224a01","item_id":"item-1"}
}

// A SessionReader reads sessions one at a time from a response, an
// array or JSON Lines, as here. A bad session is an error for that session
// only, with its path, line and link_session_id, and reading goes on.
func ExampleSessionReader() {
	in := strings.NewReader(`{"link_session_id":"a"}
{"link_session_id":"b","session_start_time":"2022-13-01"}
{"request_id":"r","sessions":[{"link_session_id":"c"}]}
`)
	r := plaid.NewSessionReader(in)
	for s, err := range r.All() {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s, request_id %q\n", s.GetLinkSessionID(), r.RequestID())
	}
	// Output:
	// a, request_id ""
	// plaid: session_start_time: cannot parse "2022-13-01" as Date: month out of range; want YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.fraction] followed by Z or ±hh:mm (line 2, link_session_id "b")
	// c, request_id "r"
}
