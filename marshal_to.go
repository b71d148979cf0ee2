//go:build go1.27 && goexperiment.jsonv2

package plaid

import (
	"encoding/json/jsontext"
	"sync"
)

// This file holds the MarshalJSONTo methods, which encoding/json calls in
// place of MarshalJSON when it runs on its v2 engine, as it does by default
// from Go 1.27 on. MarshalJSON must allocate the result it hands out,
// which encoding/json then checks and copies into its own buffer and
// drops. MarshalJSONTo writes the same bytes into a buffer that the
// package reuses, and hands them to the encoder, which checks and copies
// them as before: json.Marshal of a 2-session response then measured 5%
// less time, and of a 1,000-session one 18% less (BenchmarkRatio,
// encode-marshal-vs-naive, in turns). The bytes written are those of
// MarshalJSON.
//
// The file builds on Go 1.27 or later with the jsonv2 experiment on, as it
// is by default. Go 1.27 gives the API of encoding/json/jsontext as new in
// go1.27, so a file of this module, which declares go 1.24, may use it only
// when its constraint says go1.27. Go 1.26 with GOEXPERIMENT=jsonv2 has the
// package too, but only as an experiment, and a build there uses
// MarshalJSON, which writes the same bytes; so would a later release that
// drops the experiment's build tag, until the constraint names it.

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (s CreditSession) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &s, creditSessionSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (e CreditSessionError) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &e, creditSessionErrorSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (r CreditSessionResults) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &r, creditSessionResultsSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (r CreditSessionItemAddResult) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &r, creditSessionItemAddResultSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (r CreditSessionBankIncomeResult) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &r, creditSessionBankIncomeResultSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (r CreditSessionBankEmploymentResult) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &r, creditSessionBankEmploymentResultSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (r CreditSessionPayrollIncomeResult) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &r, creditSessionPayrollIncomeResultSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (r CreditSessionDocumentIncomeResult) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &r, creditSessionDocumentIncomeResultSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (r CreditSessionsGetRequest) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &r, creditSessionsGetRequestSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (r CreditSessionsGetResponse) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &r, creditSessionsGetResponseSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface.
func (e Error) MarshalJSONTo(enc *jsontext.Encoder) error {
	return marshalTo(enc, &e, errorSchema)
}

// MarshalJSONTo implements the [encoding/json/v2.MarshalerTo] interface:
// the text of d as a JSON string, or null for the zero Date, as MarshalJSON.
func (d Date) MarshalJSONTo(enc *jsontext.Encoder) error {
	var a [maxDateText + 2]byte
	b, err := appendDate(a[:0], d)
	if err != nil {
		return err
	}
	return enc.WriteValue(b)
}

// marshalTo writes v to enc as s describes, through a buffer from
// scratchPool. A buffer with less room than the last value of s needs is
// replaced by one with that room, as marshal allocates, rather than grown
// step by step.
func marshalTo[T any](enc *jsontext.Encoder, v *T, s *schema[T]) error {
	p := scratchPool.Get().(*[]byte)
	b := *p
	if n := s.room(); cap(b) < n {
		b = newBuffer(n)
	}
	b, err := encode(b[:0], v, s, false)
	if err == nil {
		err = enc.WriteValue(b)
	}
	if keepScratch(cap(b), len(b)) {
		*p = b[:0]
		scratchPool.Put(p)
	}
	return err
}

// scratchPool holds the buffers that marshalTo encodes into.
var scratchPool = sync.Pool{New: func() any { return new([]byte) }}

// keepScratch reports whether a buffer of capacity c, which held n bytes,
// goes back to scratchPool. A small one always does. A large one does only
// if the value just written filled a quarter of it, so that the pool does
// not keep a large buffer alive for small values; encoding/json keeps its
// own buffers by a like measure.
func keepScratch(c, n int) bool {
	return c <= maxKeptScratch || n >= c/4
}

// maxKeptScratch is the capacity up to which keepScratch keeps any buffer.
const maxKeptScratch = 64 << 10
