//go:build !purego

package plaid

// On amd64, strings of sixteen bytes or more are scanned sixteen bytes at
// a time, in scan_amd64.s: scanning took a quarter of the time of encoding.
// The encoder copies strings of any length as it scans them, there too.
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

// copySafe copies the bytes at the start of s that the encoder writes as
// they are to dst, and returns how many. It copies sixteen bytes at a
// time as it tests them, whatever they hold, so that it may write up to
// sixteen bytes past them, and past len(s): dst must have room for
// len(s)+16. Strings shorter than sixteen bytes are read whole when they
// do not end near the end of a page.
//
//go:noescape
func copySafe(dst []byte, s string) int
