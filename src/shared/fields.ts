// Field rules shared by every form and every channel. Messages follow the GOV.UK Design System's
// error message patterns, because they are shown next to the field and in the error summary.
import { z } from 'zod'
import { isRealIsoDate, todayIso } from './dates'
import { isValidNhsNumber, normaliseNhsNumber } from './identifiers/nhsNumber'
import { isValidUpn, normaliseUpn } from './identifiers/upn'
import { isValidPostcode, normalisePostcode } from './identifiers/postcode'

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v)
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v)

export function requiredText(missing: string, max: number, label: string) {
  return z.preprocess(
    trimmed,
    z
      .string({ error: missing })
      .min(1, { error: missing })
      .max(max, { error: `${label} must be ${max} characters or fewer` })
  )
}

export function optionalText(max: number, label: string) {
  return z
    .preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .max(max, { error: `${label} must be ${max} characters or fewer` })
        .nullable()
    )
    .default(null)
}

/** An optional choice from a code list; an empty select means "not given". */
export function optionalCode<T extends z.ZodType<string, string>>(schema: T) {
  return z.preprocess(blankToNull, schema.nullable()).default(null)
}

export function requiredCode<T extends z.ZodType<string, string>>(schema: T, missing: string) {
  return z.preprocess(blankToNull, z.custom<string>((v) => v !== null && v !== undefined, { error: missing }).pipe(schema))
}

/**
 * A calendar date as ISO (YYYY-MM-DD). `rule` adds the field's own limits (in the past, within
 * 25 years...) and is given today's date so that every check uses the same day.
 */
export function dateField(label: string, rule?: (iso: string, today: string) => string | null) {
  return z.string({ error: `Enter ${label.toLowerCase()}` }).superRefine((value, ctx) => {
    if (!isRealIsoDate(value)) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a real date` })
      return
    }
    const problem = rule?.(value, todayIso())
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
}

/**
 * For a rule across fields (superRefine): run it even when other fields have problems, so the
 * error summary lists everything at once, but only once the fields it reads are valid themselves.
 */
export function whenValid(...fields: string[]): z.core.$ZodSuperRefineParams {
  return { when: (payload) => !payload.issues.some((i) => fields.includes(String(i.path?.[0]))) }
}

/** A date rule for dateField: the day is today or earlier. */
export const notFuture = (label: string) => (iso: string, today: string) => (iso > today ? `${label} must be today or in the past` : null)

export const nhsNumberField = z
  .preprocess(
    blankToNull,
    z.string().transform(normaliseNhsNumber).refine(isValidNhsNumber, { error: 'Enter a valid NHS number, like 943 476 5919' }).nullable()
  )
  .default(null)

export const upnField = z
  .preprocess(
    blankToNull,
    z.string().transform(normaliseUpn).refine(isValidUpn, { error: 'Enter a valid UPN: 13 characters starting with the right check letter' }).nullable()
  )
  .default(null)

export const postcodeField = z.preprocess(
  trimmed,
  z
    .string({ error: 'Enter postcode' })
    .min(1, { error: 'Enter postcode' })
    .refine(isValidPostcode, { error: 'Enter a real UK postcode, like SW1A 1AA' })
    .transform(normalisePostcode)
)

export const phoneField = z
  .preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .refine((v) => /^\+?[\d\s()-]+$/.test(v) && v.replace(/\D/g, '').length >= 10 && v.replace(/\D/g, '').length <= 13, {
        error: 'Enter a phone number, like 01632 960 001 or 07700 900 982'
      })
      .nullable()
  )
  .default(null)

export const emailField = z
  .preprocess(blankToNull, z.email({ error: 'Enter an email address in the correct format, like name@example.com' }).nullable())
  .default(null)

export const idField = z.uuid()
export const versionField = z.number().int().min(1)
export const isoDateTime = z.iso.datetime({ offset: true })
