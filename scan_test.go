package plaid

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// TestWordMarks holds each test of eight bytes at a time against the same
// test a byte at a time: every byte value at every place of a word, among
// fillers that the test marks and does not, so that a borrow from a marked
// byte below shows too.
func TestWordMarks(t *testing.T) {
	tests := []struct {
		name  string
		marks func(uint64) uint64
		want  func(c byte) bool // whether the byte c is marked
	}{
		{"unplainBytes", unplainBytes, func(c byte) bool { return c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf }},
		{"escapedBytes", escapedBytes, func(c byte) bool { return !safe[c] }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, filler := range []byte{'a', '0', ' ', 0x00, 0x7F, 0x80, 0xE2, 0xFF} {
				for at := range 8 {
					for c := range 256 {
						w := []byte{filler, filler, filler, filler, filler, filler, filler, filler}
						w[at] = byte(c)
						wantFirst := 8
						for i := range w {
							if tt.want(w[i]) {
								wantFirst = i
								break
							}
						}
						m := tt.marks(word(w))
						if first(m) != wantFirst || m&^highs != 0 {
							assert.Fail(t, "wrong mark", "%s(%q): marks %#x, first %d, want first %d", tt.name, w, m, first(m), wantFirst)
							return
						}
					}
				}
			}
		})
	}
}
