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

// copySafeSSE2 copies the bytes at the start of s that the encoder writes
// as they are to dst, and returns how many. It copies sixteen bytes at a
// time as it tests them, whatever they hold, so that it may write up to
// sixteen bytes past them, and past len(s): dst must have room for
// len(s)+16.
//
//go:noescape
func copySafeSSE2(dst []byte, s string) int

// appendSafePrefix appends the bytes at the start of s that the encoder
// writes as they are, and returns how many it appended. When b has room,
// they are tested and copied in one pass, which made encoding 7-13%
// faster than a scan and then a copy: most strings are short, and the
// copy was a call of its own. What it writes past the bytes it appends
// is in b's spare capacity, which the next append writes over.
func appendSafePrefix(b []byte, s string) ([]byte, int) {
	if n := len(b); cap(b)-n >= len(s)+16 {
		k := copySafeSSE2(b[n:cap(b)], s)
		return b[:n+k], k
	}
	n := escapedIndex(s)
	return append(b, s[:n]...), n
}
