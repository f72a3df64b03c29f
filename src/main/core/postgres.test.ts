// The core's SQL is written once with `?` placeholders; PostgreSQL is handed numbered ones, and only
// where a `?` is a placeholder: never inside quoted text, a quoted name, a comment or a function body.
import { describe, expect, it } from 'vitest'
import { describePostgres } from './postgres'
import { numberedPlaceholders } from './postgresPlaceholders'

describe('numberedPlaceholders', () => {
  it.each([
    ['SELECT 1', 'SELECT 1'],
    ['SELECT * FROM person WHERE id = ? AND family_id = ?', 'SELECT * FROM person WHERE id = $1 AND family_id = $2'],
    [`SELECT '?' AS "what?", ? FROM t`, `SELECT '?' AS "what?", $1 FROM t`],
    [`SELECT 'it''s ?' , ?`, `SELECT 'it''s ?' , $1`],
    ['SELECT ? -- is this ?\n, ?', 'SELECT $1 -- is this ?\n, $2'],
    [
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 WHERE ? $$; SELECT ?',
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 WHERE ? $$; SELECT $1'
    ],
    ['SELECT $tag$ ? $tag$, ?', 'SELECT $tag$ ? $tag$, $1'],
    // What TypeORM writes for PostgreSQL itself passes through untouched.
    ['SELECT "p"."id" FROM "person" "p" WHERE "p"."id" = $1', 'SELECT "p"."id" FROM "person" "p" WHERE "p"."id" = $1']
  ])('%s', (sql, expected) => {
    expect(numberedPlaceholders(sql)).toBe(expected)
  })
})

it('names a connection without its password', () => {
  expect(describePostgres({ host: 'db.hub.local', port: 5432, database: 'casebook', user: 'casebook_desk' })).toBe(
    'postgres://casebook_desk@db.hub.local:5432/casebook'
  )
})
