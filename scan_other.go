//go:build purego || !amd64

package plaid

// escapedIndex returns the index of the first byte of s that the encoder
// escapes, or len(s). On amd64, scan_amd64.go tests longer strings sixteen
// bytes at a time.
func escapedIndex(s string) int { return escapedIndexWords(s) }

// unplainIndex returns the index of the first byte of b that the decoder
// does not take as it is, or len(b).
func unplainIndex(b []byte) int { return unplainIndexWords(b) }
