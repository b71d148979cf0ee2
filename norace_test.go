//go:build !race

package plaid

// raceEnabled reports whether the race detector is on: under it, sync.Pool
// drops items at random, so allocation counts are not what they are.
const raceEnabled = false
