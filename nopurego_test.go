//go:build !purego

package plaid

// puregoEnabled reports whether the package is built without unsafe: its
// decoder then has no room for the text of a short document, which goes
// into a block of its own.
const puregoEnabled = false
