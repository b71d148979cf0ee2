package plaid

import (
	"bytes"
	"database/sql/driver"
	"encoding/gob"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDate_Value(t *testing.T) {
	tests := []struct {
		in   Date
		want driver.Value
	}{
		{in: Date{}, want: nil},
		{in: MustParseDate("2022-09-30"), want: "2022-09-30"},
		{in: MustParseDate("2022-09-30T23:40:30.946225Z"), want: "2022-09-30T23:40:30.946225Z"},
		{in: MustParseDate("2022-09-30T23:40:30.000+00:00"), want: "2022-09-30T23:40:30.000+00:00"},
	}
	for _, tt := range tests {
		got, err := tt.in.Value()
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "%#v.Value()", tt.in)
	}
	_, err := NewDate(10000, 1, 1).Value()
	assert.ErrorContains(t, err, "year outside 0000 to 9999")
}

func TestDate_Scan(t *testing.T) {
	tests := []struct {
		name string
		src  any
		want string // the text of the Date; "" for the zero Date
		err  string
	}{
		{name: "string", src: "2022-09-30T23:40:30.946225Z", want: "2022-09-30T23:40:30.946225Z"},
		{name: "bytes keep their text", src: []byte("2022-09-30T23:40:30.000+00:00"), want: "2022-09-30T23:40:30.000+00:00"},
		{name: "a date", src: "2022-09-30", want: "2022-09-30"},
		{name: "time with microseconds", src: time.Date(2022, 9, 30, 23, 40, 30, 946225000, time.UTC), want: "2022-09-30T23:40:30.946225Z"},
		{name: "time in an offset", src: time.Date(2022, 10, 3, 8, 15, 0, 0, time.FixedZone("", 2*3600)), want: "2022-10-03T08:15:00+02:00"},
		{name: "NULL", src: nil, want: ""},
		{name: "malformed", src: "2022-09-30 23:40:30Z", err: `plaid: cannot parse "2022-09-30 23:40:30Z" as Date: separate the date and the time with "T"`},
		{name: "another type", src: int64(1664581230), err: "plaid: cannot scan int64 into Date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := MustParseDate("1999-01-01")
			err := d.Scan(tt.src)
			if tt.err != "" {
				assert.ErrorContains(t, err, tt.err)
				assert.Equal(t, "1999-01-01", d.String(), "an error leaves the Date unchanged")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.String())
		})
	}
	src := []byte("2022-09-30")
	var d Date
	require.NoError(t, d.Scan(src))
	copy(src, "1999-12-31")
	assert.Equal(t, "2022-09-30", d.String(), "Scan keeps nothing of a driver's buffer")
}

func TestDate_MarshalBinary(t *testing.T) {
	for _, in := range []string{"", "2022-09-30", "2022-09-30T23:40:30.946225Z", "2022-10-06T00:00:00.123456789-05:00", "2022-09-30T23:40:30.000+00:00"} {
		d := parseOrZero(t, in)
		b, err := d.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, in, string(b))
		var back Date
		require.NoError(t, back.UnmarshalBinary(b))
		assert.Equal(t, d, back, "%q", in)

		var buf bytes.Buffer
		require.NoError(t, gob.NewEncoder(&buf).Encode(&d))
		var viaGob Date
		require.NoError(t, gob.NewDecoder(&buf).Decode(&viaGob))
		assert.Equal(t, d, viaGob, "gob of %q", in)
	}
}

// TestGob_zeroValues holds what gob alone would drop: pointers to "" and
// 0, empty slices, and empty Extra values.
func TestGob_zeroValues(t *testing.T) {
	in := CreditSessionsGetResponse{RequestID: "", Sessions: []CreditSession{{
		LinkSessionID: Ptr(""), SessionStartTime: Ptr(Date{}), Errors: []CreditSessionError{},
		Results: &CreditSessionResults{
			ItemAddResults:       []CreditSessionItemAddResult{},
			PayrollIncomeResults: []CreditSessionPayrollIncomeResult{{NumW2sRetrieved: Ptr(0), InstitutionID: Ptr("")}},
		},
	}}}
	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(in))
	var back CreditSessionsGetResponse
	require.NoError(t, gob.NewDecoder(&buf).Decode(&back))
	viaJSON := jsonRoundTrip(t, in)
	assert.Equal(t, viaJSON, back, "gob carries the value as JSON does")
	assert.Equal(t, Ptr(""), back.Sessions[0].LinkSessionID)
	assert.Equal(t, Ptr(0), back.Sessions[0].Results.PayrollIncomeResults[0].NumW2sRetrieved)
	assert.Equal(t, []CreditSessionItemAddResult{}, back.Sessions[0].Results.ItemAddResults)
}

func jsonRoundTrip(t *testing.T, v CreditSessionsGetResponse) CreditSessionsGetResponse {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	var back CreditSessionsGetResponse
	require.NoError(t, json.Unmarshal(data, &back))
	return back
}

func TestEnums_sqlValues(t *testing.T) {
	for _, v := range []any{CreditSessionBankIncomeStatusApproved, CreditSessionBankEmploymentStatusStarted, ErrorTypeItemError, CreditSessionBankIncomeStatus("NEW")} {
		got, err := driver.DefaultParameterConverter.ConvertValue(v)
		require.NoError(t, err)
		assert.IsType(t, "", got, "%T is sent as a string", v)
		assert.Equal(t, string(v.(interface{ String() string }).String()), got)
	}
}

// TestClone_letsGoOfTheInput decodes a response of about 50 MB, keeps
// only a Clone of one session, and measures the heap in use after a GC:
// the session itself would keep the whole input reachable.
func TestClone_letsGoOfTheInput(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes 50 MB; run without -short")
	}
	path := filepath.Join(t.TempDir(), "big.json")
	require.NoError(t, os.WriteFile(path, bigResponse(t), 0o600))
	kept := func() *CreditSession {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		var r CreditSessionsGetResponse
		require.NoError(t, r.UnmarshalJSON(data))
		return r.Sessions[len(r.Sessions)/2].Clone()
	}()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.Logf("heap in use %.1f MB, keeping session %s", float64(m.HeapInuse)/(1<<20), kept.GetLinkSessionID())
	assert.Less(t, m.HeapInuse, uint64(8<<20))
	assert.NotEmpty(t, kept.GetLinkSessionID())
	runtime.KeepAlive(kept)
}
