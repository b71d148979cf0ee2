// Command creditsessions reads the JSON of Plaid's /credit/sessions/get,
// checks it with the plaid package, and shows its Link sessions.
//
// Usage:
//
//	creditsessions [-json | -validate | -strict | -q] [FILE ...]
//
// It reads each FILE, or standard input when FILE is - or absent. An input
// may hold a /credit/sessions/get response (an object with request_id or
// sessions), Plaid's error body (error_type and error_code), a JSON array
// of sessions, one session, or a request (user_token, client_id or
// secret). An error body is reported as the error it is; any other JSON,
// and empty input, is an error too. With no FILE and standard input a
// terminal, it runs on an example response built into the command, which
// it never does with -q.
//
// By default it prints a table of the sessions, newest first, and a
// summary. The flags are:
//
//	-json      write the decoded value back as indented JSON
//	-validate  also run Validate and list every problem with its path; an
//	           enum value the package does not know is a warning
//	-strict    validate, and fail on unknown enum values and on members the
//	           package does not know (Plaid's API has grown)
//	-q         print nothing; report only through the exit status
//
// The exit status is 0 when every input is valid, 1 when any input fails
// to be read, decoded or validated, or is Plaid's error body (each failure
// is printed to standard error as "FILE: plaid: <path>: <problem>"), and 2
// for a usage error.
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

const usage = `usage: creditsessions [-json | -validate | -strict | -q] [FILE ...]

Reads Plaid /credit/sessions/get JSON (a response, Plaid's error body, an
array of sessions, one session, or a request) from each FILE, or from
standard input when FILE is - or absent, and shows its Link sessions. An
error body, empty input or any other JSON is an error. With no FILE and
standard input a terminal, it runs on an example response built into the
command (never with -q).

Example:
  creditsessions -validate response.json
  curl -s ... | creditsessions -json

Exit status: 0 valid (warnings allowed), 1 when any input fails to decode
or validate or is an error body, 2 for usage errors.

Flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the command's flags.
type options struct {
	json, validate, strict, quiet bool
}

// run runs the command with args and the given standard streams, and
// returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("creditsessions", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), usage)
		flags.PrintDefaults()
	}
	var opt options
	flags.BoolVar(&opt.json, "json", false, "write the decoded value back as indented JSON")
	flags.BoolVar(&opt.validate, "validate", false, "also run Validate and list every problem with its path")
	flags.BoolVar(&opt.strict, "strict", false, "validate, and fail on unknown enum values and unknown members too")
	flags.BoolVar(&opt.quiet, "q", false, "print nothing; report only through the exit status")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	opt.validate = opt.validate || opt.strict
	names := flags.Args()
	if len(names) == 0 && opt.quiet && !piped(stdin) {
		// A script that gets the example's status would be misled.
		fmt.Fprintln(stderr, "creditsessions: -q needs input: a FILE, or standard input that is not a terminal")
		return 2
	}
	if opt.quiet {
		stdout, stderr = io.Discard, io.Discard
	}
	out := output{opt: opt, stdout: stdout, stderr: stderr}
	if len(names) == 0 {
		return out.standardInput(stdin)
	}
	status := 0
	for _, name := range names {
		data, err := read(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			status = 1
			continue
		}
		if !out.check(name, data) {
			status = 1
		}
	}
	return status
}

// standardInput checks what is piped to stdin. When stdin is a terminal
// or another character device, nothing can be piped: it checks the example
// instead and says so, which is what a newcomer who runs the command with
// no arguments sees. An empty pipe is an error, so that a curl that got
// nothing does not pass.
func (o output) standardInput(stdin io.Reader) int {
	if !piped(stdin) {
		o.note("No input given: running on the example response built into this command (see -h).")
		return exitStatus(o.check("example", example))
	}
	data, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintf(o.stderr, "-: %v\n", err)
		return 1
	}
	return exitStatus(o.check("-", data))
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

// read returns the contents of the file name, or of stdin for "-".
func read(name string, stdin io.Reader) ([]byte, error) {
	if name != "-" {
		return os.ReadFile(name)
	}
	if stdin == nil {
		return nil, errors.New("no standard input")
	}
	return io.ReadAll(stdin)
}
