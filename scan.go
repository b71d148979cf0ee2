package plaid

import "math/bits"

// Strings are scanned eight bytes at a time, as one uint64, because a
// byte at a time is the largest cost of both decoding and encoding; on
// amd64, scan_amd64.s scans sixteen at a time with the same marks: the
// decoder's strings of sixteen bytes or more, and every string that the
// encoder copies as it scans. A test
// marks a byte by setting its high bit: x itself marks the bytes that are
// not ASCII; x-c*ones marks the ASCII bytes below c, and so, after an XOR,
// the bytes equal to one. A subtraction borrows only from a byte it marks,
// and only upwards, so the lowest mark is always a true one.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// first returns the index of the lowest byte marked in m, or 8 if none is.
func first(m uint64) int { return bits.TrailingZeros64(m) / 8 }

// word returns the eight bytes of s as a little-endian uint64.
func word[S string | []byte](s S) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// escapedBytes marks the bytes of x that the encoder escapes; see ones.
// Setting bit 2 maps '"' onto '&' and bit 1 maps '<' onto '>', so that
// one test finds both.
func escapedBytes(x uint64) uint64 {
	quoteAmp := x | 0x04*ones ^ '&'*ones
	angle := x | 0x02*ones ^ '>'*ones
	backslash := x ^ '\\'*ones
	return (x | (x - 0x20*ones) | (quoteAmp - ones) | (angle - ones) | (backslash - ones)) & highs
}

// unplainBytes marks the bytes of x that unplainIndex stops at; see ones.
func unplainBytes(x uint64) uint64 {
	quote, backslash := x^'"'*ones, x^'\\'*ones
	return (x | (x - 0x20*ones) | (quote - ones) | (backslash - ones)) & highs
}

// escapedIndexWords returns the index of the first byte of s that the
// encoder escapes, or len(s), testing eight bytes at a time.
func escapedIndexWords[S string | []byte](s S) int {
	i := 0
	for ; len(s)-i >= 8; i += 8 {
		if m := escapedBytes(word(s[i:])); m != 0 {
			return i + first(m)
		}
	}
	for i < len(s) && safe[s[i]] {
		i++
	}
	return i
}

// unplainIndexWords returns the index of the first byte of b that the
// decoder does not take as it is, or len(b), testing eight bytes at a time.
func unplainIndexWords(b []byte) int {
	i := 0
	for ; len(b)-i >= 8; i += 8 {
		if m := unplainBytes(word(b[i:])); m != 0 {
			return i + first(m)
		}
	}
	for i < len(b) && plain[b[i]] {
		i++
	}
	return i
}
