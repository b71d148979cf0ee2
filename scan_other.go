//go:build purego || !amd64

package plaid

// escapedIndex returns the index of the first byte of s that the encoder
// escapes, or len(s). On amd64, scan_amd64.go tests longer strings sixteen
// bytes at a time.
func escapedIndex(s string) int { return escapedIndexWords(s) }

// unplainIndex returns the index of the first byte of b that the decoder
// does not take as it is, or len(b).
func unplainIndex(b []byte) int { return unplainIndexWords(b) }

// appendSafePrefix appends the bytes at the start of s that the encoder
// writes as they are, and returns how many it appended.
func appendSafePrefix(b []byte, s string) ([]byte, int) {
	n := escapedIndex(s)
	return append(b, s[:n]...), n
}
