package plaid

import (
	"encoding/json"
	"fmt"
	"runtime"
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
