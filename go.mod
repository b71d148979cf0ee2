module github.com/creditsession/plaid

go 1.24
