//go:build go1.27 && goexperiment.jsonv2

package plaid

import (
	"bytes"
	"encoding/json"
	"encoding/json/jsontext"
	jsonv2 "encoding/json/v2"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMarshalJSONTo checks that every type with a schema, and Date,
// implements MarshalerTo, which encoding/json calls in place of
// MarshalJSON, and that it writes to an Encoder what the Encoder writes of
// the bytes of MarshalJSON: with encoding/json/v2's options, and with
// those that json.Marshal sets.
func TestMarshalJSONTo(t *testing.T) {
	values := fullValues()
	values["Date"] = MustParseDate("2022-09-30T23:40:30.946225Z")
	values["zero Date"] = Date{}
	values["Error with <, > and &"] = Error{ErrorType: ErrorTypeAPIError, ErrorCode: "a<b", ErrorMessage: "x > y & z"}
	for name, v := range values {
		t.Run(name, func(t *testing.T) {
			to, ok := v.(jsonv2.MarshalerTo)
			require.True(t, ok, "%T implements MarshalerTo", v)
			direct, err := v.(json.Marshaler).MarshalJSON()
			require.NoError(t, err)
			for _, opts := range []jsonv2.Options{jsonv2.DefaultOptionsV2(), json.DefaultOptionsV1()} {
				var want, got bytes.Buffer
				require.NoError(t, jsontext.NewEncoder(&want, opts).WriteValue(direct))
				require.NoError(t, to.MarshalJSONTo(jsontext.NewEncoder(&got, opts)))
				assert.Equal(t, want.String(), got.String())
			}
			viaMarshal, err := json.Marshal(v)
			require.NoError(t, err)
			assert.Equal(t, string(direct), string(viaMarshal), "json.Marshal")
		})
	}
}

// TestMarshalJSONTo_errors checks that MarshalJSONTo reports what
// MarshalJSON does, with its path, and writes nothing then.
func TestMarshalJSONTo_errors(t *testing.T) {
	bad := map[string]json.RawMessage{"bad": json.RawMessage(`{"a":}`)}
	tests := []struct {
		name string
		v    any
	}{
		{"invalid unknown member", CreditSessionResults{ItemAddResults: []CreditSessionItemAddResult{{Extra: bad}}}},
		{"known name in Extra", CreditSessionsGetResponse{Extra: map[string]json.RawMessage{"request_id": json.RawMessage(`"r"`)}}},
		{"date out of range", CreditSession{SessionStartTime: Ptr(NewDate(10000, time.January, 1))}},
		{"Date out of range", NewDate(10000, time.January, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, want := tt.v.(json.Marshaler).MarshalJSON()
			require.Error(t, want)
			var buf bytes.Buffer
			enc := jsontext.NewEncoder(&buf)
			err := tt.v.(jsonv2.MarshalerTo).MarshalJSONTo(enc)
			assert.Equal(t, want, err)
			assert.Zero(t, enc.OutputOffset(), "nothing written")
			_, err = json.Marshal(tt.v)
			var fe *FieldError
			require.ErrorAs(t, err, &fe, "json.Marshal")
			assert.Equal(t, want.Error(), fe.Error(), "json.Marshal")
		})
	}
}

// TestMarshalJSONTo_notAValue checks that MarshalJSONTo reports the
// encoder's error where the encoder takes no value, here an object's name,
// and that a buffer it used then is used again as well as before.
func TestMarshalJSONTo_notAValue(t *testing.T) {
	r := CreditSessionsGetResponse{RequestID: "r"}
	enc := jsontext.NewEncoder(new(bytes.Buffer))
	require.NoError(t, enc.WriteToken(jsontext.BeginObject))
	err := r.MarshalJSONTo(enc)
	var serr *jsontext.SyntacticError
	assert.ErrorAs(t, err, &serr)
	got, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, `{"request_id":"r"}`, string(got))
}

// TestMarshalJSONTo_allocs checks that MarshalJSONTo allocates only the
// copy of its value receiver, however many unknown members the value
// holds, since it encodes into a buffer that it reuses; Date's allocates
// nothing.
func TestMarshalJSONTo_allocs(t *testing.T) {
	for _, sessions := range []int{1, 2, 100} {
		var r CreditSessionsGetResponse
		require.NoError(t, r.UnmarshalJSON(benchResponse(sessions)))
		var buf bytes.Buffer
		enc := jsontext.NewEncoder(&buf)
		write := func() {
			buf.Reset()
			enc.Reset(&buf)
			require.NoError(t, r.MarshalJSONTo(enc))
		}
		write()
		allowed := 1.0
		if raceEnabled {
			allowed++ // the pool may drop the buffer: see raceEnabled
		}
		allocs := testing.AllocsPerRun(50, write)
		assert.LessOrEqual(t, allocs, allowed, "MarshalJSONTo of %d sessions: %v allocations", sessions, allocs)
	}
	// A Date is written from an array on the stack.
	d := MustParseDate("2022-09-30T23:40:30.946225Z")
	var buf bytes.Buffer
	enc := jsontext.NewEncoder(&buf)
	allocs := testing.AllocsPerRun(50, func() {
		buf.Reset()
		enc.Reset(&buf)
		require.NoError(t, d.MarshalJSONTo(enc))
	})
	assert.Zero(t, allocs, "Date.MarshalJSONTo")
}

// TestMarshalJSONTo_concurrent encodes values of different sizes at once,
// each many times, which the race detector checks the shared buffers of.
func TestMarshalJSONTo_concurrent(t *testing.T) {
	var wg sync.WaitGroup
	for _, sessions := range []int{1, 3, 40, 200} {
		var r CreditSessionsGetResponse
		require.NoError(t, r.UnmarshalJSON(benchResponse(sessions)))
		want, err := r.MarshalJSON()
		require.NoError(t, err)
		wg.Go(func() {
			for range 20 {
				got, err := json.Marshal(r)
				if err != nil || !bytes.Equal(got, want) {
					assert.Fail(t, "json.Marshal", "%d sessions: %v", sessions, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestKeepScratch(t *testing.T) {
	tests := []struct {
		cap, len int
		want     bool
	}{
		{0, 0, true},
		{maxKeptScratch, 0, true},
		{maxKeptScratch + 1, 0, false},
		{maxKeptScratch + 4, maxKeptScratch/4 + 1, true},
		{1 << 20, 1 << 18, true},
		{1 << 20, 1<<18 - 1, false},
		{1 << 20, 1 << 20, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d of %d", tt.len, tt.cap), func(t *testing.T) {
			assert.Equal(t, tt.want, keepScratch(tt.cap, tt.len))
		})
	}
}
