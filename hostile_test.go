package plaid

import (
	"encoding/json"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nested returns depth arrays nested in one another around "1".
func nested(depth int) string {
	return strings.Repeat("[", depth) + "1" + strings.Repeat("]", depth)
}

func TestUnmarshalJSON_hostile(t *testing.T) {
	big := strings.Repeat("a", 10<<20)
	tests := []struct {
		name    string
		in      string
		wantErr string // within the error; empty if the input decodes
	}{
		{name: "10 MB known string", in: `{"request_id":"` + big + `"}`},
		{name: "10 MB unknown string", in: `{"request_id":"r","x":"` + big + `"}`},
		{name: "10 MB escaped string", in: `{"request_id":"` + strings.Repeat(`\n`, 5<<20) + `"}`},
		{name: "100,000 sessions", in: `{"request_id":"r","sessions":[{}` + strings.Repeat(`,{}`, 99_999) + `]}`},
		{name: "100,000 unknown elements", in: `{"request_id":"r","x":[0` + strings.Repeat(`,0`, 99_999) + `]}`},
		{name: "100,000 unknown members", in: `{"request_id":"r"` + manyMembers(100_000) + `}`},
		{name: "unknown member at depth 9,999", in: `{"request_id":"r","x":` + nested(9_999) + `}`},
		{name: "unknown member at depth 10,000", in: `{"request_id":"r","x":` + nested(10_000) + `}`, wantErr: "exceeded max depth"},
		{name: "unknown member at depth 1,000,000", in: `{"request_id":"r","x":` + nested(1_000_000) + `}`, wantErr: "exceeded max depth"},
		{name: "unclosed depth 1,000,000", in: `{"request_id":"r","x":` + strings.Repeat(`[{"a":`, 500_000), wantErr: "exceeded max depth"},
		{name: "invalid UTF-8", in: "{\"request_id\":\"\xff\xfe\"}", wantErr: "invalid UTF-8"},
		{name: "1e400 count", in: `{"request_id":"r","sessions":[{"results":{"payroll_income_results":[{"num_w2s_retrieved":1e400}]}}]}`, wantErr: "not an integer"},
		{name: "1e400 unknown", in: `{"request_id":"r","x":1e400}`},
		{name: "-0 count", in: `{"request_id":"r","sessions":[{"results":{"payroll_income_results":[{"num_w2s_retrieved":-0}]}}]}`},
		{name: "NaN count", in: `{"request_id":"r","sessions":[{"results":{"payroll_income_results":[{"num_w2s_retrieved":"NaN"}]}}]}`, wantErr: `cannot unmarshal string "NaN" into int`},
		{name: "NaN bare", in: `{"request_id":"r","x":NaN}`, wantErr: "invalid character 'N'"},
		{name: "NUL bytes", in: "{\"request_id\":\"r\"}\x00", wantErr: "after top-level value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.in)
			var r CreditSessionsGetResponse
			allocated := measureAlloc(func() {
				err := r.UnmarshalJSON(data)
				if tt.wantErr != "" {
					assert.ErrorContains(t, err, tt.wantErr)
					var fe *FieldError
					assert.True(t, errors.As(err, &fe), "got %T, want *FieldError", err)
					return
				}
				require.NoError(t, err)
			})
			// The worst case is an array of empty objects: three bytes of
			// input for each 56-byte CreditSession, twice over while the
			// slice doubles.
			assert.LessOrEqual(t, allocated, 64*uint64(len(data))+1<<20, "decoding %d bytes allocated %d", len(data), allocated)

			err := json.Unmarshal(data, &r)
			if tt.wantErr != "" {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			out, err := json.Marshal(r)
			require.NoError(t, err)
			var again CreditSessionsGetResponse
			require.NoError(t, json.Unmarshal(out, &again))
			assert.Equal(t, r, again, "the decoded value round-trips")
		})
	}
}

func manyMembers(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(`,"m`)
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`":0`)
	}
	return b.String()
}

// measureAlloc returns how many bytes f allocates.
func measureAlloc(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
