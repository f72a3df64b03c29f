// Field rules shared by every form and every channel. Messages follow the GOV.UK Design System's
// error message patterns, because they are shown next to the field and in the error summary.
import { z } from 'zod'
import './messages'
import { addYears, formatDate, isRealIsoDate, todayIso } from './dates'
import { isValidNhsNumber, normaliseNhsNumber } from './identifiers/nhsNumber'
import { isValidUpn, normaliseUpn } from './identifiers/upn'
import { isValidPostcode, normalisePostcode } from './identifiers/postcode'
import { isRecord } from './plainData'

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v)
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v)

/**
 * Characters nobody sees, found by what Unicode says they are rather than by a list that grows each
 * time a tester finds one more: every default-ignorable code point (zero-width spaces and joiners,
 * the word joiner and invisible operators, the soft hyphen, the byte-order mark, the bidirectional
 * marks, embeddings, overrides and isolates that make "exe.txt" read "txt.exe", the Hangul fillers
 * that count as letters, variation selectors, and the tag characters that spell out hidden ASCII)
 * and every other format character (the interlinear annotation marks...), with half a character
 * (a lone surrogate, which no keyboard sends). They arrive unseen in pasted text, so they are
 * removed rather than refused.
 *
 * Free text loses them too, the zero-width joiner and non-joiner and the variation selectors among
 * them: those are how text hides data in plain sight (a run of zero-width characters between two
 * words, or any number of bytes as variation selectors behind one emoji), and taking them out never
 * changes a letter. The cost is in the look: an emoji sequence shows as its parts (👨👩👧), an emoji
 * in the text style, and a Persian or Indic word as its letters joined or with a visible virama.
 */
const HIDDEN = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cs}]/gu

/** Text with every character nobody sees taken out: the first step for names and free text alike. */
export function withoutHidden(value: string): string {
  return value.replace(HIDDEN, '')
}

/** C0 and C1 control characters and DEL: never typed, and they break exports and screens. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/
/** Every way of breaking a line: made a newline in free text. */
// eslint-disable-next-line no-control-regex -- the vertical tab and form feed are line breaks here
const LINE_BREAKS = /\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g
/** Multi-line text keeps its line breaks and tabs. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/

/**
 * How free text is shown, and so how it is kept. One line (an address, a town, an agency) is the
 * default: a form's text input, where a newline or tab pasted in would be kept unseen and come back
 * in exports and printouts. Many lines only where the form has a textarea (a note, a reason, evidence).
 */
export interface TextLines {
  multiLine?: boolean
}
export const MULTI_LINE: TextLines = { multiLine: true }

/**
 * Free text as it is kept: characters nobody sees removed, every kind of line break made a newline
 * (Windows' CR LF, and the vertical tab, form feed, next line and line and paragraph separators that
 * text pasted from word processors carries), composed (NFC, so "é" is one character however it was
 * typed) and trimmed. On one line, every run of spaces, tabs and line breaks is then one space.
 */
export function cleanText(value: string, { multiLine = false }: TextLines = {}): string {
  const text = withoutHidden(value).replace(LINE_BREAKS, '\n').normalize('NFC')
  return (multiLine ? text : text.replace(/\s+/g, ' ')).trim()
}

const cleaned = (lines: TextLines) => (v: unknown) => (typeof v === 'string' ? cleanText(v, lines) : v)
export const tooLong = (label: string, max: number) => `${label} must be ${max} characters or fewer`
const hasControl = (label: string) => `${label} must not include hidden control characters`

/** Free text that must be given: `missing` when it is absent or nothing is left after cleaning. */
export function requiredText(missing: string, max: number, label: string, lines: TextLines = {}) {
  return z.preprocess(
    cleaned(lines),
    z
      .string({ error: missing })
      .min(1, { error: missing })
      .max(max, { error: tooLong(label, max) })
      .refine((v) => !CONTROL_IN_TEXT.test(v), { error: hasControl(label) })
  )
}

/** Free text that may be left out: blank, or nothing left after cleaning, is null. */
export function optionalText(max: number, label: string, lines: TextLines = {}) {
  return z
    .preprocess(
      (v) => blankToNull(cleaned(lines)(v)),
      z
        .string()
        .max(max, { error: tooLong(label, max) })
        .refine((v) => !CONTROL_IN_TEXT.test(v), { error: hasControl(label) })
        .nullable()
    )
    .default(null)
}

/**
 * What a person's name may hold: letters of any script (\p{L}), the combining marks that accents
 * and vowel signs are made of (\p{M}), single spaces, apostrophes (' and ’), hyphens and full stops.
 * It must hold at least one letter and start with a letter or an apostrophe ('t Hooft). Not
 * digits, symbols, emoji, brackets, the "mathematical" bold and italic letters that look like
 * ordinary ones but are other characters, or more than four marks on one letter (stacked "Zalgo"
 * text). Removed on the way in: characters nobody sees (withoutHidden, as from free text), before
 * the letter is looked for, so a Hangul filler (a "letter" that shows as nothing) is no name; made
 * one space: runs of spaces of any kind; made ’: a ‘ that smart quotes put at the start of a word;
 * made -: the Unicode hyphens. Composed to NFC, so "Zoë" typed with a separate diaeresis is stored,
 * found and compared as one character.
 */
export const NAME_ALLOWED = /^[\p{L}\p{M}'’. -]+$/u
const LETTER = /\p{L}/u
const STARTS_WELL = /^[\p{L}'’]/u
const STACKED_MARKS = /\p{M}{5,}/u
const STYLED_LETTERS = /[\u{1D400}-\u{1D7FF}]/u

export function cleanName(value: string): string {
  return withoutHidden(value)
    .normalize('NFC')
    .replace(/\u2018/g, '’')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\p{Zs}+/gu, ' ')
    .trim()
}

/** Why a (cleaned, non-empty) name is not a name, or null. */
export function nameProblem(name: string, label: string): string | null {
  if (CONTROL.test(name)) return hasControl(label)
  if (!LETTER.test(name)) return `${label} must include at least one letter`
  if (STYLED_LETTERS.test(name)) return `${label} must be written in ordinary letters`
  if (!NAME_ALLOWED.test(name)) return `${label} must only include letters, spaces, hyphens, apostrophes and full stops`
  if (!STARTS_WELL.test(name)) return `${label} must start with a letter`
  if (STACKED_MARKS.test(name)) return `${label} has too many accents on one letter`
  return null
}

const cleanedName = (v: unknown) => (typeof v === 'string' ? cleanName(v) : v)
const nameString = (max: number, label: string, missing?: string) =>
  z
    .string(missing ? { error: missing } : undefined)
    // Nothing left after cleaning is missing, and only that: no "must include a letter" as well.
    .min(1, { ...(missing ? { error: missing } : {}), abort: true })
    .max(max, { error: tooLong(label, max) })
    .superRefine((name, ctx) => {
      const problem = nameProblem(name, label)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })

/** A person's name (given, family, display or team member's name): see NAME_ALLOWED. */
export function requiredName(missing: string, label: string, max = 100) {
  return z.preprocess(cleanedName, nameString(max, label, missing))
}

export function optionalName(label: string, max = 100) {
  return z.preprocess((v) => blankToNull(cleanedName(v)), nameString(max, label).nullable()).default(null)
}

/** An optional choice from a code list; an empty select means "not given". */
export function optionalCode<T extends z.ZodType<string, string>>(schema: T) {
  return z.preprocess(blankToNull, schema.nullable()).default(null)
}

/**
 * A required choice: an empty select, a missing key and null all get the field's own message.
 * (Not `.optional().refine()`: zod skips an absent key whose schema is optional, refinement and all.)
 */
export function requiredCode<T extends z.ZodType<string, string>>(schema: T, missing: string) {
  // abort: false, unlike z.custom's default: a missing choice must not stop the cross-field rules
  // (whenValid, the same person twice) that look at the other fields.
  return z.preprocess(blankToNull, z.custom<string>((v) => v !== null && v !== undefined, { error: missing, abort: false }).pipe(schema))
}

/**
 * A calendar date as ISO (YYYY-MM-DD). `rule` adds the field's own limits (in the past, within
 * 25 years...) and is given today's date so that every check uses the same day.
 */
export function dateField(label: string, rule?: (iso: string, today: string) => string | null) {
  return z
    .string({ error: `Enter ${label.toLowerCase()}` })
    .max(10, { error: `${label} must be a real date` })
    .superRefine((value, ctx) => {
      if (value.length > 10) return
      if (!isRealIsoDate(value)) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a real date` })
        return
      }
      const problem = rule?.(value, todayIso())
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
}

/**
 * A date that may be left out (a filter's start or end): blank is null. A day before `earliest` (ISO)
 * is refused with that limit before the date is checked, so a day in the calendar that isoDate does
 * not make (0001-01-01, say) is told the limit, not 'must be a real date', which it is.
 */
export function optionalDate(label: string, earliest?: string) {
  const day: z.ZodType<string, string> = earliest
    ? z
        .string({ error: `Enter ${label.toLowerCase()}` })
        .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || v >= earliest, { error: `${label} must be ${formatDate(earliest)} or later`, abort: true })
        .pipe(dateField(label))
    : dateField(label)
  return z.preprocess(blankToNull, day.nullable()).default(null)
}

/**
 * For a rule across fields (superRefine): run it even when other fields have problems, so the
 * error summary lists everything at once, but only once the fields it reads are valid themselves,
 * and never when the input was not an object at all (null, a number, a list): then the rule would
 * read fields of something that has none.
 */
export function whenValid(...fields: string[]): z.core.$ZodSuperRefineParams {
  return {
    when: (payload) => isRecord(payload.value) && !payload.issues.some((i) => (i.path?.length ?? 0) === 0 || fields.includes(String(i.path?.[0])))
  }
}

/**
 * A date range's rule, for superRefine (a filter's start and end, both optional dates): an end before
 * the start is refused at the end, once both are valid dates: `.superRefine(...endNotBeforeStart('from', 'to'))`.
 */
export function endNotBeforeStart<K extends string>(start: K, end: K) {
  const rule = (v: Partial<Record<K, string | null>>, ctx: z.core.$RefinementCtx) => {
    const from = v[start]
    const to = v[end]
    if (from && to && to < from) ctx.addIssue({ code: 'custom', path: [end], message: 'End date must be the same as or after the start date' })
  }
  return [rule, whenValid(start, end)] as const
}

/** A date rule for dateField: the day is today or earlier. */
export const notFuture = (label: string) => (iso: string, today: string) => (iso > today ? `${label} must be today or in the past` : null)

/** Today or within the last `years`: a year mistyped (1026 for 2026) is caught where it was typed. */
export const recentPast = (label: string, years: number) => (iso: string, today: string) =>
  iso > today ? `${label} must be today or in the past` : iso < addYears(today, -years) ? `${label} must be within the last ${years} years` : null

const NHS_MESSAGE = 'Enter a valid NHS number, like 943 476 5919'
export const nhsNumberField = z
  .preprocess(blankToNull, z.string().max(20, { error: NHS_MESSAGE }).transform(normaliseNhsNumber).refine(isValidNhsNumber, { error: NHS_MESSAGE }).nullable())
  .default(null)

const UPN_MESSAGE = 'Enter a valid UPN: 13 characters starting with the right check letter'
export const upnField = z
  .preprocess(blankToNull, z.string().max(20, { error: UPN_MESSAGE }).transform(normaliseUpn).refine(isValidUpn, { error: UPN_MESSAGE }).nullable())
  .default(null)

const POSTCODE_MESSAGE = 'Enter a real UK postcode, like SW1A 1AA'
export const postcodeField = z.preprocess(
  trimmed,
  z
    .string({ error: 'Enter postcode' })
    .min(1, { error: 'Enter postcode' })
    .max(16, { error: POSTCODE_MESSAGE })
    .refine(isValidPostcode, { error: POSTCODE_MESSAGE })
    .transform(normalisePostcode)
)

const PHONE_MESSAGE = 'Enter a phone number, like 01632 960 001 or 07700 900 982'
export const phoneField = z
  .preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(30, { error: PHONE_MESSAGE })
      .refine((v) => /^\+?[\d\s()-]+$/.test(v) && v.replace(/\D/g, '').length >= 10 && v.replace(/\D/g, '').length <= 13, {
        error: PHONE_MESSAGE
      })
      .nullable()
  )
  .default(null)

/** 254: the longest address that fits the SMTP path limit (RFC 5321). */
export const emailField = z
  .preprocess(
    blankToNull,
    z
      .email({ error: 'Enter an email address in the correct format, like name@example.com' })
      .max(254, { error: tooLong('Email address', 254) })
      .nullable()
  )
  .default(null)

export const idField = z.uuid()

/**
 * The largest whole number both databases keep in an integer column: PostgreSQL's `integer` holds 32
 * bits (SQLite's holds 64). Every version, entry number and change number a window sends is held to
 * it, so a larger one is refused as input on either engine, never passed to PostgreSQL to fail there
 * as out of range. contractBounds.test.ts holds every number in the contract to it.
 */
export const LARGEST_STORED_INTEGER = 2_147_483_647
export const versionField = z.number().int().min(1).max(LARGEST_STORED_INTEGER)
export const isoDateTime = z.iso.datetime({ offset: true })
