// Command creditsessions reads the JSON of Plaid's /credit/sessions/get,
// checks it with the plaid package, and shows its Link sessions.
//
// Usage:
//
//	creditsessions [-json | -validate | -q] [FILE ...]
//
// It reads each FILE, or standard input when FILE is - or absent and input
// is piped. A file may hold a /credit/sessions/get response, one session,
// or a JSON array of sessions. With no FILE and nothing piped (a terminal
// or an empty standard input), it runs on an example response built into
// the command.
//
// By default it prints a table of the sessions, newest first, and a
// summary. The flags are:
//
//	-json      write the decoded value back as indented JSON
//	-validate  also run Validate and list every problem with its path
//	-q         print nothing; report only through the exit status
//
// The exit status is 0 when every input is valid, 1 when any input fails
// to be read, decoded or validated (each failure is printed to standard
// error as "FILE: plaid: <path>: <problem>"), and 2 for a usage error.
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

const usage = `usage: creditsessions [-json | -validate | -q] [FILE ...]

Reads Plaid /credit/sessions/get JSON (a response, one session, or an array
of sessions) from each FILE, or from standard input when FILE is - or absent
and input is piped, and shows its Link sessions. With no input at all, it
runs on an example response built into the command.

Example:
  creditsessions -validate response.json
  curl -s ... | creditsessions -json

Exit status: 0 valid, 1 when any input fails to decode or validate, 2 for
usage errors.

Flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the command's flags.
type options struct {
	json, validate, quiet bool
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
	flags.BoolVar(&opt.quiet, "q", false, "print nothing; report only through the exit status")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if opt.quiet {
		stdout, stderr = io.Discard, io.Discard
	}
	out := output{opt: opt, stdout: stdout, stderr: stderr}

	names := flags.Args()
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
		if !out.check(displayName(name), data) {
			status = 1
		}
	}
	return status
}

// standardInput checks what is piped to stdin. When nothing is, because
// stdin is a terminal or empty, it checks the example instead and says so:
// that is what a newcomer who runs the command with no arguments sees.
func (o output) standardInput(stdin io.Reader) int {
	var data []byte
	if piped(stdin) {
		var err error
		if data, err = io.ReadAll(stdin); err != nil {
			fmt.Fprintf(o.stderr, "stdin: %v\n", err)
			return 1
		}
	}
	if len(data) > 0 {
		return exitStatus(o.check("stdin", data))
	}
	o.note("No input given: running on the example response built into this command (see -h).")
	return exitStatus(o.check("example", example))
}

func displayName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
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
