//go:build !purego

package plaid

// On amd64, strings of sixteen bytes or more are scanned sixteen bytes at
// a time, in scan_amd64.s: scanning took a quarter of the time of encoding.
// scan_other.go is the twin for the purego build and other processors.

// escapedIndex returns the index of the first byte of s that the encoder
// escapes, or len(s).
func escapedIndex(s string) int {
	if len(s) < 16 {
		return escapedIndexWords(s)
	}
	return escapedIndexSSE2(s)
}

// unplainIndex returns the index of the first byte of b that the decoder
// does not take as it is, or len(b).
func unplainIndex(b []byte) int {
	if len(b) < 16 {
		return unplainIndexWords(b)
	}
	return unplainIndexSSE2(b)
}

// escapedIndexSSE2 is escapedIndex for s of at least sixteen bytes.
//
//go:noescape
func escapedIndexSSE2(s string) int

// unplainIndexSSE2 is unplainIndex for b of at least sixteen bytes.
//
//go:noescape
func unplainIndexSSE2(b []byte) int
