// What a name search matches, written once as data: the index (FTS5 MATCH expressions) and the
// people a date or postcode has already found (SQL conditions on their entries, cheaper than
// asking the index about each of them) both read these rules, so both find the same people.
import { queryTerms, soundKeys, type QueryTerm } from './names'
import { fullNamesFor } from './nicknames'

export type EntryColumn = 'names' | 'household' | 'sounds'

/** Every word found in one of the columns: as the start of a word there (`prefix`), or as a whole word. */
interface Alternative {
  columns: EntryColumn[]
  words: string[]
  prefix: boolean
}

/** A term matches when any of its alternatives does; a phase, when all its terms do. */
type Phase = Alternative[][]

const HOUSEHOLD_FROM = 3

/** A term's words each, or joined up (mac donald, macdonald), at the start of words in these columns. */
function typed(term: QueryTerm, columns: EntryColumn[]): Alternative[] {
  const apart = { columns, words: term.words, prefix: true }
  return term.words.length === 1 ? [apart] : [apart, { columns, words: [term.joined], prefix: true }]
}

/** A term as a whole surname of the household, not the start of one. */
const wholeHouseholdWord = (term: QueryTerm): Alternative => ({ columns: ['household'], words: [term.joined], prefix: false })

/** What else a term may be: a name that sounds like it, or a full name it is short for (Kate: Katherine), or one sounding like that. */
function also(term: QueryTerm): Alternative[] {
  const word = term.joined
  const keys = new Set(word.length >= 3 ? soundKeys(word) : [])
  const fulls = fullNamesFor(word)
  for (const full of fulls) for (const k of soundKeys(full)) keys.add(k)
  return [
    ...fulls.map((full) => ({ columns: ['names' as const], words: [full], prefix: false })),
    ...[...keys].map((k) => ({ columns: ['sounds' as const], words: [k], prefix: false }))
  ]
}

/**
 * The phases of a name search, in the order their matches are shown, each including the ones
 * before it: the person's own names; then with the surnames of their household too (a mother's
 * children, by her surname); then names that sound alike or that a short form stands for.
 */
export function namePhases(tokens: string[]): Phase[] {
  const terms = queryTerms(tokens)
  const direct = terms.map((t) => typed(t, ['names']))
  // A household's surname is looked for from its start once three letters of it are typed (two find
  // most of the hub); a shorter term only as a whole surname, so a child is found by Ng, Li or Wu.
  const household = terms.map((t) => (t.joined.length >= HOUSEHOLD_FROM ? typed(t, ['names', 'household']) : [...typed(t, ['names']), wholeHouseholdWord(t)]))
  const phases = [direct, household]
  const extra = terms.map(also)
  if (extra.some((e) => e.length > 0)) phases.push(household.map((alternatives, i) => [...alternatives, ...extra[i]!]))
  return phases
}

// ---- As FTS5 MATCH expressions. Tokens hold only [a-z0-9] (names.ts), so quoting each keeps an expression well formed.

function alternativeExpression(a: Alternative): string {
  const columns = a.columns.length === 1 ? a.columns[0] : `{${a.columns.join(' ')}}`
  const each = a.words.map((w) => `${columns}:"${w}"${a.prefix ? '*' : ''}`)
  return each.length === 1 ? each[0]! : `(${each.join(' AND ')})`
}

function phaseExpression(phase: Phase): string {
  return phase
    .map((alternatives) => (alternatives.length === 1 ? alternativeExpression(alternatives[0]!) : `(${alternatives.map(alternativeExpression).join(' OR ')})`))
    .join(' AND ')
}

/** One MATCH expression per phase, each leaving out what the phase before it found. */
export function phaseExpressions(phases: Phase[]): string[] {
  return phases.map((phase, i) => (i === 0 ? phaseExpression(phase) : `(${phaseExpression(phase)}) NOT (${phaseExpression(phases[i - 1]!)})`))
}

// ---- As SQL conditions on an entry's columns as stored (words joined by one space), for the people
// a date or a postcode has already found: the statement ranks them itself, so it answers only the
// page however many share the date (1 January, given to everyone whose own is not known).

export interface SqlCondition {
  sql: string
  params: string[]
}

/** LIKE's wildcards and its escape, taken literally. */
const literal = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`)

/** A word at the start of a word of the column, or the whole word. */
function alternativeCondition(a: Alternative, entry: string): SqlCondition {
  const params: string[] = []
  const each = a.words.map((w) => {
    const inColumns = a.columns.map((c) => {
      params.push(a.prefix ? `% ${literal(w)}%` : `% ${literal(w)} %`)
      return `(' ' || ${entry}.${c} || ' ') LIKE ? ESCAPE '\\'`
    })
    return inColumns.length === 1 ? inColumns[0]! : `(${inColumns.join(' OR ')})`
  })
  return { sql: each.length === 1 ? each[0]! : `(${each.join(' AND ')})`, params }
}

function phaseCondition(phase: Phase, entry: string): SqlCondition {
  const terms = phase.map((alternatives) => alternatives.map((a) => alternativeCondition(a, entry)))
  return {
    sql: terms.map((t) => (t.length === 1 ? t[0]!.sql : `(${t.map((c) => c.sql).join(' OR ')})`)).join(' AND '),
    params: terms.flatMap((t) => t.flatMap((c) => c.params))
  }
}

/**
 * Over the entry columns of `entry` (a table alias): `matches`, true when any phase matches, and
 * `place`, the first phase that does (0, 1, ...), to order by. Each phase includes the ones before
 * it (namePhases), so an entry matching the last matches one of them: each condition is written once.
 */
export function phaseConditions(phases: Phase[], entry: string): { matches: SqlCondition; place: SqlCondition } {
  const each = phases.map((phase) => phaseCondition(phase, entry))
  const earlier = each.slice(0, -1)
  return {
    matches: each.at(-1)!,
    place: {
      sql: earlier.length ? `CASE ${earlier.map((c, i) => `WHEN ${c.sql} THEN ${i}`).join(' ')} ELSE ${earlier.length} END` : '0',
      params: earlier.flatMap((c) => c.params)
    }
  }
}
