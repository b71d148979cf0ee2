package plaid

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "update golden files")

// goldenInputs returns the JSON files in testdata, each decoded into the
// type its name says: request*.json are requests, error*.json Plaid's
// error bodies, the rest responses.
func goldenInputs(t testing.TB) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	inputs := make(map[string][]byte)
	for _, path := range paths {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		inputs[path] = data
	}
	return inputs
}

// newValue returns a pointer to the type that the golden file at path holds.
func newValue(path string) any {
	switch base := filepath.Base(path); {
	case strings.HasPrefix(base, "request"):
		return new(CreditSessionsGetRequest)
	case strings.HasPrefix(base, "error"):
		return new(Error)
	}
	return new(CreditSessionsGetResponse)
}

func TestGolden(t *testing.T) {
	for path, data := range goldenInputs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			v := newValue(path)
			require.NoError(t, json.Unmarshal(data, v))
			got, err := json.MarshalIndent(v, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')

			golden := strings.TrimSuffix(path, ".json") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -run Golden -update to create it")
			assert.Equal(t, string(want), string(got), "json.MarshalIndent of %s differs from %s", path, golden)
		})
	}
}

func TestGolden_lossless(t *testing.T) {
	for path, data := range goldenInputs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			v := newValue(path)
			require.NoError(t, json.Unmarshal(data, v))
			out, err := json.Marshal(v)
			require.NoError(t, err)
			assertSameJSON(t, reflect.TypeOf(v).Elem(), data, out)
		})
	}
}

// assertSameJSON checks that out is the same JSON value as in, which
// holds a value of type typ, but for the known members that were null in
// in, which may be left out.
func assertSameJSON(t *testing.T, typ reflect.Type, in, out []byte) {
	t.Helper()
	want, got := decodeAny(t, in), decodeAny(t, out)
	dropKnownNulls(want, typ)
	assert.Equal(t, want, got, "output is not the same JSON value as the input:\n%s", out)
}

func decodeAny(t *testing.T, data []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v))
	return v
}

// dropKnownNulls deletes from v, a JSON value decoded into any that holds
// a value of type typ, the members that are null and known to the schema
// of the object they are in.
func dropKnownNulls(v any, typ reflect.Type) {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
		typ = typ.Elem()
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			dropKnownNulls(e, typ)
		}
	case map[string]any:
		if typ.Kind() != reflect.Struct {
			return
		}
		for _, m := range schemaOf(typ).members {
			switch value, ok := v[m.name]; {
			case ok && value == nil:
				delete(v, m.name)
			case ok:
				dropKnownNulls(value, m.span.typ)
			}
		}
	}
}
