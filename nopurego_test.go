//go:build !purego

package plaid

// puregoEnabled reports whether the package is built without unsafe: its
// decoder then allocates each enum value by itself, and has no room for
// the text of a short document.
const puregoEnabled = false
