package plaid

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	minus5 := time.FixedZone("", -5*3600)
	tests := []struct {
		in       string
		hasTime  bool
		wantTime time.Time
	}{
		{in: "2022-09-30", wantTime: time.Date(2022, 9, 30, 0, 0, 0, 0, time.UTC)},
		{in: "0001-01-01", wantTime: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)},
		{in: "0000-01-01", wantTime: time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)},
		{in: "9999-12-31", wantTime: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)},
		{in: "2024-02-29", wantTime: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{in: "2000-02-29", wantTime: time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC)},
		{in: "2022-09-30T23:40:30Z", hasTime: true, wantTime: time.Date(2022, 9, 30, 23, 40, 30, 0, time.UTC)},
		{in: "2022-09-30T23:40:30.9Z", hasTime: true, wantTime: time.Date(2022, 9, 30, 23, 40, 30, 900000000, time.UTC)},
		{in: "2022-09-30T23:40:30.946Z", hasTime: true, wantTime: time.Date(2022, 9, 30, 23, 40, 30, 946000000, time.UTC)},
		{in: "2022-09-30T23:40:30.946225Z", hasTime: true, wantTime: time.Date(2022, 9, 30, 23, 40, 30, 946225000, time.UTC)},
		{in: "2022-09-30T23:40:30.946225001Z", hasTime: true, wantTime: time.Date(2022, 9, 30, 23, 40, 30, 946225001, time.UTC)},
		{in: "2022-09-30T23:40:30.000Z", hasTime: true, wantTime: time.Date(2022, 9, 30, 23, 40, 30, 0, time.UTC)},
		{in: "2022-09-30T23:40:30.100000000Z", hasTime: true, wantTime: time.Date(2022, 9, 30, 23, 40, 30, 100000000, time.UTC)},
		{in: "2022-09-30T23:40:30+00:00", hasTime: true, wantTime: time.Date(2022, 9, 30, 23, 40, 30, 0, time.UTC)},
		{in: "2022-09-30T23:40:30-00:00", hasTime: true, wantTime: time.Date(2022, 9, 30, 23, 40, 30, 0, time.UTC)},
		{in: "2022-09-30T18:40:30.5-05:00", hasTime: true, wantTime: time.Date(2022, 9, 30, 18, 40, 30, 500000000, minus5)},
		{in: "2022-10-01T05:10:30+05:30", hasTime: true, wantTime: time.Date(2022, 9, 30, 23, 40, 30, 0, time.UTC)},
		{in: "2022-12-31T23:59:59.999999999+23:59", hasTime: true, wantTime: time.Date(2022, 12, 31, 0, 0, 59, 999999999, time.UTC)},
		{in: "2022-01-01T00:00:00-23:59", hasTime: true, wantTime: time.Date(2022, 1, 1, 23, 59, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		require.NoError(t, err, "ParseDate(%q)", tt.in)
		assert.Equal(t, tt.in, d.String(), "ParseDate(%q).String()", tt.in)
		assert.Equal(t, tt.hasTime, d.HasTime(), "ParseDate(%q).HasTime()", tt.in)
		assert.True(t, d.Time().Equal(tt.wantTime), "ParseDate(%q).Time() = %v, want %v", tt.in, d.Time(), tt.wantTime)
		assert.False(t, d.IsZero(), "ParseDate(%q).IsZero()", tt.in)
		assert.True(t, d.IsValid(), "ParseDate(%q).IsValid()", tt.in)

		text, err := d.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tt.in, string(text), "ParseDate(%q).MarshalText()", tt.in)
		js, err := json.Marshal(d)
		require.NoError(t, err)
		assert.Equal(t, `"`+tt.in+`"`, string(js), "json.Marshal(ParseDate(%q))", tt.in)
		var back Date
		require.NoError(t, json.Unmarshal(js, &back))
		assert.Equal(t, d, back, "round trip of %q", tt.in)
		// The encoder of the types writes a date on a path of its own.
		session, err := CreditSession{SessionStartTime: &d}.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, `{"session_start_time":"`+tt.in+`"}`, string(session), "a session that started at %q", tt.in)
	}
}

func TestParseDate_errors(t *testing.T) {
	tests := []struct {
		in   string
		want string // within the message
	}{
		{in: "", want: "not a date"},
		{in: "2022-9-30", want: "not a date"},
		{in: "22-09-30", want: "not a date"},
		{in: "2022/09/30", want: "not a date"},
		{in: "+2022-09-30", want: "not a date"},
		{in: "２０２２-09-30", want: "not a date"},
		{in: "2022-00-10", want: "month out of range"},
		{in: "2022-13-01", want: "month out of range"},
		{in: "2022-01-00", want: "day out of range"},
		{in: "2022-01-32", want: "day out of range"},
		{in: "2023-02-29", want: "day out of range"},
		{in: "1900-02-29", want: "day out of range"},
		{in: "2022-04-31", want: "day out of range"},
		{in: "2022-09-30 ", want: "not a date-time"},
		{in: "2022-09-30T", want: "not a date-time"},
		{in: "2022-09-30t23:40:30Z", want: `separate the date and the time with "T", not 't'`},
		{in: "2022-09-30 23:40:30Z", want: `separate the date and the time with "T", not ' '`},
		{in: "2022-09-30 23:40:30", want: `separate the date and the time with "T", not ' '`},
		{in: "2022-09-30_23:40:30Z", want: "not a date-time"},
		{in: "2022-09-30T23:40Z", want: "not a date-time"},
		{in: "2022-09-30T24:00:00Z", want: "hour out of range"},
		{in: "2022-09-30T23:60:00Z", want: "minute out of range"},
		{in: "2022-09-30T23:59:60Z", want: "second out of range"},
		{in: "2022-09-30T23:40:30", want: "missing offset: add Z for UTC, or ±hh:mm, after the time"},
		{in: "2022-09-30T23:40:30.946225", want: "missing offset: add Z for UTC, or ±hh:mm, after the time"},
		{in: "2022-09-30T23:40:30z", want: "write the offset Z in upper case"},
		{in: "2022-09-30T23:40:30+0000", want: "write the offset with a colon, as +00:00"},
		{in: "2022-09-30T23:40:30-0530", want: "write the offset with a colon, as -05:30"},
		{in: "2022-09-30T23:40:30+01", want: "malformed offset, want Z or ±hh:mm"},
		{in: "2022-09-30T23:40:30+01:0a", want: "offset out of range"},
		{in: "2022-09-30T23:40:30+01a0", want: "malformed offset, want Z or ±hh:mm"},
		{in: "2022-09-30T23:40:30ZZ", want: "malformed offset, want Z or ±hh:mm"},
		{in: "2022-09-30T23:40:30+24:00", want: "offset out of range"},
		{in: "2022-09-30T23:40:30+01:60", want: "offset out of range"},
		{in: "2022-09-30T23:40:30.Z", want: "fraction must have 1 to 9 digits"},
		{in: "2022-09-30T23:40:30.1234567890Z", want: "fraction must have 1 to 9 digits"},
		{in: "2022-09-30T23:40:30,5Z", want: "malformed offset, want Z or ±hh:mm"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		require.Error(t, err, "ParseDate(%q) = %v, want error", tt.in, d)
		assert.Contains(t, err.Error(), tt.want, "ParseDate(%q)", tt.in)
		assert.Contains(t, err.Error(), "plaid: cannot parse "+quote(tt.in)+" as Date", "ParseDate(%q) quotes its input", tt.in)
		assert.Contains(t, err.Error(), dateForms, "ParseDate(%q) names the accepted forms", tt.in)
		var fe *FieldError
		require.True(t, errors.As(err, &fe), "ParseDate(%q) error is a *FieldError", tt.in)
		assert.Empty(t, fe.Path)
		assert.True(t, d.IsZero(), "ParseDate(%q) returns the zero Date with its error", tt.in)
	}
}

func TestMustParseDate(t *testing.T) {
	assert.Equal(t, "2022-09-30", MustParseDate("2022-09-30").String())
	assert.PanicsWithError(t, `plaid: cannot parse "2022-02-30" as Date: day out of range; want `+dateForms, func() {
		MustParseDate("2022-02-30")
	})
}

func TestNewDate(t *testing.T) {
	tests := []struct {
		year  int
		month time.Month
		day   int
		want  string
	}{
		{year: 2022, month: time.September, day: 30, want: "2022-09-30"},
		{year: 2022, month: time.October, day: 32, want: "2022-11-01"},
		{year: 2023, month: time.February, day: 29, want: "2023-03-01"},
		{year: 1, month: time.January, day: 1, want: "0001-01-01"},
	}
	for _, tt := range tests {
		d := NewDate(tt.year, tt.month, tt.day)
		assert.Equal(t, tt.want, d.String(), "NewDate(%d, %v, %d)", tt.year, tt.month, tt.day)
		assert.False(t, d.HasTime())
		assert.Equal(t, MustParseDate(tt.want), d, "NewDate(%d, %v, %d) == ParseDate(%q)", tt.year, tt.month, tt.day, tt.want)
	}
}

func TestNewDateTime(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{in: time.Date(2022, 9, 30, 23, 40, 30, 946225000, time.UTC), want: "2022-09-30T23:40:30.946225Z"},
		{in: time.Date(2022, 9, 30, 23, 40, 30, 0, time.UTC), want: "2022-09-30T23:40:30Z"},
		{in: time.Date(2022, 9, 30, 23, 40, 30, 500000000, time.UTC), want: "2022-09-30T23:40:30.5Z"},
		{in: time.Date(2022, 9, 30, 23, 40, 30, 1, time.UTC), want: "2022-09-30T23:40:30.000000001Z"},
		{in: time.Date(2022, 9, 30, 23, 40, 30, 0, time.FixedZone("", 0)), want: "2022-09-30T23:40:30Z"},
		{in: time.Date(2022, 9, 30, 18, 40, 30, 0, time.FixedZone("EST", -5*3600)), want: "2022-09-30T18:40:30-05:00"},
		{in: time.Date(2022, 10, 1, 5, 10, 30, 0, time.FixedZone("IST", 5*3600+1800)), want: "2022-10-01T05:10:30+05:30"},
		{in: time.Date(1850, 1, 1, 0, 0, 0, 0, time.FixedZone("LMT", -17762)), want: "1850-01-01T04:56:02Z"},
	}
	for _, tt := range tests {
		d := NewDateTime(tt.in)
		assert.Equal(t, tt.want, d.String(), "NewDateTime(%v)", tt.in)
		assert.True(t, d.HasTime())
		assert.True(t, d.Time().Equal(tt.in), "NewDateTime(%v).Time() = %v", tt.in, d.Time())
		assert.Equal(t, MustParseDate(tt.want), d, "NewDateTime(%v) == ParseDate(%q)", tt.in, tt.want)
	}
}

func TestDate_zero(t *testing.T) {
	var d Date
	assert.True(t, d.IsZero())
	assert.False(t, d.IsValid())
	assert.False(t, d.HasTime())
	assert.Equal(t, "", d.String())
	assert.True(t, d.Time().IsZero())
	assert.Equal(t, "plaid.Date{}", d.GoString())

	js, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, "null", string(js))
	_, err = d.MarshalText()
	assert.EqualError(t, err, "plaid: cannot marshal the zero Date")

	assert.False(t, MustParseDate("0001-01-01").IsZero(), "a parsed 0001-01-01 is not zero")
}

func TestDate_UnmarshalJSON(t *testing.T) {
	tests := []struct {
		in      string
		want    string // String of the result; the Date starts as 2000-01-01
		wantErr string
	}{
		{in: `"2022-09-30"`, want: "2022-09-30"},
		{in: ` "2022-09-30T23:40:30.946225Z" `, want: "2022-09-30T23:40:30.946225Z"},
		{in: `"2022\u002d09-30"`, want: "2022-09-30"},
		{in: `null`, want: "2000-01-01"},
		{in: `""`, wantErr: `plaid: cannot parse "" as Date: not a date`},
		{in: `"2023-02-29"`, wantErr: `plaid: cannot parse "2023-02-29" as Date: day out of range`},
		{in: `20220930`, wantErr: `plaid: cannot unmarshal number 20220930 into Date`},
		{in: `{"date":"2022-09-30"}`, wantErr: `plaid: cannot unmarshal object "{\"date\":\"2022-09-30\"}" into Date`},
		{in: `"2022-09-30" x`, wantErr: `plaid: invalid character 'x' after top-level value at offset 13`},
		{in: `"2022-09-30`, wantErr: `plaid: unexpected end of JSON input`},
	}
	for _, tt := range tests {
		d := MustParseDate("2000-01-01")
		err := d.UnmarshalJSON([]byte(tt.in))
		if tt.wantErr != "" {
			require.Error(t, err, "UnmarshalJSON(%s)", tt.in)
			assert.Contains(t, err.Error(), tt.wantErr, "UnmarshalJSON(%s)", tt.in)
			assert.Equal(t, "2000-01-01", d.String(), "UnmarshalJSON(%s) left the Date unchanged", tt.in)
			continue
		}
		require.NoError(t, err, "UnmarshalJSON(%s)", tt.in)
		assert.Equal(t, tt.want, d.String(), "UnmarshalJSON(%s)", tt.in)
	}
}

func TestDate_UnmarshalText(t *testing.T) {
	var d Date
	require.NoError(t, d.UnmarshalText([]byte("2022-09-30T23:40:30.946225Z")))
	assert.Equal(t, "2022-09-30T23:40:30.946225Z", d.String())
	assert.Error(t, d.UnmarshalText([]byte("")))
	assert.Equal(t, "2022-09-30T23:40:30.946225Z", d.String(), "a failed UnmarshalText leaves the Date unchanged")
}

func TestDate_outOfRange(t *testing.T) {
	d := NewDate(10000, time.January, 1)
	assert.False(t, d.IsValid())
	assert.Equal(t, "10000-01-01", d.String())
	_, err := d.MarshalText()
	assert.EqualError(t, err, "plaid: cannot marshal Date: year outside 0000 to 9999")
	_, err = json.Marshal(d)
	assert.ErrorContains(t, err, "year outside 0000 to 9999")
	assert.Equal(t, "-0001-12-31", NewDate(0, time.January, 0).String())
	assert.Equal(t, "123456-07-08", NewDate(123456, time.July, 8).String())
	assert.Equal(t, "-12345-07-08", NewDate(-12345, time.July, 8).String())
	_, err = CreditSession{SessionStartTime: &d}.MarshalJSON()
	assert.EqualError(t, err, "plaid: session_start_time: cannot marshal Date: year outside 0000 to 9999")
}

func TestDate_Compare(t *testing.T) {
	tests := []struct {
		a, b string // "" is the zero Date
		want int
	}{
		{a: "2022-09-30", b: "2022-09-30", want: 0},
		{a: "2022-09-29", b: "2022-09-30", want: -1},
		{a: "2022-10-01", b: "2022-09-30", want: 1},
		{a: "2022-09-30", b: "2022-09-30T00:00:00Z", want: 0},
		{a: "2022-09-30", b: "2022-09-30T00:00:00.000000001Z", want: -1},
		{a: "2022-09-30T23:40:30.946225Z", b: "2022-09-30T23:40:30.946225000Z", want: 0},
		{a: "2022-09-30T23:40:30.946225Z", b: "2022-09-30T23:40:30.946226Z", want: -1},
		{a: "2022-10-01T05:10:30+05:30", b: "2022-09-30T23:40:30Z", want: 0},
		{a: "2022-09-30T23:40:30-00:01", b: "2022-09-30T23:40:30Z", want: 1},
		{a: "2022-09-30T19:00:00-05:00", b: "2022-10-01T00:00:00+01:00", want: 1},
		{a: "", b: "", want: 0},
		{a: "", b: "0001-01-01", want: -1},
		{a: "0000-01-01", b: "", want: 1},
	}
	for _, tt := range tests {
		a, b := parseOrZero(t, tt.a), parseOrZero(t, tt.b)
		assert.Equal(t, tt.want, a.Compare(b), "ParseDate(%q).Compare(%q)", tt.a, tt.b)
		assert.Equal(t, -tt.want, b.Compare(a), "ParseDate(%q).Compare(%q)", tt.b, tt.a)
		assert.Equal(t, tt.want < 0, a.Before(b), "ParseDate(%q).Before(%q)", tt.a, tt.b)
		assert.Equal(t, tt.want > 0, a.After(b), "ParseDate(%q).After(%q)", tt.a, tt.b)
		if tt.a != "" && tt.b != "" {
			assert.Equal(t, tt.want, a.Time().Compare(b.Time()), "Compare agrees with time.Time.Compare for %q and %q", tt.a, tt.b)
		}
	}
}

func TestDate_Compare_sort(t *testing.T) {
	in := []string{"2022-10-02", "2022-10-01T23:00:00-05:00", "", "2022-10-01T12:00:00Z", "2022-09-30"}
	dates := make([]Date, len(in))
	for i, s := range in {
		dates[i] = parseOrZero(t, s)
	}
	slices.SortFunc(dates, Date.Compare)
	got := make([]string, len(dates))
	for i, d := range dates {
		got[i] = d.String()
	}
	assert.Equal(t, []string{"", "2022-09-30", "2022-10-01T12:00:00Z", "2022-10-02", "2022-10-01T23:00:00-05:00"}, got)
}

func TestDate_Equal(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{a: "2022-09-30", b: "2022-09-30", want: true},
		{a: "2022-09-30", b: "2022-10-01", want: false},
		{a: "2022-09-30", b: "2022-09-30T00:00:00Z", want: false},
		{a: "2022-09-30T23:40:30Z", b: "2022-09-30T23:40:30.000Z", want: true},
		{a: "2022-09-30T23:40:30Z", b: "2022-09-30T23:40:30+00:00", want: true},
		{a: "2022-10-01T05:10:30+05:30", b: "2022-09-30T23:40:30Z", want: true},
		{a: "2022-09-30T23:40:30Z", b: "2022-09-30T23:40:31Z", want: false},
		{a: "", b: "", want: true},
		{a: "", b: "0001-01-01", want: false},
	}
	for _, tt := range tests {
		a, b := parseOrZero(t, tt.a), parseOrZero(t, tt.b)
		assert.Equal(t, tt.want, a.Equal(b), "ParseDate(%q).Equal(%q)", tt.a, tt.b)
		assert.Equal(t, tt.want, b.Equal(a), "ParseDate(%q).Equal(%q)", tt.b, tt.a)
	}
}

func TestDate_allocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	text := []byte("2022-09-30T23:40:30.946225Z")
	js := []byte(`"2022-09-30T23:40:30.946225Z"`)
	var d Date
	tests := []struct {
		name string
		f    func()
	}{
		{name: "ParseDate", f: func() { d, _ = ParseDate("2022-09-30T23:40:30.946225+05:30") }},
		{name: "UnmarshalText", f: func() { _ = d.UnmarshalText(text) }},
		{name: "UnmarshalJSON", f: func() { _ = d.UnmarshalJSON(js) }},
		{name: "AppendText", f: func() { buf, _ = d.AppendText(buf[:0]) }},
		{name: "Compare", f: func() { _ = d.Compare(d) }},
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(100, tt.f); got != 0 {
			t.Errorf("%s: %v allocations per run, want 0", tt.name, got)
		}
	}
}

func parseOrZero(t *testing.T, s string) Date {
	t.Helper()
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	require.NoError(t, err)
	return d
}
