package plaid

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// The naive model is what a user would write by hand: plain structs with
// the same json tags and no methods. The benchmarks compare against it.
type (
	naiveResponse struct {
		Sessions  []naiveSession `json:"sessions,omitempty"`
		RequestID string         `json:"request_id"`
	}
	naiveSession struct {
		LinkSessionID    *string       `json:"link_session_id,omitempty"`
		SessionStartTime *string       `json:"session_start_time,omitempty"`
		Results          *naiveResults `json:"results,omitempty"`
		Errors           []naiveError  `json:"errors,omitempty"`
	}
	naiveResults struct {
		ItemAddResults        []naiveItemAdd        `json:"item_add_results,omitempty"`
		BankIncomeResults     []naiveBankStatus     `json:"bank_income_results,omitempty"`
		BankEmploymentResults []naiveBankStatus     `json:"bank_employment_results,omitempty"`
		PayrollIncomeResults  []naivePayroll        `json:"payroll_income_results,omitempty"`
		DocumentIncomeResults *naiveDocumentResults `json:"document_income_results,omitempty"`
	}
	naiveItemAdd struct {
		PublicToken   *string `json:"public_token,omitempty"`
		ItemID        *string `json:"item_id,omitempty"`
		InstitutionID *string `json:"institution_id,omitempty"`
	}
	naiveBankStatus struct {
		Status        *string `json:"status,omitempty"`
		ItemID        *string `json:"item_id,omitempty"`
		InstitutionID *string `json:"institution_id,omitempty"`
	}
	naivePayroll struct {
		NumPaystubsRetrieved *int    `json:"num_paystubs_retrieved,omitempty"`
		NumW2sRetrieved      *int    `json:"num_w2s_retrieved,omitempty"`
		InstitutionID        *string `json:"institution_id,omitempty"`
		InstitutionName      *string `json:"institution_name,omitempty"`
	}
	naiveDocumentResults struct {
		NumPaystubsUploaded       int `json:"num_paystubs_uploaded"`
		NumW2sUploaded            int `json:"num_w2s_uploaded"`
		NumBankStatementsUploaded int `json:"num_bank_statements_uploaded"`
		Num1099sUploaded          int `json:"num_1099s_uploaded"`
	}
	naiveError struct {
		ErrorType      *string `json:"error_type,omitempty"`
		ErrorCode      *string `json:"error_code,omitempty"`
		ErrorMessage   *string `json:"error_message,omitempty"`
		DisplayMessage *string `json:"display_message,omitempty"`
	}
)

// noop is the floor of decoding through json.Unmarshal: a value whose
// UnmarshalJSON does nothing, so only encoding/json's own passes over the
// input are measured.
type noop struct{}

func (*noop) UnmarshalJSON([]byte) error { return nil }

// precomputed is the floor of encoding through json.Marshal: a value whose
// MarshalJSON costs nothing, so only encoding/json's own pass is measured.
type precomputed []byte

func (p precomputed) MarshalJSON() ([]byte, error) { return p, nil }

// benchResponse returns a response of n sessions with every kind of result,
// an error each, and unknown members in every fourth.
func benchResponse(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"sessions":[`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		extra := ""
		if i%4 == 0 {
			extra = benchUnknown
		}
		item := fmt.Sprintf("item-%08d-M5eVJqLnv3tbzdngLDp9FL5OlDNx", i)
		fmt.Fprintf(&b, `
  {"link_session_id":"%08x-7f98-44d1-8e6d-e1f2a9b3c4d5","session_start_time":"2022-09-%02dT23:40:%02d.%06dZ",
   "results":{
    "item_add_results":[{"public_token":"public-production-%08x-8314-4491-a06f-39e193d5cddc","item_id":%q,"institution_id":"ins_%d"}],
    "bank_income_results":[{"status":"APPROVED","item_id":%q,"institution_id":"ins_%d"}],
    "bank_employment_results":[{"status":"NO_EMPLOYERS_FOUND","item_id":%q,"institution_id":"ins_%d"}],
    "payroll_income_results":[{"num_paystubs_retrieved":%d,"num_w2s_retrieved":%d,"institution_id":"ins_%d","institution_name":"ADP Workforce Now"}],
    "document_income_results":{"num_paystubs_uploaded":%d,"num_w2s_uploaded":1,"num_bank_statements_uploaded":3,"num_1099s_uploaded":0}},
   "errors":[{"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED","error_message":"the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information","display_message":null}]%s}`,
			i, i%28+1, i%60, i*997%1000000, i, item, i%500, item, i%500, item, i%500, i%5, i%3, i%500, i%4, extra)
	}
	b.WriteString(`],"request_id":"Ay5Xw9Kz3PqR8tM"}`)
	return []byte(b.String())
}

// benchUnknown is what every fourth session of benchResponse holds that
// this package does not know: two members, one of them an object.
const benchUnknown = `,"link_customization_name":"default","risk":{"score":0.12,"flags":["new_device"]}`

var benchSizes = []struct {
	name     string
	sessions int
}{
	{"small", 2},
	{"large", 1000},
}

func BenchmarkDecode(b *testing.B) {
	for _, size := range benchSizes {
		data := benchResponse(size.sessions)
		// The two sides of a ratio run next to each other, the closest
		// target first: with -count, each runs its count in a block, and
		// a shared machine can change speed between blocks.
		b.Run("size="+size.name+"/impl=naive", func(b *testing.B) {
			benchDecode(b, data, on(data, decodeNaive))
		})
		b.Run("size="+size.name+"/impl=plaid-unmarshal", func(b *testing.B) {
			benchDecode(b, data, on(data, decodeUnmarshal))
		})
		b.Run("size="+size.name+"/impl=plaid-direct", func(b *testing.B) {
			benchDecode(b, data, on(data, decodeDirect))
		})
		b.Run("size="+size.name+"/impl=floor", func(b *testing.B) {
			benchDecode(b, data, on(data, decodeFloor))
		})
	}
}

// The decodes that BenchmarkDecode and BenchmarkRatio compare, each of
// data into a new value: naive's, ours through json.Unmarshal and
// directly, and encoding/json's floor.
func decodeNaive(data []byte) error {
	var v naiveResponse
	return json.Unmarshal(data, &v)
}

func decodeUnmarshal(data []byte) error {
	var v CreditSessionsGetResponse
	return json.Unmarshal(data, &v)
}

func decodeDirect(data []byte) error {
	var v CreditSessionsGetResponse
	return v.UnmarshalJSON(data)
}

func decodeFloor(data []byte) error {
	var v noop
	return json.Unmarshal(data, &v)
}

// on returns decode bound to data, as a side of a benchmark takes it.
func on(data []byte, decode func([]byte) error) func() error {
	return func() error { return decode(data) }
}

func benchDecode(b *testing.B, data []byte, decode func() error) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := decode(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchValues returns a response of n sessions as JSON, decoded into the
// naive model and into ours, and as our encoder writes it.
func benchValues(b *testing.B, n int) ([]byte, naiveResponse, CreditSessionsGetResponse, []byte) {
	return benchValuesOf(b, benchResponse(n))
}

// benchValuesOf returns data decoded into the naive model and into ours,
// and as our encoder writes it.
func benchValuesOf(b *testing.B, data []byte) ([]byte, naiveResponse, CreditSessionsGetResponse, []byte) {
	var naive naiveResponse
	var v CreditSessionsGetResponse
	if err := json.Unmarshal(data, &naive); err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	out, err := v.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	return data, naive, v, out
}

func BenchmarkEncode(b *testing.B) {
	for _, size := range benchSizes {
		_, naive, v, out := benchValues(b, size.sessions)
		floor := precomputed(out)
		// As in BenchmarkDecode, each ratio's two sides run next to each
		// other.
		b.Run("size="+size.name+"/impl=naive", func(b *testing.B) {
			benchEncode(b, out, func() ([]byte, error) { return json.Marshal(naive) })
		})
		b.Run("size="+size.name+"/impl=plaid-direct", func(b *testing.B) {
			benchEncode(b, out, v.MarshalJSON)
		})
		b.Run("size="+size.name+"/impl=floor", func(b *testing.B) {
			benchEncode(b, out, func() ([]byte, error) { return json.Marshal(floor) })
		})
		b.Run("size="+size.name+"/impl=plaid-marshal", func(b *testing.B) {
			benchEncode(b, out, func() ([]byte, error) { return json.Marshal(v) })
		})
	}
}

func benchEncode(b *testing.B, out []byte, encode func() ([]byte, error)) {
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := encode(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeReused measures the encoder's own work: it encodes into a
// buffer it wrote the time before, so that it neither allocates its result
// nor writes memory new to the caches, which together take a third to a
// half of the time of the direct encode and most of its spread. A
// change to how values are written shows here in turns with the build
// before it, when it does not show beyond the noise of the direct encode.
// No target is set on it.
func BenchmarkEncodeReused(b *testing.B) {
	for _, size := range benchSizes {
		_, _, v, out := benchValues(b, size.sessions)
		buf := make([]byte, 0, 2*len(out))
		b.Run("size="+size.name, func(b *testing.B) {
			b.SetBytes(int64(len(out)))
			for b.Loop() {
				var err error
				if buf, err = appendObject(buf[:0], &v, &creditSessionsGetResponseSchema.codec, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRatio measures the four ratios the speed targets are set on,
// as its "ratio" metric: the time per operation of ours over that of the
// baseline. The two sides take turns in stints of about 200µs (see
// stintOf), or of one turn each where a turn takes longer, each long
// enough to run with warm caches, so that a shared machine that changes
// speed during the run slows both alike; -count measures one side in a
// block of several seconds and then the other. Its ns/op is the mean of
// both sides.
func BenchmarkRatio(b *testing.B) {
	for _, size := range benchSizes {
		benchRatios(b, "size="+size.name, benchResponse(size.sessions), nil)
	}
}

// BenchmarkRatioNoUnknown measures the direct paths of BenchmarkRatio on
// the same responses with their unknown members taken out, which shows
// what keeping them costs; naive drops them, and writes none. No target is
// set on it. It is a benchmark of its own, not more paths of
// BenchmarkRatio, so that each measures with a heap that holds only its
// own values: the collector runs less often in a larger heap, and the
// values of both responses at once moved the large encode by a sixth. A
// path still reads up to a tenth higher after others have run in the same
// process, so the README compares each path in a process of its own.
func BenchmarkRatioNoUnknown(b *testing.B) {
	for _, size := range benchSizes {
		known := bytes.ReplaceAll(benchResponse(size.sessions), []byte(benchUnknown), nil)
		benchRatios(b, "size="+size.name, known, []string{"decode-direct", "encode-direct"})
	}
}

// benchRatios runs the paths of BenchmarkRatio on data, or those of them
// named in only.
func benchRatios(b *testing.B, prefix string, data []byte, only []string) {
	data, naive, v, out := benchValuesOf(b, data)
	floor := precomputed(out)
	naiveDecode := on(data, decodeNaive)
	naiveEncode := func() error { _, err := json.Marshal(naive); return err }
	ourMarshal := func() error { _, err := json.Marshal(v); return err }
	paths := []struct {
		name     string
		ours, vs func() error
	}{
		{"decode-direct", on(data, decodeDirect), naiveDecode},
		{"decode-unmarshal", on(data, decodeUnmarshal), naiveDecode},
		{"encode-direct", func() error { _, err := v.MarshalJSON(); return err }, naiveEncode},
		{"encode-marshal", ourMarshal, func() error { _, err := json.Marshal(floor); return err }},
		{"encode-marshal-vs-naive", ourMarshal, naiveEncode},
		{"reader-vs-direct", on(data, readSessions), on(data, decodeDirect)},
		// Not a target: our decoder's syntax check alone, building
		// no values, which bounds from below what a direct decode
		// can take.
		{"syntax-vs-naive", on(data, checkSyntax), naiveDecode},
		// Not a target: encoding/json's own passes over the input
		// before it calls an UnmarshalJSON that does nothing. Its sum
		// with syntax-vs-naive bounds decode-unmarshal from below.
		{"unmarshal-floor-vs-naive", on(data, decodeFloor), naiveDecode},
		// Not a target either: a copy of our encoder's output alone, in
		// memory allocated for it, which bounds from below what a direct
		// encode can take, since any encoder allocates its result.
		{"copy-vs-naive", func() error { return copyOutput(out) }, naiveEncode},
	}
	for _, path := range paths {
		if only != nil && !slices.Contains(only, path.name) {
			continue
		}
		b.Run(prefix+"/path="+path.name, func(b *testing.B) {
			benchRatio(b, path.ours, path.vs)
		})
	}
}

// copyOutput copies out into memory allocated for it, as an encoder that
// knew its output and only had to hand it out would.
func copyOutput(out []byte) error {
	if c := bytes.Clone(out); len(c) != len(out) {
		return errors.New("short copy")
	}
	return nil
}

// readSessions reads the sessions of data with a SessionReader, as a
// program that handles one at a time would, keeping none.
func readSessions(data []byte) error {
	for _, err := range NewSessionReader(bytes.NewReader(data)).All() {
		if err != nil {
			return err
		}
	}
	return nil
}

// stintOf returns how many turns of each side make a stint of about
// 200µs, from the fastest of up to ten pairs of turns. The first pair runs
// cold: for the small response it took 40-110µs, ten to thirty times a
// warm pair, and stints set from it alone held one to four turns, so that
// each side ran mostly just after the other, with cold caches.
func stintOf(b *testing.B, ours, vs func() error) int {
	const stintTime = 200 * time.Microsecond
	pair := time.Duration(math.MaxInt64)
	for range 10 {
		start := time.Now()
		if err := cmp.Or(ours(), vs()); err != nil {
			b.Fatal(err)
		}
		if pair = min(pair, time.Since(start)); pair >= stintTime {
			break // a stint of one turn, as any later pair would give
		}
	}
	return max(1, int(stintTime/(pair+1)))
}

func benchRatio(b *testing.B, ours, vs func() error) {
	stint := stintOf(b, ours, vs)
	sides := [2]func() error{ours, vs}
	var took [2]time.Duration
	var ops [2]int
	side, left := 0, stint
	t0 := time.Now()
	for b.Loop() {
		if err := sides[side](); err != nil {
			b.Fatal(err)
		}
		ops[side]++
		if left--; left == 0 {
			t := time.Now()
			took[side] += t.Sub(t0)
			t0, side, left = t, 1-side, stint
		}
	}
	took[side] += time.Since(t0)
	if ops[0] > 0 && ops[1] > 0 {
		perOp := func(i int) float64 { return float64(took[i]) / float64(ops[i]) }
		b.ReportMetric(perOp(0)/perOp(1), "ratio")
	}
}

// BenchmarkAfter times one piece of work, as its "ns/timed" metric, when
// it runs after another rather than alone: encoding/json's own passes of
// json.Unmarshal (its floor) after the parts of our direct decode, and our
// encoder after what json.Marshal does around it. It shows where the time
// goes that json.Unmarshal and json.Marshal of our types take over the sum
// of their parts, which the README's Performance section reports. The
// "unwritten" and "rewrite" cases tell the two costs of an allocation
// apart: the first allocates as many bytes as the room or the result and
// writes one of them, the second writes as many into memory it reuses.
func BenchmarkAfter(b *testing.B) {
	data, _, v, out := benchValues(b, 2)
	buf := make([]byte, 0, 2*len(out))
	roomSize := int(reflect.TypeFor[responseRoom]().Size())
	reused := make([]byte, max(roomSize, len(out)))
	floor := on(data, decodeFloor)
	nothing := func() error { return nil }
	encode := func() (err error) {
		buf, err = appendObject(buf[:0], &v, &creditSessionsGetResponseSchema.codec, false)
		return err
	}
	cases := []struct {
		name         string
		timed, after func() error
	}{
		{"floor/after=nothing", floor, nothing},
		{"floor/after=syntax", floor, on(data, checkSyntax)},
		{"floor/after=room", floor, func() error { afterSink = new(responseRoom); return nil }},
		{"floor/after=direct", floor, on(data, decodeDirect)},
		{"floor/after=unwritten", floor, unwritten(roomSize)},
		{"floor/after=rewrite", floor, func() error { clear(reused[:roomSize]); return nil }},
		{"encode/after=nothing", encode, nothing},
		{"encode/after=floor", encode, floor},
		{"encode/after=result", encode, func() error { afterSink = make([]byte, len(out)); return nil }},
		{"encode/after=unwritten", encode, unwritten(len(out))},
		{"encode/after=rewrite", encode, func() error { clear(reused[:len(out)]); return nil }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var took time.Duration
			for b.Loop() {
				start := time.Now()
				err := c.timed()
				took += time.Since(start)
				if err = cmp.Or(err, c.after()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(took)/float64(b.N), "ns/timed")
		})
	}
}

// afterSink keeps BenchmarkAfter's allocations on the heap, as the
// values of a decode and the result of an encode are; afterText keeps
// those of unwritten, without boxing them.
var (
	afterSink any
	afterText string
)

// unwritten returns a function that allocates n bytes on the heap and
// writes one of them: strings.Builder.Grow allocates without zeroing, in
// every build. It does not call newBuffer, which does the same in the
// default build, because the purego build's newBuffer zeroes its room.
func unwritten(n int) func() error {
	return func() error {
		var b strings.Builder
		b.Grow(n)
		b.WriteByte(0)
		afterText = b.String()
		return nil
	}
}
