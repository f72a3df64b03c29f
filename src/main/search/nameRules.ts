// What a name search matches, written once as data: the index (FTS5 MATCH expressions) and the
// few people a date or postcode has already found (matched here in memory, cheaper than asking
// the index about each of them) both read these rules, so both find the same people.
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

// ---- In memory, on an entry's columns as stored.

export type EntryWords = Record<EntryColumn, string[]>

export function entryWords(entry: { names: string; household: string; sounds: string }): EntryWords {
  const split = (text: string) => (text ? text.split(' ') : [])
  return { names: split(entry.names), household: split(entry.household), sounds: split(entry.sounds) }
}

function matches(entry: EntryWords, a: Alternative): boolean {
  return a.words.every((w) => a.columns.some((c) => entry[c].some((token) => (a.prefix ? token.startsWith(w) : token === w))))
}

/** The first phase an entry matches (its place in the results), or null if none. */
export function phaseOf(entry: EntryWords, phases: Phase[]): number | null {
  const index = phases.findIndex((phase) => phase.every((alternatives) => alternatives.some((a) => matches(entry, a))))
  return index < 0 ? null : index
}
