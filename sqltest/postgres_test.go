package sqltest

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/creditsession/plaid"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openDB connects to the server that PLAID_TEST_DATABASE_URL names, on one
// connection, so that temporary tables and the time zone hold for every
// statement, and in UTC, in which Date counts a calendar date.
func openDB(t *testing.T) *sql.DB {
	t.Helper()
	url := os.Getenv("PLAID_TEST_DATABASE_URL")
	if url == "" && os.Getenv("CI") != "" {
		t.Fatal("PLAID_TEST_DATABASE_URL is not set: in CI the database tests must run; .ci/run starts the server with .ci/postgres")
	}
	if url == "" {
		t.Skip("PLAID_TEST_DATABASE_URL is not set: set it to a PostgreSQL connection string " +
			`(such as "host=/tmp/pg dbname=postgres user=postgres") to run these tests; bash .ci/run starts a server and does`)
	}
	db, err := sql.Open("pgx", url)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	_, err = db.Exec(`SET TIME ZONE 'UTC'`)
	require.NoError(t, err)
	return db
}

// sessionsTable has a column of each kind a service stores sessions in.
// doc is jsonb; doc_json is json, for the sessions that jsonb refuses.
const sessionsTable = `CREATE TEMP TABLE sessions (
	n               int PRIMARY KEY,
	link_session_id text,
	start_text      text,
	start_ts        timestamptz,
	start_date      date,
	status          text,
	doc             jsonb,
	doc_json        json
)`

// goldenSessions returns every session of the package's golden responses,
// one with a U+0000 in an error's display_message, and an empty one.
func goldenSessions(t *testing.T) []plaid.CreditSession {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "*.json"))
	require.NoError(t, err)
	var sessions []plaid.CreditSession
	for _, path := range paths {
		if strings.HasPrefix(filepath.Base(path), "request") || strings.HasPrefix(filepath.Base(path), "error") {
			continue
		}
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		var r plaid.CreditSessionsGetResponse
		require.NoError(t, json.Unmarshal(data, &r), path)
		sessions = append(sessions, r.Sessions...)
	}
	var nul plaid.CreditSession
	require.NoError(t, json.Unmarshal([]byte(`{"link_session_id":"ls-nul","session_start_time":"2022-11-01","errors":[{"display_message":"nul\u0000byte"}]}`), &nul))
	sessions = append(sessions, nul, plaid.CreditSession{})
	require.Greater(t, len(sessions), 5)
	return sessions
}

// holdsNUL reports whether s's JSON has a U+0000 in a string, which
// PostgreSQL's jsonb refuses: its text type cannot hold one. Such sessions
// go into a json column, which keeps the JSON text as it is.
func holdsNUL(t *testing.T, s plaid.CreditSession) bool {
	data, err := json.Marshal(s)
	require.NoError(t, err)
	return strings.Contains(string(data), `\u0000`)
}

func TestSessions_roundTrip(t *testing.T) {
	db := openDB(t)
	_, err := db.Exec(sessionsTable)
	require.NoError(t, err)
	sessions := goldenSessions(t)
	for i, s := range sessions {
		var date *plaid.Date
		if !s.GetSessionStartTime().HasTime() {
			date = s.SessionStartTime
		}
		var status *plaid.CreditSessionBankIncomeStatus
		if results := s.GetResults().GetBankIncomeResults(); len(results) > 0 {
			status = results[0].Status
		}
		doc, docJSON := any(s), any(nil)
		if holdsNUL(t, s) {
			doc, docJSON = nil, s
		}
		_, err := db.Exec(`INSERT INTO sessions VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			i, s.LinkSessionID, s.SessionStartTime, s.SessionStartTime, date, status, doc, docJSON)
		require.NoError(t, err, "session %d", i)
	}

	rows, err := db.Query(`SELECT n, link_session_id, start_text, start_text, start_ts, start_date, status,
		coalesce(doc::text, doc_json::text) FROM sessions ORDER BY n`)
	require.NoError(t, err)
	defer rows.Close()
	read := 0
	for rows.Next() {
		var (
			n              int
			id             *string
			text, ts, date plaid.Date
			startPtr       *plaid.Date
			status         *plaid.CreditSessionBankIncomeStatus
			back           plaid.CreditSession
		)
		require.NoError(t, rows.Scan(&n, &id, &text, &startPtr, &ts, &date, &status, &back))
		s := sessions[n]
		assert.Equal(t, s.LinkSessionID, id, "session %d: link_session_id, or a nil pointer for NULL", n)
		assert.Equal(t, s.GetSessionStartTime(), text, "session %d: text keeps the Date's text", n)
		assert.Equal(t, s.GetSessionStartTime().String(), text.String())
		// timestamptz keeps microseconds: a Date with nanoseconds comes
		// back rounded to the nearest one.
		drift := s.GetSessionStartTime().Time().Sub(ts.Time())
		assert.Less(t, drift.Abs(), time.Microsecond, "session %d: timestamptz keeps the instant of %s, got %s", n, s.GetSessionStartTime(), ts)
		assert.Equal(t, s.GetSessionStartTime().IsZero(), ts.IsZero(), "session %d: NULL for no Date", n)
		if start := s.GetSessionStartTime(); !start.HasTime() && !start.IsZero() {
			y1, m1, d1 := start.Time().Date()
			y2, m2, d2 := date.Time().Date()
			assert.Equal(t, [3]int{y1, int(m1), d1}, [3]int{y2, int(m2), d2}, "session %d: date keeps the day", n)
		} else {
			assert.True(t, date.IsZero(), "session %d: NULL is the zero Date", n)
		}
		if results := s.GetResults().GetBankIncomeResults(); len(results) > 0 {
			assert.Equal(t, results[0].Status, status, "session %d: the status comes back as its type", n)
		} else {
			assert.Nil(t, status)
		}
		assertSameJSON(t, s, back)
		assert.Equal(t, s.SessionStartTime, startPtr, "session %d: a *Date, nil for NULL", n)
		read++
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, len(sessions), read)
}

// jsonValue returns v's JSON decoded into any, to compare as JSON values.
func jsonValue(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	var value any
	require.NoError(t, json.Unmarshal(data, &value))
	return value
}

// assertSameJSON checks that back, read from a jsonb column, which orders
// members its own way and writes numbers as numeric, is the same JSON
// value as want.
func assertSameJSON(t *testing.T, want, back plaid.CreditSession) {
	t.Helper()
	assert.Equal(t, jsonValue(t, want), jsonValue(t, back))
}

func TestSessions_jsonbRefusesNUL(t *testing.T) {
	db := openDB(t)
	var s plaid.CreditSession
	require.NoError(t, json.Unmarshal([]byte(`{"link_session_id":"nul\u0000byte"}`), &s))
	var out string
	err := db.QueryRow(`SELECT $1::jsonb::text`, s).Scan(&out)
	assert.ErrorContains(t, err, "unsupported Unicode escape sequence", "this is why such sessions go into a json column")
	require.NoError(t, db.QueryRow(`SELECT $1::json::text`, s).Scan(&out))
	var back plaid.CreditSession
	require.NoError(t, back.Scan(out))
	assert.Equal(t, s, back)
}

func TestSessions_transaction(t *testing.T) {
	db := openDB(t)
	ctx := context.Background()
	_, err := db.Exec(`CREATE TEMP TABLE bulk (link_session_id text PRIMARY KEY, started timestamptz, doc jsonb NOT NULL)`)
	require.NoError(t, err)

	statuses := []plaid.CreditSessionBankIncomeStatus{plaid.CreditSessionBankIncomeStatusApproved, plaid.CreditSessionBankIncomeStatusStarted,
		plaid.CreditSessionBankIncomeStatusNoDepositsFound, "VERIFICATION_PENDING_REVIEW"}
	tx, err := db.BeginTx(ctx, nil)
	require.NoError(t, err)
	insert, err := tx.PrepareContext(ctx, `INSERT INTO bulk VALUES ($1, $2, $3)`)
	require.NoError(t, err)
	want := map[plaid.CreditSessionBankIncomeStatus][]string{}
	for i := range 1000 {
		status := statuses[i%len(statuses)]
		start := plaid.NewDateTime(time.Date(2022, 9, 30, 0, 0, i, i*1000, time.UTC))
		s := plaid.CreditSession{LinkSessionID: plaid.Ptr(fmt.Sprintf("ls-%04d", i)), SessionStartTime: &start,
			Results: &plaid.CreditSessionResults{BankIncomeResults: []plaid.CreditSessionBankIncomeResult{{Status: &status, ItemID: plaid.Ptr("item")}}}}
		_, err := insert.ExecContext(ctx, s.LinkSessionID, s.SessionStartTime, s)
		require.NoError(t, err)
		want[status] = append(want[status], s.GetLinkSessionID())
	}
	require.NoError(t, insert.Close())
	require.NoError(t, tx.Commit())

	for _, status := range statuses {
		rows, err := db.QueryContext(ctx, `SELECT doc, started FROM bulk
			WHERE doc -> 'results' -> 'bank_income_results' -> 0 ->> 'status' = $1 ORDER BY link_session_id`, status)
		require.NoError(t, err)
		var got []string
		for rows.Next() {
			var s plaid.CreditSession
			var started plaid.Date
			require.NoError(t, rows.Scan(&s, &started))
			assert.Equal(t, status, s.GetResults().GetBankIncomeResults()[0].GetStatus())
			assert.True(t, s.GetSessionStartTime().Equal(started), "%s and %s", s.GetSessionStartTime(), started)
			got = append(got, s.GetLinkSessionID())
		}
		require.NoError(t, rows.Err())
		rows.Close()
		assert.Equal(t, want[status], got, "the sessions with status %s", status)
	}
}

func TestEnums_asArgumentsAndTargets(t *testing.T) {
	db := openDB(t)
	var income plaid.CreditSessionBankIncomeStatus
	var employment plaid.CreditSessionBankEmploymentStatus
	var errorType plaid.ErrorType
	var unknown plaid.CreditSessionBankIncomeStatus
	err := db.QueryRow(`SELECT $1::text, $2::text, $3::text, $4::text`,
		plaid.CreditSessionBankIncomeStatusApproved, plaid.CreditSessionBankEmploymentStatusEmployerNotListed,
		plaid.ErrorTypeItemError, plaid.CreditSessionBankIncomeStatus("NEW_STATUS")).Scan(&income, &employment, &errorType, &unknown)
	require.NoError(t, err)
	assert.Equal(t, plaid.CreditSessionBankIncomeStatusApproved, income)
	assert.Equal(t, plaid.CreditSessionBankEmploymentStatusEmployerNotListed, employment)
	assert.Equal(t, plaid.ErrorTypeItemError, errorType)
	assert.Equal(t, plaid.CreditSessionBankIncomeStatus("NEW_STATUS"), unknown)
	assert.False(t, unknown.IsKnown())
}

// TestTypes_asJSONColumns stores a value of each struct type in a jsonb
// column and reads it back, and stores and reads NULL for a nil pointer.
func TestTypes_asJSONColumns(t *testing.T) {
	db := openDB(t)
	values := []any{
		plaid.CreditSessionsGetResponse{RequestID: "r", Sessions: []plaid.CreditSession{{LinkSessionID: plaid.Ptr("ls")}}},
		plaid.CreditSessionsGetRequest{ClientID: plaid.Ptr("c"), Secret: plaid.Ptr("s"), UserToken: "u"},
		plaid.Error{ErrorType: plaid.ErrorTypeItemError, ErrorCode: "ITEM_LOGIN_REQUIRED", ErrorMessage: "m",
			Causes: []plaid.Error{{ErrorType: plaid.ErrorTypeItemError, ErrorCode: "X", ErrorMessage: "n", ItemID: plaid.Ptr("i")}}},
		plaid.CreditSessionDocumentIncomeResult{NumPaystubsUploaded: 1, Extra: map[string]json.RawMessage{"new": json.RawMessage(`[1,2]`)}},
	}
	for _, v := range values {
		t.Run(fmt.Sprintf("%T", v), func(t *testing.T) {
			got := reflect.New(reflect.TypeOf(v))
			require.NoError(t, db.QueryRow(`SELECT $1::jsonb`, v).Scan(got.Interface()))
			// jsonb writes the unknown member's array its own way; as a
			// JSON value it is the same.
			assert.Equal(t, jsonValue(t, v), jsonValue(t, got.Elem().Interface()))
		})
	}
	var nilSession *plaid.CreditSession
	var isNull bool
	require.NoError(t, db.QueryRow(`SELECT $1::jsonb IS NULL`, nilSession).Scan(&isNull))
	assert.True(t, isNull, "a nil pointer is NULL")
	kept := plaid.CreditSession{LinkSessionID: plaid.Ptr("kept")}
	require.NoError(t, db.QueryRow(`SELECT NULL::jsonb`).Scan(&kept))
	assert.Equal(t, "kept", kept.GetLinkSessionID(), "NULL leaves the value unchanged")
}
