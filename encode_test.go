package plaid

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMarshalJSON_allocs checks that MarshalJSON allocates its result and
// at most one more (the copy of its value receiver), however many unknown
// members a value holds, at any depth.
func TestMarshalJSON_allocs(t *testing.T) {
	for _, n := range []int{0, 1, 8, 9, 40} {
		extra := map[string]json.RawMessage{}
		for i := range n {
			extra[fmt.Sprintf("new_%02d", (i*7)%n)] = json.RawMessage(`{"since": "2027", "list": [1, 2]}`)
		}
		s := CreditSession{LinkSessionID: Ptr("ls-1"), Extra: extra, Results: &CreditSessionResults{
			Extra: extra, ItemAddResults: []CreditSessionItemAddResult{{ItemID: Ptr("i"), Extra: extra}}}}
		r := CreditSessionsGetResponse{RequestID: "r", Sessions: []CreditSession{s, s}, Extra: extra}
		out, err := r.MarshalJSON()
		require.NoError(t, err)
		allocs := testing.AllocsPerRun(50, func() { _, _ = r.MarshalJSON() })
		if raceEnabled {
			allocs = min(allocs, 2) // the pool drops names slices at random; see raceEnabled
		}
		assert.LessOrEqual(t, allocs, 2.0, "MarshalJSON with %d unknown members in each of 7 objects: %v allocations", n, allocs)

		// The members are written sorted by name, however many there are.
		var back CreditSessionsGetResponse
		require.NoError(t, back.UnmarshalJSON(out))
		again, err := back.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, string(out), string(again))
		viaMap, err := json.Marshal(map[string]json.RawMessage(extra))
		require.NoError(t, err)
		if n > 0 {
			assert.Contains(t, string(out), string(viaMap[1:len(viaMap)-1]), "Extra is written in the order encoding/json sorts a map")
		}
	}
}

// TestMarshalJSON_room checks that the room past the end of MarshalJSON's
// result holds nothing that was in memory before. The encoder's buffer is
// not zeroed when it is allocated, so that room must be cut off. The heap
// is first filled with freed bytes of 0xA5, which a buffer that is not
// zeroed would then show.
func TestMarshalJSON_room(t *testing.T) {
	tests := []struct {
		name     string
		sessions int
	}{
		{"one session", 1},
		{"two sessions", 2},
		{"larger than the one before", 300},
		{"much smaller than the one before", 2},
		{"as large as the one before", 2},
	}
	for _, tt := range tests {
		var v CreditSessionsGetResponse
		require.NoError(t, v.UnmarshalJSON(benchResponse(tt.sessions)), tt.name)
		poisonHeap()
		out, err := v.MarshalJSON()
		require.NoError(t, err, tt.name)
		assert.True(t, json.Valid(out), tt.name)
		room := out[len(out):cap(out)]
		assert.Equal(t, make([]byte, len(room)), room, "%s: the %d bytes past the result", tt.name, len(room))
	}
}

// TestPackedSizes checks that each of packedSizes is a size class of the
// runtime, larger than the one before: append rounds the capacity it
// allocates up to the next class, and leaves a class as it is.
func TestPackedSizes(t *testing.T) {
	last := 1792
	for _, size := range packedSizes {
		assert.Greater(t, size, last, "packedSizes are in increasing order")
		assert.Equal(t, size, cap(append([]byte(nil), make([]byte, size-1)...)), "the size class of %d bytes", size-1)
		assert.Equal(t, size, cap(append([]byte(nil), make([]byte, size)...)), "the size class of %d bytes", size)
		last = size
	}
}

// TestBufferSize checks which buffers are rounded up to a packed size.
func TestBufferSize(t *testing.T) {
	tests := []struct{ n, want int }{
		{0, 0},
		{1000, 1000},
		{1792, 1792},
		{1793, 2304},
		{2304, 2304},
		{2305, 3072},
		{2667, 3072}, // the result of the 2-session response
		{3457, 4864},
		{9728, 9728},
		{9729, 9729},
		{1 << 20, 1 << 20},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, bufferSize(tt.n), "bufferSize(%d)", tt.n)
	}
}

// TestAppendInt checks appendInt against strconv on both sides of its
// single-digit case.
func TestAppendInt(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 11, 99, 100, 12345, -1, -9, -10, math.MaxInt, math.MinInt} {
		assert.Equal(t, "x"+strconv.Itoa(n), string(appendInt([]byte("x"), n)), "appendInt(%d)", n)
	}
}

// poisonHeap leaves freed memory of many sizes filled with 0xA5.
func poisonHeap() {
	var keep [][]byte
	for size := 64; size <= 1<<20; size += size / 4 {
		for range 4 {
			b := make([]byte, size)
			for i := range b {
				b[i] = 0xA5
			}
			keep = append(keep, b)
		}
	}
	sink = keep
	sink = nil
	runtime.GC()
}

// sink keeps poisonHeap's buffers from being optimised away.
var sink [][]byte

func TestPlainValue(t *testing.T) {
	tests := []struct {
		raw           string
		plain, spaced bool
	}{
		{raw: `"default"`, plain: true},
		{raw: `""`, plain: true},
		{raw: `"a" `, plain: true, spaced: true},
		{raw: `{"score":0.12,"flags":["new_device"]}`, plain: true},
		{raw: `{"a": [1, 2]}`, plain: true, spaced: true},
		{raw: " \t\n\r[ ] ", plain: true, spaced: true},
		{raw: `[{},[],"",0,-0,1e5,-1.5E+3,2e-1,true,false,null]`, plain: true},
		{raw: "\"a space and 0123456789 \x7f ~\"", plain: true},
		{raw: `{"a":{"b":{"c":[[[{"d":null}]]]}}}`, plain: true},
		{raw: strings.Repeat("[", 65) + strings.Repeat("]", 65), plain: true}, // the innermost is empty
		// Valid, but left to the decoder and appendCompacted.
		{raw: strings.Repeat("[", 66) + strings.Repeat("]", 66)},
		{raw: strings.Repeat(`{"a":`, 65) + "{}" + strings.Repeat("}", 65)},
		{raw: `"caf\u00e9"`},
		{raw: `"café"`},
		{raw: `"a\"b"`},
		{raw: `"<b>"`},
		{raw: `"&"`},
		{raw: "\"\u2028\""},
		// Not valid.
		{raw: ``},
		{raw: ` `, spaced: true},
		{raw: `"open`},
		{raw: `"`},
		{raw: `"a"b"`},
		{raw: `"a""`},
		{raw: `"a` + "\x01" + `"`},
		{raw: `1 2`, spaced: true},
		{raw: `{"a":}`},
		{raw: `{"a" 1}`, spaced: true},
		{raw: `{"a":1,}`},
		{raw: `{,}`},
		{raw: `{1:2}`},
		{raw: `[1,]`},
		{raw: `[1}`},
		{raw: `{"a":1]`},
		{raw: `[`},
		{raw: `]`},
		{raw: `01`},
		{raw: `1.`},
		{raw: `1e`},
		{raw: `-`},
		{raw: `+1`},
		{raw: `tru`},
		{raw: `nul`},
		{raw: `truex`},
		{raw: `[]]`},
		{raw: `{"a":` + strings.Repeat("[", 65) + strings.Repeat("]", 65) + "]"}, // the outermost is an object
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			plain, spaced := plainValue([]byte(tt.raw))
			assert.Equal(t, tt.plain, plain, "plain")
			assert.Equal(t, tt.spaced, spaced, "spaced")
			checkAppendCompact(t, []byte(tt.raw))
		})
	}
}

// FuzzAppendCompact checks appendCompact, whose fast path for plain values
// must agree with the decoder's check and with encoding/json.
func FuzzAppendCompact(f *testing.F) {
	for _, s := range []string{`{"score":0.12,"flags":["new_device"]}`, `{"a": [1, 2]}`, `"caf\u00e9 <b>"`, "\"\u2028\"", `[1,]`, `-1.5E+3`, `{"a":{"a":1,"a":2}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkAppendCompact)
}

// checkAppendCompact checks that appendCompact fails on raw as the
// decoder's syntax check does, with the same error, and that otherwise it
// writes what encoding/json's Compact and HTMLEscape make of raw. A value
// that plainValue takes as plain must be valid, and written as it is
// unless it has white space.
func checkAppendCompact(t *testing.T, raw []byte) {
	got, err := appendCompact([]byte("x"), raw)
	wantErr := checkSyntax(raw)
	if plain, spaced := plainValue(raw); plain {
		require.NoError(t, wantErr, "plainValue(%q) is true for what the decoder rejects", raw)
		if !spaced {
			assert.Equal(t, "x"+string(raw), string(got), "plainValue(%q) is true and no white space is reported", raw)
		}
	}
	if wantErr != nil {
		require.EqualError(t, err, wantErr.Error(), "appendCompact(%q)", raw)
		return
	}
	require.NoError(t, err, "appendCompact(%q)", raw)
	var compact, want bytes.Buffer
	require.NoError(t, json.Compact(&compact, raw), "json.Compact(%q), which appendCompact accepted", raw)
	json.HTMLEscape(&want, compact.Bytes())
	assert.Equal(t, "x"+want.String(), string(got), "appendCompact(%q)", raw)
}
