//go:build purego || !amd64

package plaid

import "encoding/binary"

// escapedIndex returns the index of the first byte of s that the encoder
// escapes, or len(s). On amd64, scan_amd64.go tests longer strings sixteen
// bytes at a time.
func escapedIndex(s string) int { return escapedIndexWords(s) }

// unplainIndex returns the index of the first byte of b that the decoder
// does not take as it is, or len(b).
func unplainIndex(b []byte) int { return unplainIndexWords(b) }

// copySafe copies the bytes at the start of s that the encoder writes as
// they are to dst, and returns how many. It copies sixteen bytes at a
// time, then eight, as it tests them, whatever they hold, so that it may
// write up to fifteen bytes past them, though not past len(s): dst must
// have room for len(s)+16, as scan_amd64.s needs. Two words a turn, with
// one branch for both, took 3% less time of the encoder's own work than
// one (BenchmarkEncodeReused, -tags purego, in turns).
func copySafe(dst []byte, s string) int {
	i := 0
	for ; len(s)-i >= 16; i += 16 {
		w0, w1 := word(s[i:]), word(s[i+8:])
		binary.LittleEndian.PutUint64(dst[i:], w0)
		binary.LittleEndian.PutUint64(dst[i+8:], w1)
		m0, m1 := escapedBytes(w0), escapedBytes(w1)
		if m0|m1 != 0 {
			if m0 != 0 {
				return i + first(m0)
			}
			return i + 8 + first(m1)
		}
	}
	for ; len(s)-i >= 8; i += 8 {
		w := word(s[i:])
		binary.LittleEndian.PutUint64(dst[i:], w)
		if m := escapedBytes(w); m != 0 {
			return i + first(m)
		}
	}
	for ; i < len(s) && safe[s[i]]; i++ {
		dst[i] = s[i]
	}
	return i
}
