package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/creditsession/plaid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		stdin      io.Reader // nil: nothing piped
		wantStatus int
		wantOut    []string // each within standard output
		wantErr    []string // each within standard error
		notOut     []string // none within either
	}{
		{name: "example", wantStatus: 0,
			wantOut: []string{"No input given: running on the example response", "example: a /credit/sessions/get response with ", "request_id "},
			notOut:  []string{"public-sandbox"}},
		{name: "a character device runs the example", stdin: devNull(t), wantStatus: 0,
			wantOut: []string{"No input given"}},
		{name: "empty pipe", stdin: strings.NewReader(""), wantStatus: 1, wantErr: []string{"-: empty input"}},
		{name: "empty pipe, quiet", args: []string{"-q", "-validate"}, stdin: strings.NewReader(""), wantStatus: 1},
		{name: "no input, quiet", args: []string{"-q"}, wantStatus: 2, wantErr: []string{"-q needs input"}},
		{name: "no input, quiet, character device", args: []string{"-q"}, stdin: devNull(t), wantStatus: 2, wantErr: []string{"-q needs input"}},
		{name: "empty file", args: []string{"testdata/empty.json"}, wantStatus: 1, wantErr: []string{"testdata/empty.json: empty input"}},
		{name: "blank file", args: []string{"-validate", "testdata/blank.json"}, wantStatus: 1, wantErr: []string{"testdata/blank.json: empty input"}},
		{name: "error body", args: []string{"-validate", "testdata/error.json"}, wantStatus: 1,
			wantErr: []string{"testdata/error.json: plaid: ITEM_ERROR ITEM_LOGIN_REQUIRED: the login details of this item have changed (request_id Aim3b)"}},
		{name: "error body piped", stdin: strings.NewReader(`{"error_type":"INVALID_INPUT","error_code":"INVALID_API_KEYS","error_message":"invalid client_id or secret provided","display_message":null,"request_id":"abc"}`),
			wantStatus: 1, wantErr: []string{"-: plaid: INVALID_INPUT INVALID_API_KEYS: invalid client_id or secret provided (request_id abc)"}},
		{name: "empty object", args: []string{"-validate", "-"}, stdin: strings.NewReader(`{}`), wantStatus: 1,
			wantErr: []string{"-: an object with none of the members of a response, an error body, a request or a session; want a /credit/sessions/get response"}},
		{name: "other object", stdin: strings.NewReader(`{"foo": 1}`), wantStatus: 1, wantErr: []string{"-: an object with none of the members"}},
		{name: "a number", stdin: strings.NewReader(`42`), wantStatus: 1, wantErr: []string{"-: not an object or array; want a /credit/sessions/get response"}},
		{name: "request", args: []string{"testdata/request.json"}, wantStatus: 0,
			wantOut: []string{"testdata/request.json: a /credit/sessions/get request", `"secret":"REDACTED"`, "user-sandbox-1"}, notOut: []string{"s3cr3t"}},
		{name: "request validated", args: []string{"-validate", "testdata/request.json"}, wantStatus: 0,
			wantOut: []string{"testdata/request.json: valid"}, notOut: []string{"s3cr3t"}},
		{name: "request without user_token", args: []string{"-validate", "-"}, stdin: strings.NewReader(`{"secret":"s3cr3t","user_token":""}`), wantStatus: 1,
			wantOut: []string{"-: a /credit/sessions/get request"}, wantErr: []string{"-: plaid: user_token: must not be empty"}, notOut: []string{"s3cr3t"}},
		{name: "request as json", args: []string{"-json", "testdata/request.json"}, wantStatus: 0,
			wantOut: []string{`"secret": "s3cr3t-do-not-print"`}, wantErr: []string{"testdata/request.json: a /credit/sessions/get request"}},
		{name: "unknown values are warnings", args: []string{"-validate", "testdata/drift.json"}, wantStatus: 0,
			wantOut: []string{"testdata/drift.json: valid, with 1 warning"},
			wantErr: []string{`testdata/drift.json: warning: plaid: sessions[0].results.bank_income_results[0].status: unknown CreditSessionBankIncomeStatus "VERIFICATION_PENDING_REVIEW"`}},
		{name: "strict fails on unknown values and members", args: []string{"-strict", "testdata/drift.json"}, wantStatus: 1,
			wantErr: []string{`testdata/drift.json: plaid: sessions[0].results.bank_income_results[0].status: unknown CreditSessionBankIncomeStatus "VERIFICATION_PENDING_REVIEW"`,
				"testdata/drift.json: plaid: sessions[0].link_customization_name: unknown member",
				"testdata/drift.json: plaid: sessions[0].results.bank_income_results[0].confidence: unknown member"},
			wantOut: []string{"testdata/drift.json: a /credit/sessions/get response with 1 session"}, notOut: []string{"warning"}},
		{name: "strict on an array", args: []string{"-strict", "-"}, stdin: strings.NewReader(`[{}, {"link_session_id": "x", "new": 1}]`), wantStatus: 1,
			wantErr: []string{"-: plaid: [1].new: unknown member"}, wantOut: []string{"-: an array of sessions with 2 sessions"}},
		{name: "strict and valid", args: []string{"-strict", "testdata/session.json"}, wantStatus: 0, wantOut: []string{"testdata/session.json: valid"}},
		{name: "response", args: []string{"testdata/response.json"}, wantStatus: 0,
			wantOut: []string{"testdata/response.json: a /credit/sessions/get response with 3 sessions", "LINK SESSION ID", "EMPLOYER_NOT_LISTED", "3/1/0/0"},
			notOut:  []string{"No input given"}},
		{name: "single session", args: []string{"testdata/session.json"}, wantStatus: 0,
			wantOut: []string{"testdata/session.json: a single session with 1 session", "item-9 (ins_9)", "1 session, 1 Item added, 0 sessions with errors"},
			notOut:  []string{"public-sandbox"}},
		{name: "array of sessions", args: []string{"testdata/sessions.json"}, wantStatus: 0,
			wantOut: []string{"testdata/sessions.json: an array of sessions with 2 sessions", "3/1"}},
		{name: "piped stdin", stdin: strings.NewReader(`{"request_id":"piped"}`), wantStatus: 0,
			wantOut: []string{"-: a /credit/sessions/get response with 0 sessions", "request_id piped"}},
		{name: "dash reads stdin", args: []string{"-"}, stdin: strings.NewReader(`{"link_session_id":"x"}`), wantStatus: 0,
			wantOut: []string{"-: a single session with 1 session"}},
		{name: "json", args: []string{"-json", "testdata/session.json"}, wantStatus: 0,
			wantOut: []string{`"public_token": "public-sandbox-0000"`, `"link_session_id": "ls-single"`},
			wantErr: []string{"testdata/session.json: a single session with 1 session"}},
		{name: "validate valid", args: []string{"-validate", "testdata/response.json"}, wantStatus: 0,
			wantOut: []string{"testdata/response.json: valid"}},
		{name: "validate invalid", args: []string{"-validate", "testdata/invalid.json"}, wantStatus: 1,
			wantOut: []string{"testdata/invalid.json: a /credit/sessions/get response with 1 session", "PENDING"},
			wantErr: []string{
				`testdata/invalid.json: warning: plaid: sessions[0].results.bank_income_results[0].status: unknown CreditSessionBankIncomeStatus "PENDING"`,
				"testdata/invalid.json: plaid: sessions[0].results.payroll_income_results[0].num_w2s_retrieved: negative count -1",
				"testdata/invalid.json: plaid: request_id: must not be empty"}},
		{name: "validate array", args: []string{"-validate", "-"}, stdin: strings.NewReader(`[{}, {"results": {"document_income_results": {"num_paystubs_uploaded": -2, "num_w2s_uploaded": 0, "num_bank_statements_uploaded": 0, "num_1099s_uploaded": 0}}}]`),
			wantStatus: 1, wantOut: []string{"-: an array of sessions with 2 sessions"},
			wantErr: []string{"-: plaid: [1].results.document_income_results.num_paystubs_uploaded: negative count -2"}},
		{name: "malformed", args: []string{"testdata/malformed.json"}, wantStatus: 1,
			wantOut: []string{"testdata/malformed.json: a /credit/sessions/get response with 1 session", "1 session, 0 Items added"},
			wantErr: []string{`testdata/malformed.json: plaid: sessions[1].session_start_time: cannot parse "2022-09-30T24:00:00Z" as Date: hour out of range`}},
		{name: "syntax error has a path", stdin: strings.NewReader(`{"request_id":"r","sessions":[{"errors":[{"error_code":"X",}]}]}`), wantStatus: 1,
			wantOut: []string{"-: a /credit/sessions/get response with 0 sessions"},
			wantErr: []string{"-: plaid: sessions[0].errors[0]: invalid character '}' looking for beginning of object key string at offset 59"}},
		{name: "array with null", stdin: strings.NewReader(`[{}, null]`), wantStatus: 1, wantOut: []string{"-: an array of sessions with 1 session"},
			wantErr: []string{"-: plaid: [1]: cannot unmarshal null into CreditSession"}},
		{name: "broken array", stdin: strings.NewReader(`[{}, `), wantStatus: 1, wantOut: []string{"-: an array of sessions with 1 session"},
			wantErr: []string{"-: plaid: unexpected end of JSON input"}},
		{name: "not JSON", stdin: strings.NewReader("hello"), wantStatus: 1, wantOut: []string{"-: JSON with 0 sessions"},
			wantErr: []string{"-: plaid: invalid character 'h' looking for beginning of value at offset 0"}},
		{name: "other files go on", args: []string{"missing.json", "testdata/malformed.json", "testdata/session.json"}, wantStatus: 1,
			wantOut: []string{"testdata/session.json: a single session with 1 session"},
			wantErr: []string{"missing.json: open missing.json: no such file or directory", "testdata/malformed.json: plaid: sessions[1]"}},
		{name: "directory", args: []string{"testdata"}, wantStatus: 1, wantErr: []string{"testdata: read testdata: is a directory"}},
		{name: "quiet valid", args: []string{"-q", "testdata/response.json"}, wantStatus: 0},
		{name: "quiet invalid", args: []string{"-q", "-validate", "testdata/invalid.json"}, wantStatus: 1},
		{name: "quiet missing", args: []string{"-q", "missing.json"}, wantStatus: 1},
		{name: "JSON Lines, with a bad session", args: []string{"testdata/export.jsonl"}, wantStatus: 1,
			wantOut: []string{"testdata/export.jsonl: JSON Lines with 4 sessions", "ls-1", "ls-2", "ls-4", "ls-5", "item-4 (ins_4)", "1/2/3/4",
				"4 sessions, 1 Item added, 2 sessions with errors\n",
				"sessions by bank income status: APPROVED 1", "sessions by bank employment status: STARTED 1",
				"sessions by error code: INVALID_CREDENTIALS 2, INSTITUTION_DOWN 1"},
			wantErr: []string{`testdata/export.jsonl: plaid: sessions[0].session_start_time: cannot parse "not a date" as Date`, `(line 3, link_session_id "ls-3")`}},
		{name: "JSON Lines validated", args: []string{"-validate", "testdata/export.jsonl"}, wantStatus: 1, wantOut: []string{"JSON Lines with 4 sessions"},
			wantErr: []string{`testdata/export.jsonl: plaid: results.payroll_income_results[0].num_paystubs_retrieved: negative count -1 (link_session_id "ls-2")`}},
		{name: "summary only", args: []string{"-summary", "testdata/export.jsonl"}, wantStatus: 1,
			wantOut: []string{"4 sessions, 1 Item added", "sessions by error code: INVALID_CREDENTIALS 2, INSTITUTION_DOWN 1"}, notOut: []string{"LINK SESSION ID", "ls-1"},
			wantErr: []string{"(line 3, link_session_id \"ls-3\")"}},
		{name: "flags after the file", args: []string{"testdata/response.json", "-json"}, wantStatus: 0,
			wantOut: []string{`"link_session_id": "356dbb28-7f98-44d1-8e6d-e1f2a9b3c4d5"`}, wantErr: []string{"testdata/response.json: a /credit/sessions/get response with 3 sessions"}},
		{name: "a file called like a flag, after --", args: []string{"-q", "--", "-json"}, wantStatus: 1},
		{name: "byte-order mark", stdin: strings.NewReader("\ufeff{\"request_id\":\"bom\",\"sessions\":[{\"link_session_id\":\"ls-bom\"}]}"), wantStatus: 0,
			wantOut: []string{"-: a /credit/sessions/get response with 1 session", "ls-bom", "request_id bom"}},
		{name: "gzip", stdin: gzipped(t, `[{"link_session_id":"ls-gz"}]`), wantStatus: 0, wantOut: []string{"-: an array of sessions with 1 session", "ls-gz"}},
		{name: "broken gzip", stdin: strings.NewReader("\x1f\x8b\x08garbage"), wantStatus: 1, wantErr: []string{"-: "}},
		{name: "-json and -csv", args: []string{"-json", "-csv"}, wantStatus: 2, wantErr: []string{"exclude each other"}},
		{name: "help", args: []string{"-h"}, wantStatus: 0, wantOut: []string{"usage: creditsessions", "Examples:", "-validate", "bank_income_statuses", "go install"}},
		{name: "help, long", args: []string{"--help"}, wantStatus: 0, wantOut: []string{"usage: creditsessions"}},
		{name: "help after a file", args: []string{"testdata/response.json", "-h"}, wantStatus: 0, wantOut: []string{"usage: creditsessions"}},
		{name: "unknown flag", args: []string{"-x"}, wantStatus: 2, wantErr: []string{"flag provided but not defined: -x", "usage: creditsessions"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(tt.args, tt.stdin, &stdout, &stderr)
			assert.Equal(t, tt.wantStatus, status, "exit status; stderr: %s", stderr.String())
			for _, want := range tt.wantOut {
				assert.Contains(t, stdout.String(), want)
			}
			for _, want := range tt.wantErr {
				assert.Contains(t, stderr.String(), want)
			}
			for _, not := range tt.notOut {
				assert.NotContains(t, stdout.String()+stderr.String(), not)
			}
			if len(tt.wantOut) == 0 {
				assert.Empty(t, stdout.String(), "standard output")
			}
			if len(tt.wantErr) == 0 {
				assert.Empty(t, stderr.String(), "standard error")
			}
			assert.NotContains(t, stdout.String()+stderr.String(), "goroutine", "no stack trace")
		})
	}
}

// gzipped returns text, gzipped, as a reader.
func gzipped(t *testing.T, text string) io.Reader {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := zw.Write([]byte(text))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return &b
}

func TestRun_csv(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, 1, run([]string{"-csv", "testdata/export.jsonl", "testdata/session.json"}, nil, &stdout, &stderr))
	records, err := csv.NewReader(&stdout).ReadAll()
	require.NoError(t, err, "RFC 4180 CSV:\n%s", stdout.String())
	assert.Equal(t, [][]string{
		csvHeader,
		{"ls-1", "2022-10-01T10:00:00Z", "", "APPROVED", "", "", "", "", "", "", "", "INVALID_CREDENTIALS"},
		{"ls-2", "2022-10-02T10:00:00Z", "", "", "", "-1", "0", "", "", "", "", ""},
		{"ls-4", "2022-10-04", "item-4:ins_4", "", "STARTED", "", "", "", "", "", "", ""},
		{"ls-5", "", "", "", "", "", "", "1", "2", "3", "4", "INVALID_CREDENTIALS INSTITUTION_DOWN"},
		{"ls-single", "2022-09-30", "item-9:ins_9", "", "", "", "", "", "", "", "", ""},
	}, records, "one header, then a row per session in input order")
	assert.Contains(t, stderr.String(), `link_session_id "ls-3"`, "the bad session is reported")
	assert.Contains(t, stderr.String(), "testdata/export.jsonl: JSON Lines with 4 sessions", "notes go to standard error")
	assert.NotContains(t, stdout.String(), "public-sandbox")
}

// devNull returns /dev/null opened for reading: a character device, as a
// terminal is.
func devNull(t *testing.T) *os.File {
	f, err := os.Open(os.DevNull)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func TestRun_tableNewestFirst(t *testing.T) {
	var stdout bytes.Buffer
	require.Equal(t, 0, run([]string{"testdata/response.json"}, nil, &stdout, io.Discard))
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	require.Len(t, lines, 9, "a note, a header, three sessions and a summary of four lines:\n%s", stdout.String())
	assert.Equal(t, []string{"f1e2d3c4-b5a6-4789-90ab-cdef01234567", "0a1b2c3d-4e5f-4061-8273-948596a7b8c9", "356dbb28-7f98-44d1-8e6d-e1f2a9b3c4d5"},
		[]string{strings.Fields(lines[2])[0], strings.Fields(lines[3])[0], strings.Fields(lines[4])[0]})
	assert.Equal(t, strings.Index(lines[1], "STARTED"), strings.Index(lines[2], "2022-10-03"), "columns are aligned")
}

func TestRun_jsonIsLossless(t *testing.T) {
	var stdout bytes.Buffer
	require.Equal(t, 0, run([]string{"-json", "testdata/response.json"}, nil, &stdout, io.Discard))
	var got plaid.CreditSessionsGetResponse
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &got))
	want, err := os.ReadFile("testdata/response.json")
	require.NoError(t, err)
	var original plaid.CreditSessionsGetResponse
	require.NoError(t, json.Unmarshal(want, &original))
	assert.Equal(t, original, got)
}
