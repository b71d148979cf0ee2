//go:build !purego

package plaid

// puregoEnabled reports whether the package is built without unsafe: its
// decoder then allocates each enum value of a short document by itself,
// and has no room for the text of one.
const puregoEnabled = false
