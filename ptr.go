package plaid

// Ptr returns a pointer to v. It fills the optional members of the models,
// which are pointers so that an absent member differs from a zero one:
//
//	r := plaid.CreditSessionItemAddResult{ItemID: plaid.Ptr("item-1")}
func Ptr[T any](v T) *T { return &v }

// deref returns *p, or the zero value when p is nil.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
