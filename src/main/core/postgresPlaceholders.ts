// The core's SQL is written once, with `?` placeholders: here PostgreSQL's numbered ones are put in
// their place, or (for a statement sent with others in one round trip, ./postgresHeldWrites) the
// values themselves, written as the literals the server would have read them as.
import pg from 'pg'

/** node-postgres's own: a parameter as the text it sends (its types do not declare it). */
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils

/**
 * `?` placeholders made PostgreSQL's `$1, $2, ...` (or what `placeholder` makes of each number),
 * outside quoted text and identifiers, comments and dollar-quoted bodies. SQL TypeORM writes itself
 * already has numbered ones and no `?`, so it passes through unchanged.
 */
export function numberedPlaceholders(sql: string, placeholder: (n: number) => string = (n) => `$${n}`): string {
  if (!sql.includes('?')) return sql
  let out = ''
  let n = 0
  let i = 0
  while (i < sql.length) {
    const c = sql[i] as string
    if (c === "'" || c === '"') {
      const end = closingQuote(sql, i, c)
      out += sql.slice(i, end)
      i = end
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      const stop = end === -1 ? sql.length : end
      out += sql.slice(i, stop)
      i = stop
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = (/^\$[A-Za-z_]*\$/.exec(sql.slice(i)) as RegExpExecArray)[0]
      const end = sql.indexOf(tag, i + tag.length)
      const stop = end === -1 ? sql.length : end + tag.length
      out += sql.slice(i, stop)
      i = stop
    } else if (c === '?') {
      out += placeholder(++n)
      i++
    } else {
      out += c
      i++
    }
  }
  return out
}

/** The index just past the quote that closes the one at `start` (a doubled quote is part of the text). */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2
      else return i + 1
    } else i++
  }
  return sql.length
}

/** A statement that cannot be written with its values in (bytes, which node-postgres sends in binary; see withLiterals): sent with parameters instead. */
export class NotLiteral extends Error {}

/**
 * A parameter as the literal the server reads the same way: node-postgres sends every parameter as
 * text of no stated type (prepareValue's text), and a quoted literal is also text of no stated type
 * until the statement gives it one. So `'5'` is what `$1 = 5` was, never the integer constant `5`.
 */
export function literal(value: unknown): string {
  const text = prepareValue(value) as unknown
  if (text === null || text === undefined) return 'NULL'
  if (typeof text !== 'string') throw new NotLiteral('A value sent as bytes cannot be written as a literal')
  return pg.escapeLiteral(text)
}

/**
 * A statement with its parameters written in: `?` placeholders (the core's SQL) or `$n` ones (what
 * TypeORM writes, which holds no quoted text of its own, only names, so each `$n` is a placeholder).
 * `$n` SQL that does hold quoted text is refused (NotLiteral), as a `$1` in it might be text.
 */
export function withLiterals(sql: string, parameters: readonly unknown[]): string {
  const value = (n: number) => {
    if (n < 1 || n > parameters.length) throw new Error(`The statement has no parameter ${n}`)
    return literal(parameters[n - 1])
  }
  if (sql.includes('?')) return numberedPlaceholders(sql, value)
  if (sql.includes("'")) throw new NotLiteral('Numbered placeholders beside quoted text are not written in')
  return sql.replace(/\$(\d+)/g, (_, n: string) => value(Number(n)))
}
