// Command creditsessions reads the JSON of Plaid's /credit/sessions/get,
// checks it with the plaid package, and shows its Link sessions.
//
// Usage:
//
//	creditsessions [-json | -csv | -summary] [-validate | -strict] [-q] [FILE ...]
//
// It reads each FILE, or standard input when FILE is - or absent. An input
// may hold a /credit/sessions/get response (an object with request_id or
// sessions), Plaid's error body (error_type and error_code), a JSON array
// of sessions, one session, JSON Lines of any of these, or a request
// (user_token, client_id or secret). Gzipped input is read as it is, and
// a UTF-8 byte-order mark is skipped. An error body is reported as the
// error it is; any other JSON, and empty input, is an error too. With no
// FILE and standard input a terminal, it runs on an example response built
// into the command, which it never does with -q.
//
// Sessions are read one at a time, so that an export of any size can be
// checked: a bad session is reported, with its path, line and
// link_session_id, and the others are still read and shown.
//
// By default it prints a table of the sessions, newest first, and a
// summary. See the usage text below for the flags and the columns of
// -csv.
//
// The exit status is 0 when every input is valid, 1 when any input or any
// session fails to be read, decoded or validated, or is Plaid's error body
// (each failure is printed to standard error as "FILE: plaid: <path>:
// <problem>"), and 2 for a usage error.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

//go:embed example.json
var example []byte

const usage = `usage: creditsessions [-json | -csv | -summary] [-validate | -strict] [-q] [FILE ...]

Reads Plaid /credit/sessions/get JSON from each FILE, or from standard
input when FILE is - or absent, and shows its Link sessions. An input may
hold a response, Plaid's error body, an array of sessions, one session,
JSON Lines of these (one per line, as exports have them), or a request.
Gzipped input is read as it is; a UTF-8 byte-order mark is skipped. An
error body, empty input or any other JSON is an error. Sessions are read
one at a time: a bad one is reported with its path, line and
link_session_id, and the rest are still shown. With no FILE and standard
input a terminal, it runs on an example response built into the command
(never with -q). Flags may come before or after the files. -json, and
-strict on a single response or session, read the input whole, to write
it back or to check the members beside its sessions.

By default it prints a table of the sessions, newest first, and a summary
that counts them by bank income status, bank employment status and error
code.

  -json      write the decoded value back as indented JSON
  -csv       write one CSV row per session (RFC 4180), in input order, after
             a header row; the columns are
               link_session_id, session_start_time,
               items_added (item_id:institution_id, separated by spaces),
               bank_income_statuses, bank_employment_statuses (separated
               by spaces), payroll_paystubs, payroll_w2s (summed over the
               payroll results; empty when there are none),
               document_paystubs, document_w2s, document_bank_statements,
               document_1099s (empty without document results),
               error_codes (separated by spaces)
  -summary   print only the summary
  -validate  also run Validate and list every problem with its path; an
             enum value the package does not know is a warning
  -strict    validate, and fail on unknown enum values and on members the
             package does not know (Plaid's API has grown)
  -q         print nothing; report only through the exit status
  -h         print this text

Examples:
  creditsessions -validate response.json
  creditsessions -q -validate export.jsonl.gz && echo valid
  curl -s ... | creditsessions -csv > sessions.csv

Exit status: 0 valid (warnings allowed), 1 when any input or session fails
to decode or validate or is an error body, 2 for usage errors. Use
"go install github.com/creditsession/plaid/cmd/creditsessions@latest" in
scripts: go run turns every non-zero status into 1.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the command's flags.
type options struct {
	json, csv, summary, validate, strict, quiet bool
}

// run runs the command with args and the given standard streams, and
// returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opt, names, err := parseArgs(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "creditsessions: %v\n%s", err, usage)
		return 2
	case len(names) == 0 && opt.quiet && !piped(stdin):
		// A script that gets the example's status would be misled.
		fmt.Fprintln(stderr, "creditsessions: -q needs input: a FILE, or standard input that is not a terminal")
		return 2
	}
	if opt.quiet {
		stdout, stderr = io.Discard, io.Discard
	}
	out := newOutput(opt, stdout, stderr)
	defer out.flush()
	if len(names) == 0 {
		return out.standardInput(stdin)
	}
	status := 0
	for _, name := range names {
		if !out.file(name, stdin) {
			status = 1
		}
	}
	return status
}

// parseArgs returns the flags and the file names in args. Flags may come
// before or after the names; after "--" every argument is a name.
func parseArgs(args []string) (options, []string, error) {
	flags := flag.NewFlagSet("creditsessions", flag.ContinueOnError)
	flags.SetOutput(io.Discard) // run prints the usage, to stdout for -h
	var opt options
	flags.BoolVar(&opt.json, "json", false, "")
	flags.BoolVar(&opt.csv, "csv", false, "")
	flags.BoolVar(&opt.summary, "summary", false, "")
	flags.BoolVar(&opt.validate, "validate", false, "")
	flags.BoolVar(&opt.strict, "strict", false, "")
	flags.BoolVar(&opt.quiet, "q", false, "")
	var names []string
	for len(args) > 0 {
		if err := flags.Parse(args); err != nil {
			return opt, nil, err
		}
		rest := flags.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			names = append(names, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		names, args = append(names, rest[0]), rest[1:]
	}
	if opt.json && (opt.csv || opt.summary) || opt.csv && opt.summary {
		return opt, nil, errors.New("-json, -csv and -summary exclude each other")
	}
	opt.validate = opt.validate || opt.strict
	return opt, names, nil
}

// standardInput checks what is piped to stdin. When stdin is a terminal
// or another character device, nothing can be piped: it checks the example
// instead and says so, which is what a newcomer who runs the command with
// no arguments sees. An empty pipe is an error, so that a curl that got
// nothing does not pass.
func (o *output) standardInput(stdin io.Reader) int {
	if !piped(stdin) {
		o.note("No input given: running on the example response built into this command (see -h).")
		return exitStatus(o.check("example", bytesReader(example)))
	}
	return exitStatus(o.check("-", stdin))
}

// file checks the input called name: a file, or stdin for "-".
func (o *output) file(name string, stdin io.Reader) bool {
	if name == "-" {
		if stdin == nil {
			fmt.Fprintf(o.stderr, "-: no standard input\n")
			return false
		}
		return o.check(name, stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintf(o.stderr, "%s: %v\n", name, err)
		return false
	}
	defer f.Close()
	return o.check(name, f)
}

func exitStatus(ok bool) int {
	if ok {
		return 0
	}
	return 1
}

// piped reports whether stdin has input to read: it is not a terminal or
// other character device, such as an interactive shell gives a command.
func piped(stdin io.Reader) bool {
	f, ok := stdin.(*os.File)
	if !ok {
		return stdin != nil
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice == 0
}
