package plaid

import (
	"syscall"
	"testing"
	"unsafe"
)

// TestScannersAtPageEnd scans strings that end where the memory mapped
// for them ends, so that a scanner reading past the end of a string, as
// those in scan_amd64.s may within a page, faults instead of passing.
func TestScannersAtPageEnd(t *testing.T) {
	page := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 2*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	if err := syscall.Mprotect(mem[page:], syscall.PROT_NONE); err != nil {
		t.Fatal(err)
	}
	end := mem[:page]
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123"
	// Every length around the sixteen bytes read at once, with a byte to
	// stop at in every place or none, ending at the page's end.
	for n := range len(letters) {
		for pos := -1; pos < n; pos++ {
			b := end[page-n:]
			copy(b, letters[:n])
			want := n
			if pos >= 0 {
				b[pos], want = '"', pos
			}
			s := unsafe.String(unsafe.SliceData(b), n)
			if got := escapedIndex(s); got != want {
				t.Errorf("escapedIndex(%q) = %d, want %d", s, got, want)
			}
			if got := unplainIndex(b); got != want {
				t.Errorf("unplainIndex(%q) = %d, want %d", s, got, want)
			}
			out, got := appendSafePrefix(make([]byte, 1, n+32), s)
			if got != want || string(out[1:]) != s[:want] {
				t.Errorf("appendSafePrefix(%q) = %q, %d, want %q, %d", s, out[1:], got, s[:want], want)
			}
			checkAppendString(t, s)
		}
	}
}
