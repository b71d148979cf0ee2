package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/creditsession/plaid"
)

// output writes what the command found to its standard streams.
type output struct {
	opt            options
	stdout, stderr io.Writer
}

// note writes a line about what the command is doing: to standard output
// beside the table, to standard error with -json, which keeps standard
// output pure JSON.
func (o output) note(format string, args ...any) {
	w := o.stdout
	if o.opt.json {
		w = o.stderr
	}
	fmt.Fprintf(w, format+"\n", args...)
}

// check decodes, shows and, with -validate, validates the input data
// called name, and reports whether it is valid.
func (o output) check(name string, data []byte) bool {
	doc, err := decode(data)
	if err != nil {
		fmt.Fprintf(o.stderr, "%s: %v\n", name, err)
		return false
	}
	if doc.request != nil {
		o.note("%s: %s", name, doc.kind)
	} else {
		o.note("%s: %s with %s", name, doc.kind, plural(len(doc.sessions), "session"))
	}
	switch {
	case o.opt.json:
		out, err := json.MarshalIndent(doc.value, "", "  ")
		if err != nil {
			fmt.Fprintf(o.stderr, "%s: %v\n", name, err)
			return false
		}
		fmt.Fprintf(o.stdout, "%s\n", out)
	case doc.request != nil:
		fmt.Fprintf(o.stdout, "%s\n", doc.request) // String redacts the secret
	default:
		writeTable(o.stdout, doc)
	}
	if !o.opt.validate {
		return true
	}
	return o.validate(name, doc)
}

// validate writes the problems that Validate finds in doc, and reports
// whether there are none. An enum value the package does not know is a
// warning, since Plaid adds values; with -strict it is a failure, and so
// is every member the package does not know.
func (o output) validate(name string, doc *document) bool {
	failures, warnings := 0, 0
	for _, err := range doc.validate() {
		if errors.Is(err, plaid.ErrUnknownValue) && !o.opt.strict {
			fmt.Fprintf(o.stderr, "%s: warning: %v\n", name, err)
			warnings++
			continue
		}
		fmt.Fprintf(o.stderr, "%s: %v\n", name, err)
		failures++
	}
	if o.opt.strict {
		for _, path := range doc.unknown() {
			fmt.Fprintf(o.stderr, "%s: %v\n", name, &plaid.FieldError{Path: path, Err: errUnknownMember})
			failures++
		}
	}
	switch {
	case failures > 0:
		return false
	case warnings > 0:
		o.note("%s: valid, with %s", name, plural(warnings, "warning"))
	default:
		o.note("%s: valid", name)
	}
	return true
}

// errUnknownMember is a member the package does not know, which -strict
// reports: it shows that Plaid's API has grown.
var errUnknownMember = errors.New("unknown member")

// writeTable writes the sessions of doc, newest first, and a summary.
func writeTable(w io.Writer, doc *document) {
	sessions := slices.Clone(doc.sessions)
	slices.SortStableFunc(sessions, func(a, b plaid.CreditSession) int {
		return b.GetSessionStartTime().Compare(a.GetSessionStartTime())
	})
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LINK SESSION ID\tSTARTED\tITEMS ADDED\tBANK INCOME\tBANK EMPLOYMENT\tPAYROLL P/W2\tDOCUMENTS P/W2/BS/1099\tERRORS")
	items, failed := 0, 0
	for i := range sessions {
		s := &sessions[i]
		r := s.GetResults()
		if r == nil {
			r = &plaid.CreditSessionResults{}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n",
			cell(s.GetLinkSessionID()), cell(s.GetSessionStartTime().String()), itemsAdded(r),
			bankIncome(r), bankEmployment(r), payroll(r), documents(r), len(s.Errors))
		items += len(r.ItemAddResults)
		if len(s.Errors) > 0 {
			failed++
		}
	}
	tw.Flush()
	summary := fmt.Sprintf("%s, %s added, %s with errors", plural(len(sessions), "session"), plural(items, "Item"), plural(failed, "session"))
	if doc.requestID != "" {
		summary += ", request_id " + doc.requestID
	}
	fmt.Fprintln(w, summary)
}

func itemsAdded(r *plaid.CreditSessionResults) string {
	return list(r.ItemAddResults, func(item *plaid.CreditSessionItemAddResult) string {
		return item.GetItemID() + " (" + item.GetInstitutionID() + ")"
	})
}

func bankIncome(r *plaid.CreditSessionResults) string {
	return list(r.BankIncomeResults, func(b *plaid.CreditSessionBankIncomeResult) string { return string(b.GetStatus()) })
}

func bankEmployment(r *plaid.CreditSessionResults) string {
	return list(r.BankEmploymentResults, func(b *plaid.CreditSessionBankEmploymentResult) string { return string(b.GetStatus()) })
}

// list returns show of each result, joined into one cell.
func list[R any](results []R, show func(*R) string) string {
	shown := make([]string, len(results))
	for i := range results {
		shown[i] = show(&results[i])
	}
	return cell(strings.Join(shown, ", "))
}

// payroll returns the paystubs and W-2s retrieved, summed over the
// payroll results.
func payroll(r *plaid.CreditSessionResults) string {
	if len(r.PayrollIncomeResults) == 0 {
		return "-"
	}
	paystubs, w2s := 0, 0
	for i := range r.PayrollIncomeResults {
		paystubs += r.PayrollIncomeResults[i].GetNumPaystubsRetrieved()
		w2s += r.PayrollIncomeResults[i].GetNumW2sRetrieved()
	}
	return fmt.Sprintf("%d/%d", paystubs, w2s)
}

func documents(r *plaid.CreditSessionResults) string {
	d := r.GetDocumentIncomeResults()
	if d == nil {
		return "-"
	}
	return fmt.Sprintf("%d/%d/%d/%d", d.NumPaystubsUploaded, d.NumW2sUploaded, d.NumBankStatementsUploaded, d.Num1099sUploaded)
}

// cell returns s fit for a table cell: "-" when empty, and quoted when it
// holds characters that would break the columns.
func cell(s string) string {
	if s == "" {
		return "-"
	}
	if strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return strconv.Quote(s)
	}
	return s
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
