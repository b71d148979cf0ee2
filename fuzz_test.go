package plaid

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"testing"
	"time"
)

// addGoldenSeeds seeds f with the golden inputs, and with each of their
// sessions on its own.
func addGoldenSeeds(f *testing.F, sessions bool) {
	for _, data := range goldenInputs(f) {
		if !sessions {
			f.Add(data)
			continue
		}
		var r struct{ Sessions []json.RawMessage }
		if json.Unmarshal(data, &r) == nil {
			for _, s := range r.Sessions {
				f.Add([]byte(s))
			}
		}
	}
}

func FuzzCreditSessionsGetResponse(f *testing.F) {
	addGoldenSeeds(f, false)
	f.Add([]byte(`{"request_id":"r","sessions":[{"x":{"a":[1,"\u00e9",null]}}]}`))
	f.Add([]byte(`{"error_type":"ITEM_ERROR","error_code":"X","error_message":"","causes":[` +
		`{"error_type":"ITEM_ERROR","error_code":"A","error_message":"","causes":[{"error_type":"ITEM_ERROR","error_code":"A1","error_message":""}]},` +
		`{"error_type":"ITEM_ERROR","error_code":"B","error_message":""}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip[CreditSessionsGetResponse](t, data)
	})
}

func FuzzCreditSession(f *testing.F) {
	addGoldenSeeds(f, true)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip[CreditSession](t, data)
	})
}

// FuzzSessionReader checks that for every input that UnmarshalJSON
// accepts as a response, a SessionReader yields the same sessions and
// request_id, whether it reads the input whole or in small pieces, and
// that on any input it ends without panicking.
func FuzzSessionReader(f *testing.F) {
	addGoldenSeeds(f, false)
	f.Add([]byte(`{"request_id":"r","sessions":[{"x":{"a":[1,"\u00e9",null]}},{"link_session_id":"\u0041"}]}`))
	f.Add([]byte("[{\"link_session_id\":\"a\"}]\n{\"errors\":[]}"))
	// A repeated kind of string, with escapes and then without: see again.
	f.Add([]byte(`{"sessions":[{"errors":[{"error_message":"a\"b"}]},{"errors":[{"error_message":"a\"b"},{"error_message":"ab"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		piece := len(data)%13 + 1 // varied, and the same for the same input
		read := func(in io.Reader) ([]CreditSession, []string, string) {
			r := NewSessionReader(in)
			var sessions []CreditSession
			var errs []string
			for s, err := range r.All() {
				if err != nil {
					errs = append(errs, err.Error())
					continue
				}
				sessions = append(sessions, s)
			}
			return sessions, errs, r.RequestID()
		}
		whole, wholeErrs, id := read(bytes.NewReader(data))
		pieces, pieceErrs, pieceID := read(&chunkReader{data: data, n: piece})
		if !reflect.DeepEqual(whole, pieces) || !reflect.DeepEqual(wholeErrs, pieceErrs) || id != pieceID {
			t.Fatalf("read whole and in pieces of %d differ on %q:\n%v %q\n%v %q", piece, data, wholeErrs, id, pieceErrs, pieceID)
		}
		var want CreditSessionsGetResponse
		if want.UnmarshalJSON(data) != nil {
			return
		}
		if len(wholeErrs) > 0 || !reflect.DeepEqual(want.Sessions, whole) && len(want.Sessions)+len(whole) > 0 || want.RequestID != id {
			t.Fatalf("UnmarshalJSON and SessionReader differ on %q:\n%#v\n%#v %q", data, want.Sessions, whole, wholeErrs)
		}
	})
}

// fuzzRoundTrip checks that decoding data does not panic, and that when
// it succeeds, json.Unmarshal agrees, and marshal, decode and marshal again
// give the same bytes. It also decodes data followed by enough white space
// for its objects to come from slabs, which must change nothing.
func fuzzRoundTrip[T any, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte) {
	var v, slabbed T
	err := P(&v).UnmarshalJSON(data)
	padded := append(bytes.Clone(data), bytes.Repeat([]byte{' '}, minSlabbed)...)
	slabErr := P(&slabbed).UnmarshalJSON(padded)
	if (err == nil) != (slabErr == nil) || err == nil && !reflect.DeepEqual(v, slabbed) {
		t.Fatalf("decoding %q with and without slabs differs: %v, %v\n%#v\n%#v", data, err, slabErr, v, slabbed)
	}
	var body, slabBody *Error
	if errors.As(err, &body) != errors.As(slabErr, &slabBody) || !reflect.DeepEqual(body, slabBody) {
		t.Fatalf("decoding the error body %q with and without slabs differs:\n%#v\n%#v", data, body, slabBody)
	}
	if err != nil {
		return
	}
	second := reencode[T](t, data)
	if direct, err := json.Marshal(v); err != nil || !bytes.Equal(direct, second) {
		t.Fatalf("UnmarshalJSON and json.Unmarshal of %q differ: %s, %s (%v)", data, direct, second, err)
	}
	// What encoding/json reads from the input and from the output must be
	// the same, but for known members that were null. Numbers compare as
	// float64, so that -0 written back as 0 is the same.
	var want, got any
	if json.Unmarshal(data, &want) == nil && want != nil {
		if err := json.Unmarshal(second, &got); err != nil {
			t.Fatalf("json.Unmarshal of the output %s: %v", second, err)
		}
		dropKnownNulls(want, reflect.TypeFor[T]())
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("the output is not the input's value:\ninput  %q\noutput %s", data, second)
		}
	}
	if third := reencode[T](t, second); !bytes.Equal(second, third) {
		t.Fatalf("marshal is not stable:\ninput  %q\nsecond %s\nthird  %s", data, second, third)
	}
}

// reencode decodes data into a T with json.Unmarshal and marshals it again.
func reencode[T any](t *testing.T, data []byte) []byte {
	t.Helper()
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("json.Unmarshal(%q): %v", data, err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal after decoding %q: %v", data, err)
	}
	return out
}

func FuzzParseDate(f *testing.F) {
	for _, data := range goldenInputs(f) {
		var r struct {
			Sessions []struct {
				SessionStartTime string `json:"session_start_time"`
			} `json:"sessions"`
		}
		if json.Unmarshal(data, &r) == nil {
			for _, s := range r.Sessions {
				f.Add(s.SessionStartTime)
			}
		}
	}
	for _, s := range []string{"2023-02-29", "2022-09-30T24:00:00Z", "0000-01-01T00:00:00-00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if again := MustParseDate(d.String()); again != d {
			t.Fatalf("ParseDate(%q) = %#v, then %#v", s, d, again)
		}
		// The encoder of the types writes a date on a path of its own.
		if got, err := (CreditSession{SessionStartTime: &d}).MarshalJSON(); err != nil || string(got) != `{"session_start_time":"`+s+`"}` {
			t.Fatalf("a session that started at %q marshals to %s, %v", s, got, err)
		}
		if !d.HasTime() {
			return
		}
		// time.Parse accepts more than ParseDate, but must agree on the
		// instant of everything ParseDate accepts.
		want, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatalf("ParseDate(%q) accepted what time.Parse did not: %v", s, err)
		}
		if !d.Time().Equal(want) {
			t.Fatalf("ParseDate(%q).Time() = %v, time.Parse gives %v", s, d.Time(), want)
		}
	})
}

// FuzzAppendString checks that appendString quotes any string as
// encoding/json does.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", `a"b\c`, "<&>\u2028\u2029", "\xff\xfe", "日本\x00\x1f", "0123456789abcdef<"} {
		f.Add(s)
	}
	f.Fuzz(checkAppendString)
}
