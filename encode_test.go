package plaid

import (
	"encoding/json"
	"fmt"
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
