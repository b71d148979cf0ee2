package plaid

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAll reads every session and problem from r, as one line each: the
// link_session_id of a session, or "error: " and the message. It stops at
// io.EOF, or after an error that ends the stream, which it checks Read
// returns again.
func readAll(t *testing.T, r *SessionReader) []string {
	t.Helper()
	var got []string
	for range 10000 {
		s, err := r.Read()
		switch {
		case err == io.EOF:
			_, again := r.Read()
			assert.Equal(t, io.EOF, again, "io.EOF is returned again")
			return got
		case err != nil:
			got = append(got, "error: "+err.Error())
			if r.err != nil {
				_, again := r.Read()
				assert.Same(t, err, again, "an error that ends the stream is returned again")
				return got
			}
		default:
			got = append(got, s.GetLinkSessionID())
		}
	}
	t.Fatal("Read never ended")
	return nil
}

// readers returns the ways the tests feed the reader its input: whole,
// a byte at a time, and in pieces of 7 bytes, so that every value is
// split at the end of a buffer somewhere.
func readers(data string) map[string]io.Reader {
	return map[string]io.Reader{
		"whole":          strings.NewReader(data),
		"byte at a time": iotest.OneByteReader(strings.NewReader(data)),
		"7 bytes":        &chunkReader{data: []byte(data), n: 7},
	}
}

// chunkReader returns data n bytes at a time, and io.EOF with the last.
type chunkReader struct {
	data []byte
	n    int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	n := copy(p, c.data[:min(c.n, len(c.data))])
	c.data = c.data[n:]
	if len(c.data) == 0 {
		return n, io.EOF
	}
	return n, nil
}

const dateProblem = `cannot parse "x" as Date: not a date; want ` + dateForms

func TestSessionReader(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      []string
		requestID string // after the last Read
	}{
		{name: "response", in: `{"sessions":[{"link_session_id":"a"},{"link_session_id":"b"}],"request_id":"r1"}`,
			want: []string{"a", "b"}, requestID: "r1"},
		{name: "request_id first", in: `{"request_id":"r1","sessions":[{"link_session_id":"a"}]}`, want: []string{"a"}, requestID: "r1"},
		{name: "array", in: ` [ {"link_session_id":"a"} , {"link_session_id":"b"} ] `, want: []string{"a", "b"}},
		{name: "one session", in: `{"link_session_id":"a","results":{"item_add_results":[]}}`, want: []string{"a"}},
		{name: "JSON Lines of every shape, white space between",
			in:   "{\"link_session_id\":\"l1\"}\n\n  {\"request_id\":\"r2\",\"sessions\":[{\"link_session_id\":\"l2\"}]}\r\n[{\"link_session_id\":\"l3\"}, {\"link_session_id\":\"l4\"}]\n\t{\"sessions\":[{\"link_session_id\":\"l5\"}],\"request_id\":\"r5\"}\n",
			want: []string{"l1", "l2", "l3", "l4", "l5"}, requestID: "r5"},
		{name: "bad session first", in: `{"sessions":[{"link_session_id":"a","session_start_time":"x"},{"link_session_id":"b"}],"request_id":"r"}`,
			want: []string{`error: plaid: sessions[0].session_start_time: ` + dateProblem + ` (line 1, link_session_id "a")`, "b"}, requestID: "r"},
		{name: "bad session in the middle", in: "[\n{\"link_session_id\":\"a\"},\n{\"link_session_id\":\"b\",\"errors\":[{\"error_code\":7}]},\n{\"link_session_id\":\"c\"}\n]",
			want: []string{"a", `error: plaid: [1].errors[0].error_code: cannot unmarshal number 7 into string (line 3, link_session_id "b")`, "c"}},
		{name: "bad session last, before its link_session_id", in: `{"request_id":"r","sessions":[{"link_session_id":"a"},{"session_start_time":"x","link_session_id":"b"}]}`,
			want: []string{"a", `error: plaid: sessions[1].session_start_time: ` + dateProblem + ` (line 1)`}, requestID: "r"},
		{name: "bad sessions in JSON Lines", in: "{\"link_session_id\":\"a\",\"results\":3}\n{\"link_session_id\":\"b\"}\n[{\"x\":1,\"x\":2}]\n",
			want: []string{`error: plaid: results: cannot unmarshal number 3 into CreditSessionResults (line 1, link_session_id "a")`, "b",
				`error: plaid: [0].x: duplicate member name (line 3)`}},
		{name: "null element", in: `[{"link_session_id":"a"},null,{"link_session_id":"c"}]`,
			want: []string{"a", "error: plaid: [1]: cannot unmarshal null into CreditSession (line 1)", "c"}},
		{name: "not an object", in: "{\"link_session_id\":\"a\"}\n42\n{\"link_session_id\":\"c\"}",
			want: []string{"a", "error: plaid: cannot unmarshal number 42 into CreditSession (line 2)", "c"}},
		{name: "sessions empty", in: `{"sessions":[],"request_id":"r"}`, requestID: "r"},
		{name: "sessions absent", in: `{"request_id":"r"}`, requestID: "r"},
		{name: "sessions null", in: `{"request_id":"r","sessions":null}`, requestID: "r"},
		{name: "sessions not an array", in: `{"request_id":"r","sessions":{"link_session_id":"a"}}`, requestID: "r",
			want: []string{`error: plaid: sessions: cannot unmarshal object "{\"link_session_id\":\"a\"}" into []CreditSession (line 1)`}},
		{name: "sessions twice", in: `{"request_id":"r","sessions":[{"link_session_id":"a"}],"sessions":[]}`, requestID: "r",
			want: []string{"a", "error: plaid: sessions: duplicate member name (line 1)"}},
		{name: "the rest of the response is checked", in: "{\"sessions\":[{\"link_session_id\":\"a\"}],\"x\":1,\"x\":2}\n{\"link_session_id\":\"b\"}",
			want: []string{"a", "error: plaid: x: duplicate member name (line 1)", "b"}},
		{name: "no request_id", in: `{"sessions":[{"link_session_id":"a"}]}`,
			want: []string{"a", "error: plaid: request_id: missing required member (line 1)"}},
		{name: "null, as UnmarshalJSON takes it, holds nothing", in: "null\n{\"link_session_id\":\"a\"}\nnull", want: []string{"a"}},
		{name: "empty input"},
		{name: "white space only", in: " \n\t\r\n "},
		{name: "error body", in: "{\"link_session_id\":\"a\"}\n{\"error_type\":\"API_ERROR\",\"error_code\":\"INTERNAL_SERVER_ERROR\",\"error_message\":\"m\",\"request_id\":\"q\"}\n{\"link_session_id\":\"c\"}",
			want: []string{"a", "error: plaid: API_ERROR INTERNAL_SERVER_ERROR: m (request_id q)"}, requestID: "q"},
		{name: "malformed error body", in: "{\"error_type\":\"API_ERROR\",\"error_code\":5,\"error_message\":\"m\"}\n{\"link_session_id\":\"c\"}",
			want: []string{"error: plaid: error_code: cannot unmarshal number 5 into string (line 1)", "c"}},
		{name: "broken syntax in a session", in: `{"sessions":[{"link_session_id":"a"},{"link_session_id":"b",}],"request_id":"r"}`,
			want: []string{"a", `error: plaid: sessions[1]: invalid character '}' looking for beginning of object key string at offset 60 (line 1, link_session_id "b")`}},
		{name: "broken syntax between sessions", in: `[{"link_session_id":"a"} {"link_session_id":"b"}]`,
			want: []string{"a", `error: plaid: invalid character '{' after array element at offset 25 (line 1)`}},
		{name: "cut short", in: `{"sessions":[{"link_session_id":"a"},{"link_session_id":"b"`,
			want: []string{"a", `error: plaid: sessions[1]: unexpected end of JSON input (line 1, link_session_id "b")`}},
		{name: "cut short between sessions", in: `[{"link_session_id":"a"},`,
			want: []string{"a", `error: plaid: unexpected end of JSON input (line 1)`}},
		{name: "not JSON", in: `hello`, want: []string{`error: plaid: invalid character 'h' looking for beginning of value at offset 0 (line 1)`}},
	}
	for _, tt := range tests {
		for how, in := range readers(tt.in) {
			t.Run(tt.name+"/"+how, func(t *testing.T) {
				r := NewSessionReader(in)
				assert.Equal(t, tt.want, readAll(t, r))
				assert.Equal(t, tt.requestID, r.RequestID())
			})
		}
	}
}

func TestSessionReader_errors(t *testing.T) {
	r := NewSessionReader(strings.NewReader(`{"sessions":[{"link_session_id":"a","session_start_time":"x"},{"results":{"bank_income_results":[{"status":7}]}}],"request_id":"r"}`))
	_, err := r.Read()
	var fe *FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "sessions[0].session_start_time", fe.Path)
	var dateErr *FieldError
	require.True(t, errors.As(fe.Err, &dateErr) || fe.Err != nil)
	_, err = r.Read()
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "sessions[1].results.bank_income_results[0].status", fe.Path)

	body := `{"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED","error_message":"m"}`
	_, err = NewSessionReader(strings.NewReader(body)).Read()
	var perr *Error
	require.True(t, errors.As(err, &perr), "an error body is a *plaid.Error: %v", err)
	assert.Equal(t, "ITEM_LOGIN_REQUIRED", perr.ErrorCode)

	_, err = NewSessionReader(strings.NewReader(`{"sessions":[{"request_id":"r","request_id":"s"}]}`)).Read()
	assert.ErrorIs(t, err, ErrDuplicateMember)

	failing := errors.New("disk on fire")
	r = NewSessionReader(iotest.DataErrReader(io.MultiReader(strings.NewReader(`[{"link_session_id":"a"},{"link_se`), iotest.ErrReader(failing))))
	assert.Equal(t, []string{"a", "error: disk on fire"}, readAll(t, r))
}

func TestSessionReader_All(t *testing.T) {
	in := `[{"link_session_id":"a"},{"link_session_id":1},{"link_session_id":"c"},{`
	var got []string
	for s, err := range NewSessionReader(strings.NewReader(in)).All() {
		if err != nil {
			got = append(got, "error")
			continue // a loop that skips errors still ends
		}
		got = append(got, s.GetLinkSessionID())
	}
	assert.Equal(t, []string{"a", "error", "c", "error"}, got)

	got = got[:0]
	for s := range NewSessionReader(strings.NewReader(in)).All() {
		got = append(got, s.GetLinkSessionID())
		break
	}
	assert.Equal(t, []string{"a"}, got, "All stops when the loop does")
}

// TestSessionReader_sameAsUnmarshalJSON reads the golden responses both
// ways, in pieces that split every value somewhere.
func TestSessionReader_sameAsUnmarshalJSON(t *testing.T) {
	for path, data := range goldenInputs(t) {
		var want CreditSessionsGetResponse
		if !strings.Contains(path, "response") || want.UnmarshalJSON(data) != nil {
			continue
		}
		for how, in := range readers(string(data)) {
			t.Run(path+"/"+how, func(t *testing.T) {
				r := NewSessionReader(in)
				var got []CreditSession
				for s, err := range r.All() {
					require.NoError(t, err)
					got = append(got, s)
				}
				assert.Equal(t, want.Sessions, got)
				assert.Equal(t, want.RequestID, r.RequestID())
			})
		}
	}
}

// TestSessionReader_memory reads a response of about 50 MB from a file,
// keeping nothing, and measures the heap in use, which a reader that held
// the input would fill.
func TestSessionReader_memory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 50 MB; run without -short")
	}
	path := filepath.Join(t.TempDir(), "big.json")
	require.NoError(t, os.WriteFile(path, bigResponse(t), 0o600))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()

	r := NewSessionReader(f)
	sessions, peak := 0, uint64(0)
	for _, err := range r.All() {
		require.NoError(t, err)
		if sessions++; sessions%4000 == 0 {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
		}
	}
	require.Equal(t, bigSessions, sessions)
	t.Logf("heap in use at most %.1f MB", float64(peak)/(1<<20))
	assert.Less(t, peak, uint64(16<<20), "heap in use while reading 50 MB")
}

// bigSessions is how many sessions bigResponse holds.
const bigSessions = 44000

// bigResponse returns a response of 44,000 sessions, about 50 MB.
func bigResponse(t testing.TB) []byte {
	t.Helper()
	data := benchResponse(bigSessions)
	require.Greater(t, len(data), 48<<20)
	return data
}
