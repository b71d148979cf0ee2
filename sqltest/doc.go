// Package sqltest tests the plaid package against a real PostgreSQL
// server through database/sql and pgx's driver. It is a module of its own,
// so that the plaid module's users never see a database driver in their
// module graphs.
//
// The tests need PLAID_TEST_DATABASE_URL, a connection string such as
// "host=/tmp/pg dbname=postgres user=postgres"; without it they skip.
// bash .ci/run starts a server in a temporary directory and runs them.
package sqltest
