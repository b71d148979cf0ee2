package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/creditsession/plaid"
)

// output writes what the command finds to its standard streams.
type output struct {
	opt            options
	stdout, stderr io.Writer
	csv            *csv.Writer // with -csv: one header for all inputs
}

func newOutput(opt options, stdout, stderr io.Writer) *output {
	o := &output{opt: opt, stdout: stdout, stderr: stderr}
	if opt.csv {
		o.csv = csv.NewWriter(stdout)
		o.csv.Write(csvHeader)
	}
	return o
}

// flush writes what is buffered.
func (o *output) flush() {
	if o.csv != nil {
		o.csv.Flush()
	}
}

// note writes a line about what the command is doing: to standard output
// beside the table and the summary, and to standard error when standard
// output holds JSON or CSV.
func (o *output) note(format string, args ...any) {
	w := o.stdout
	if o.opt.json || o.opt.csv {
		w = o.stderr
	}
	fmt.Fprintf(w, format+"\n", args...)
}

// check reads, shows and, with -validate, validates the input called
// name, and reports whether it is valid.
func (o *output) check(name string, in io.Reader) bool {
	br, err := open(in)
	if err != nil {
		fmt.Fprintf(o.stderr, "%s: %v\n", name, err)
		return false
	}
	head, err := br.Peek(peekSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		fmt.Fprintf(o.stderr, "%s: %v\n", name, err)
		return false
	}
	k, problem := classify(head, err == io.EOF)
	switch {
	case problem != nil:
		fmt.Fprintf(o.stderr, "%s: %v\n", name, problem)
		return false
	case k == kindRequest || k == kindErrorBody || (o.opt.json || o.opt.strict) && (k == kindResponse || k == kindSession):
		// A value to write back whole, or whose members beside the
		// sessions -strict checks, is read whole.
		data, err := io.ReadAll(br)
		if err != nil {
			fmt.Fprintf(o.stderr, "%s: %v\n", name, err)
			return false
		}
		return o.whole(name, k, data)
	}
	return o.stream(name, k, br)
}

// stream reads the sessions of an input one at a time.
func (o *output) stream(name string, k kind, in io.Reader) bool {
	r := plaid.NewSessionReader(in)
	sum := newSummary()
	var rows []row
	var collected []plaid.CreditSession // for -json
	failures, warnings, i := 0, 0, 0
	requestIDMissing := false
	for s, err := range r.All() {
		if err != nil {
			fmt.Fprintf(o.stderr, "%s: %v\n", name, err)
			failures++
			var fe *plaid.FieldError
			if errors.As(err, &fe) && fe.Path == "request_id" {
				requestIDMissing = true
			}
			if isSessionPath(fe) {
				i++
			}
			continue
		}
		path := sessionPath(k, i)
		i++
		sum.add(&s)
		switch {
		case o.opt.json:
			collected = append(collected, s)
		case o.opt.csv:
			o.csv.Write(csvRecord(&s))
		case !o.opt.summary && !o.opt.quiet:
			rows = append(rows, newRow(&s))
		}
		if o.opt.validate {
			f, w := o.problems(name, path, &s, s.Validate(), s.UnknownMembers())
			failures, warnings = failures+f, warnings+w
		}
	}
	sum.requestID = r.RequestID()
	if o.opt.validate && k == kindResponse && sum.requestID == "" && !requestIDMissing {
		fmt.Fprintf(o.stderr, "%s: %v\n", name, &plaid.FieldError{Path: "request_id", Err: plaid.ErrEmpty})
		failures++
	}
	o.note("%s: %s with %s", name, k.describe(), plural(sum.sessions, "session"))
	switch {
	case o.opt.json:
		o.writeJSON(name, collected)
	case !o.opt.csv && !o.opt.summary:
		writeTable(o.stdout, rows)
		fallthrough
	case o.opt.summary:
		sum.write(o.stdout)
	}
	return o.verdict(name, failures, warnings)
}

// whole decodes an input that holds one value, and shows, validates and
// with -json writes back that value.
func (o *output) whole(name string, k kind, data []byte) bool {
	var v interface {
		json.Marshaler
		Validate() error
		UnknownMembers() []string
	}
	var sessions []plaid.CreditSession
	var requestID string
	switch k {
	case kindRequest:
		v = new(plaid.CreditSessionsGetRequest)
	case kindSession:
		v = new(plaid.CreditSession)
	default: // a response, or Plaid's error body, which decodes to a *plaid.Error
		v = new(plaid.CreditSessionsGetResponse)
	}
	if err := v.(json.Unmarshaler).UnmarshalJSON(data); err != nil {
		fmt.Fprintf(o.stderr, "%s: %v\n", name, err)
		return false
	}
	switch v := v.(type) {
	case *plaid.CreditSession:
		sessions = []plaid.CreditSession{*v}
	case *plaid.CreditSessionsGetResponse:
		sessions, requestID = v.Sessions, v.RequestID
	}
	if k == kindRequest {
		o.note("%s: %s", name, k.describe())
	} else {
		o.note("%s: %s with %s", name, k.describe(), plural(len(sessions), "session"))
	}
	switch {
	case o.opt.json:
		o.writeJSON(name, v)
	case k == kindRequest:
		fmt.Fprintf(o.stdout, "%s\n", v) // String redacts the secret
	default:
		o.show(sessions, requestID)
	}
	failures, warnings := 0, 0
	if o.opt.validate {
		failures, warnings = o.problems(name, "", v, v.Validate(), v.UnknownMembers())
	}
	return o.verdict(name, failures, warnings)
}

// show writes sessions as the flags ask: a table and a summary, the
// summary alone, or CSV rows.
func (o *output) show(sessions []plaid.CreditSession, requestID string) {
	sum := newSummary()
	sum.requestID = requestID
	var rows []row
	for i := range sessions {
		sum.add(&sessions[i])
		if o.opt.csv {
			o.csv.Write(csvRecord(&sessions[i]))
		} else {
			rows = append(rows, newRow(&sessions[i]))
		}
	}
	switch {
	case o.opt.csv:
	case !o.opt.summary:
		writeTable(o.stdout, rows)
		fallthrough
	default:
		sum.write(o.stdout)
	}
}

func (o *output) writeJSON(name string, v any) {
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		fmt.Fprintf(o.stderr, "%s: %v\n", name, err)
		return
	}
	fmt.Fprintf(o.stdout, "%s\n", out)
}

// problems writes the problems that Validate found in the value at path,
// and with -strict its unknown members, and counts the failures and the
// warnings. An enum value the package does not know is a warning, since
// Plaid adds values; with -strict it is a failure.
func (o *output) problems(name, path string, v any, validated error, unknown []string) (failures, warnings int) {
	context := ""
	if path == sessionInLines {
		context, path = fmt.Sprintf(" (link_session_id %q)", linkSessionID(v)), ""
	}
	for _, err := range split(validated) {
		err = below(path, err)
		if errors.Is(err, plaid.ErrUnknownValue) && !o.opt.strict {
			fmt.Fprintf(o.stderr, "%s: warning: %v%s\n", name, err, context)
			warnings++
			continue
		}
		fmt.Fprintf(o.stderr, "%s: %v%s\n", name, err, context)
		failures++
	}
	if o.opt.strict {
		for _, member := range unknown {
			fmt.Fprintf(o.stderr, "%s: %v%s\n", name, below(path, &plaid.FieldError{Path: member, Err: errUnknownMember}), context)
			failures++
		}
	}
	return failures, warnings
}

// verdict writes whether the input called name is valid, and reports it.
func (o *output) verdict(name string, failures, warnings int) bool {
	switch {
	case failures > 0:
		return false
	case !o.opt.validate:
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

// sessionInLines is the path of a session in JSON Lines, or in an input
// whose shape the command could not tell: problems with it are named by
// their path in the session and its link_session_id.
const sessionInLines = "\x00"

// sessionPath returns the path of the session i of an input of kind k.
func sessionPath(k kind, i int) string {
	switch k {
	case kindResponse:
		return "sessions[" + strconv.Itoa(i) + "]"
	case kindArray:
		return "[" + strconv.Itoa(i) + "]"
	case kindSession:
		return ""
	}
	return sessionInLines
}

// isSessionPath reports whether fe, from the reader, is about a session
// of an array, rather than the rest of a response.
func isSessionPath(fe *plaid.FieldError) bool {
	return fe != nil && (strings.HasPrefix(fe.Path, "sessions[") || strings.HasPrefix(fe.Path, "["))
}

// below returns err, a problem that Validate found in a session, with its
// path below the session's path in its input.
func below(path string, err error) error {
	var fe *plaid.FieldError
	if path == "" || !errors.As(err, &fe) {
		return err
	}
	if fe.Path != "" && fe.Path[0] != '[' {
		path += "."
	}
	return &plaid.FieldError{Path: path + fe.Path, Err: fe.Err}
}

func linkSessionID(v any) string {
	if s, ok := v.(*plaid.CreditSession); ok {
		return s.GetLinkSessionID()
	}
	return ""
}

// split returns the errors that errors.Join joined.
func split(err error) []error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()
	}
	if err != nil {
		return []error{err}
	}
	return nil
}

// A row is what the table shows of a session: it keeps that, and not the
// session, so that a large input is not held in memory.
type row struct {
	start plaid.Date
	cells []string
}

const tableHeader = "LINK SESSION ID\tSTARTED\tITEMS ADDED\tBANK INCOME\tBANK EMPLOYMENT\tPAYROLL P/W2\tDOCUMENTS P/W2/BS/1099\tERRORS"

func newRow(s *plaid.CreditSession) row {
	r := s.GetResults()
	cells := []string{
		cell(s.GetLinkSessionID()), cell(s.GetSessionStartTime().String()),
		cell(list(r.GetItemAddResults(), itemAdded, ", ")),
		cell(list(r.GetBankIncomeResults(), (*plaid.CreditSessionBankIncomeResult).GetStatus, ", ")),
		cell(list(r.GetBankEmploymentResults(), (*plaid.CreditSessionBankEmploymentResult).GetStatus, ", ")),
		dash(strings.Join(payroll(r), "/")), dash(strings.Join(documents(r), "/")), strconv.Itoa(len(s.GetErrors())),
	}
	for i := range cells {
		// A decoded string shares a block of text with the strings
		// around it, which a row must not keep alive.
		cells[i] = strings.Clone(cells[i])
	}
	return row{start: s.GetSessionStartTime(), cells: cells}
}

// writeTable writes the rows, newest first.
func writeTable(w io.Writer, rows []row) {
	slices.SortStableFunc(rows, func(a, b row) int { return b.start.Compare(a.start) })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, tableHeader)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r.cells, "\t"))
	}
	tw.Flush()
}

var csvHeader = []string{"link_session_id", "session_start_time", "items_added", "bank_income_statuses", "bank_employment_statuses",
	"payroll_paystubs", "payroll_w2s", "document_paystubs", "document_w2s", "document_bank_statements", "document_1099s", "error_codes"}

func csvRecord(s *plaid.CreditSession) []string {
	r := s.GetResults()
	record := []string{s.GetLinkSessionID(), s.GetSessionStartTime().String(),
		list(r.GetItemAddResults(), func(i *plaid.CreditSessionItemAddResult) string { return i.GetItemID() + ":" + i.GetInstitutionID() }, " "),
		list(r.GetBankIncomeResults(), (*plaid.CreditSessionBankIncomeResult).GetStatus, " "),
		list(r.GetBankEmploymentResults(), (*plaid.CreditSessionBankEmploymentResult).GetStatus, " ")}
	record = append(append(record, orEmpty(payroll(r), 2)...), orEmpty(documents(r), 4)...)
	return append(record, list(s.GetErrors(), (*plaid.CreditSessionError).GetErrorCode, " "))
}

func itemAdded(item *plaid.CreditSessionItemAddResult) string {
	return item.GetItemID() + " (" + item.GetInstitutionID() + ")"
}

// list returns show of each result, joined by sep.
func list[R any, S ~string](results []R, show func(*R) S, sep string) string {
	shown := make([]string, len(results))
	for i := range results {
		shown[i] = string(show(&results[i]))
	}
	return strings.Join(shown, sep)
}

// payroll returns the paystubs and W-2s retrieved, summed over the
// payroll results, or nil when there are none.
func payroll(r *plaid.CreditSessionResults) []string {
	results := r.GetPayrollIncomeResults()
	if len(results) == 0 {
		return nil
	}
	paystubs, w2s := 0, 0
	for i := range results {
		paystubs += results[i].GetNumPaystubsRetrieved()
		w2s += results[i].GetNumW2sRetrieved()
	}
	return []string{strconv.Itoa(paystubs), strconv.Itoa(w2s)}
}

// documents returns the counts of documents uploaded: paystubs, W-2s,
// bank statements and 1099s, or nil without document results.
func documents(r *plaid.CreditSessionResults) []string {
	d := r.GetDocumentIncomeResults()
	if d == nil {
		return nil
	}
	return []string{strconv.Itoa(d.NumPaystubsUploaded), strconv.Itoa(d.NumW2sUploaded),
		strconv.Itoa(d.NumBankStatementsUploaded), strconv.Itoa(d.Num1099sUploaded)}
}

// orEmpty returns counts, or n empty cells when there are none.
func orEmpty(counts []string, n int) []string {
	if counts == nil {
		return make([]string, n)
	}
	return counts
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// cell returns s fit for a table cell: "-" when empty, and quoted when it
// holds characters that would break the columns.
func cell(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return strconv.Quote(s)
	}
	return dash(s)
}

// A summary counts the sessions of an input.
type summary struct {
	sessions, items, failed int
	requestID               string
	bankIncome, employment  map[string]int
	errorCodes              map[string]int
}

func newSummary() *summary {
	return &summary{bankIncome: map[string]int{}, employment: map[string]int{}, errorCodes: map[string]int{}}
}

func (m *summary) add(s *plaid.CreditSession) {
	m.sessions++
	r := s.GetResults()
	m.items += len(r.GetItemAddResults())
	if len(s.GetErrors()) > 0 {
		m.failed++
	}
	countOnce(m.bankIncome, r.GetBankIncomeResults(), (*plaid.CreditSessionBankIncomeResult).GetStatus)
	countOnce(m.employment, r.GetBankEmploymentResults(), (*plaid.CreditSessionBankEmploymentResult).GetStatus)
	countOnce(m.errorCodes, s.GetErrors(), (*plaid.CreditSessionError).GetErrorCode)
}

// countOnce counts a session once under each value that show gives for
// one of its results.
func countOnce[R any, S ~string](counts map[string]int, results []R, show func(*R) S) {
	seen := map[string]bool{}
	for i := range results {
		v := string(show(&results[i]))
		if v == "" {
			v = "(none)"
		}
		if !seen[v] {
			seen[v] = true
			counts[v]++
		}
	}
}

func (m *summary) write(w io.Writer) {
	line := fmt.Sprintf("%s, %s added, %s with errors", plural(m.sessions, "session"), plural(m.items, "Item"), plural(m.failed, "session"))
	if m.requestID != "" {
		line += ", request_id " + m.requestID
	}
	fmt.Fprintln(w, line)
	writeCounts(w, "sessions by bank income status", m.bankIncome)
	writeCounts(w, "sessions by bank employment status", m.employment)
	writeCounts(w, "sessions by error code", m.errorCodes)
}

// writeCounts writes counts as "title: A 3, B 1", most first.
func writeCounts(w io.Writer, title string, counts map[string]int) {
	if len(counts) == 0 {
		return
	}
	keys := slices.Sorted(maps.Keys(counts))
	slices.SortStableFunc(keys, func(a, b string) int { return counts[b] - counts[a] })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " " + strconv.Itoa(counts[k])
	}
	fmt.Fprintf(w, "  %s: %s\n", title, strings.Join(parts, ", "))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
