package plaid

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
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
		{2288, 2304}, // the result of the 2-session response, 2,270 bytes, with room's margin
		{3457, 4864},
		{9728, 9728},
		{9729, 9729},
		{1 << 20, 1 << 20},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, bufferSize(tt.n), "bufferSize(%d)", tt.n)
	}
}

// TestNextHint checks which length the size hint keeps after a value.
func TestNextHint(t *testing.T) {
	tests := []struct {
		name string
		old  int64
		n    int
		want int64
	}{
		{"the first value", 0, 2270, 2270},
		{"as long as the last", 2270, 2270, 2270},
		{"longer", 2270, 2300, 2300},
		{"a little shorter", 2270, 2000, 2270},
		{"an eighth shorter", 2400, 2100, 2400},
		{"more than an eighth shorter", 2400, 2099, 2099},
		{"a short value after a large one", 1 << 20, 2270, 2270},
		{"an empty value", 2270, 0, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, nextHint(tt.old, tt.n), tt.name)
	}
}

// TestMarshalJSON_growth checks how often MarshalJSON allocates over a
// run of values: only its result and its receiver's copy when the value
// is as long as the longest of the last few, or a little shorter; and by
// doubling its buffer, not by the quarters of append, when the value is
// much longer than the last.
func TestMarshalJSON_growth(t *testing.T) {
	response := func(sessions int, requestID string) CreditSessionsGetResponse {
		var v CreditSessionsGetResponse
		require.NoError(t, v.UnmarshalJSON(benchResponse(sessions)))
		v.RequestID = requestID
		return v
	}
	longest := response(2, strings.Repeat("r", 200))
	shortLast := CreditSessionsGetResponse{RequestID: "r", Sessions: []CreditSession{{
		LinkSessionID: Ptr(strings.Repeat("l", 900)),
		Errors:        []CreditSessionError{{ErrorType: Ptr("ITEM_ERROR")}},
	}}}
	tests := []struct {
		name      string
		before    CreditSessionsGetResponse // encoded first, to set the size hint
		values    []CreditSessionsGetResponse
		maxAllocs float64
	}{
		{"the same value", longest, []CreditSessionsGetResponse{longest, longest}, 2 * 2},
		{"a little shorter than the longest", longest, []CreditSessionsGetResponse{
			response(2, strings.Repeat("r", 20)), longest, response(2, "r"), response(2, strings.Repeat("r", 100)),
		}, 4 * 2},
		// Doubling from 2,304 bytes to 1.1 MB takes 9 steps; quarters would
		// take 27.
		{"a thousand sessions after two", response(2, "r"), []CreditSessionsGetResponse{response(1000, "r")}, 2 + 9 + 3},
		// Its last object begins some 40 bytes before the end, where grow
		// doubles a buffer sized to the value: encode leaves room for it
		// after the first time.
		{"a short last object", shortLast, []CreditSessionsGetResponse{shortLast, shortLast}, 2 * 2},
	}
	for _, tt := range tests {
		for _, v := range tt.values {
			out, err := v.MarshalJSON()
			require.NoError(t, err, tt.name)
			require.True(t, json.Valid(out), tt.name)
		}
		allocs := testing.AllocsPerRun(10, func() {
			_, _ = tt.before.MarshalJSON()
			for i := range tt.values {
				_, _ = tt.values[i].MarshalJSON()
			}
		})
		// Besides maxAllocs, the value encoded before allocates its
		// result and its receiver's copy.
		assert.LessOrEqual(t, allocs, 2+tt.maxAllocs, tt.name)
	}
}

// TestMarshalJSON_bytes checks how much memory MarshalJSON allocates for
// the 2-session response, 2,270 bytes: the 2,304-byte class, the one its
// length falls in, and its receiver's copy.
func TestMarshalJSON_bytes(t *testing.T) {
	var v CreditSessionsGetResponse
	require.NoError(t, v.UnmarshalJSON(benchResponse(2)))
	// The size hint as a new process has it: a test before may have left
	// it at a longer value, which it would keep (see nextHint).
	creditSessionsGetResponseSchema.sizeHint.Store(0)
	out, err := v.MarshalJSON()
	require.NoError(t, err)
	require.Len(t, out, 2270)
	const runs = 100
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // as AllocsPerRun, so that other goroutines wait
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		_, _ = v.MarshalJSON()
	}
	runtime.ReadMemStats(&after)
	assert.Equal(t, 2304+int(reflect.TypeOf(v).Size()), int(after.TotalAlloc-before.TotalAlloc)/runs, "bytes allocated a call")
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
