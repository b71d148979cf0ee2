package plaid

import (
	"database/sql/driver"
	"fmt"
)

// This file holds what the types share to meet database/sql: each struct
// type is stored as a JSON document, and Date as its text.

// Compile-time checks that the types meet the interfaces they are stored
// through.
var (
	_ driver.Valuer = Date{}
	_ driver.Valuer = CreditSession{}
	_ driver.Valuer = (*CreditSession)(nil)
)

// jsonValue returns the JSON that MarshalJSON returned, as the string
// that database/sql drivers send for a json, jsonb or text column.
func jsonValue(data []byte, err error) (driver.Value, error) {
	if err != nil {
		return nil, err
	}
	return string(data), nil
}

// scanJSON decodes src, a column's value, with unmarshal. NULL leaves the
// value unchanged, as JSON null does.
func scanJSON(src any, unmarshal func([]byte) error, typeName string) error {
	switch src := src.(type) {
	case nil:
		return nil
	case []byte:
		return unmarshal(src)
	case string:
		return unmarshal([]byte(src))
	}
	return &FieldError{Err: fmt.Errorf("cannot scan %T into %s", src, typeName)}
}
