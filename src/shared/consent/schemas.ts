// Consent is recorded separately from registration: what was agreed, by whom, how and when.
import { z } from 'zod'
import { CONSENT_METHOD, CONSENT_SCOPE } from '../codes'
import { addYears, ageInYears } from '../dates'
import { dateField, idField, isoDateTime, optionalText, requiredCode, versionField, whenValid } from '../fields'

/** How far back consent may be recorded: further than any episode runs, short of a mistyped year. */
export const CONSENT_YEARS_BACK = 10
/** A young person may consent for themselves from this birthday. */
export const CONSENT_MIN_AGE = 16

const DATE_LABEL = 'Date consent was given'
const SELECT_GIVER = 'Select an adult or a young person aged 16 or over'

/** The day consent was given, as the form can check it without the person: not in the future, nor too long ago. */
export function consentDateRule(iso: string, today: string): string | null {
  if (iso > today) return `${DATE_LABEL} must be today or in the past`
  if (iso < addYears(today, -CONSENT_YEARS_BACK)) return `${DATE_LABEL} must be within the last ${CONSENT_YEARS_BACK} years`
  return null
}

/** The date field of every form that records consent (the consent page, and opening an episode on consent given then). */
export const consentDateField = dateField(DATE_LABEL, consentDateRule)

/** What the rule needs of the person who gave consent: their record's kind and date of birth. */
export interface ConsentGiver {
  kind: 'adult' | 'child' | 'unborn'
  dateOfBirth: string | null
}

/**
 * Why this person cannot have given consent on this day, by field (who gave it, when), or null.
 * Consent is given by an adult of the household, or by a child of 16 or over on the day (a young
 * person consenting for themselves); never by an unborn baby or a younger child; on a day that is
 * not before the giver was born and within CONSENT_YEARS_BACK years. The core applies it with the
 * person's record; a form can apply it to offer only those who could give consent today.
 */
export function consentProblems(giver: ConsentGiver, givenOn: string, today: string): { givenById?: string; givenOn?: string } | null {
  const problems: { givenById?: string; givenOn?: string } = {}
  if (giver.kind === 'unborn') problems.givenById = `An unborn baby cannot give consent. ${SELECT_GIVER}`
  else if (giver.kind === 'child' && !(giver.dateOfBirth && ageInYears(giver.dateOfBirth, givenOn) >= CONSENT_MIN_AGE)) {
    problems.givenById = giver.dateOfBirth ? `They were under ${CONSENT_MIN_AGE} on the date consent was given. ${SELECT_GIVER}` : SELECT_GIVER
  }
  const date = consentDateRule(givenOn, today)
  if (date) problems.givenOn = date
  else if (giver.dateOfBirth && givenOn < giver.dateOfBirth) problems.givenOn = `${DATE_LABEL} must be on or after the date of birth of the person who gave it`
  return problems.givenById || problems.givenOn ? problems : null
}

/** Whether this person could give consent on this day: for a form's list of who gave it. */
export const couldGiveConsent = (giver: ConsentGiver, on: string) => !consentProblems(giver, on, on)?.givenById

type ConsentScope = z.infer<typeof CONSENT_SCOPE.schema>
const SELECT_AGREED = 'Select what was agreed'

/**
 * Everything agreed at once, each once, in the list's order: the form's `scopes`, or the one `scope`
 * a caller that records a single consent sends.
 */
export function agreedScopes(input: { scope?: ConsentScope | null; scopes?: ConsentScope[] }): ConsentScope[] {
  const chosen = new Set([...(input.scopes ?? []), ...(input.scope ? [input.scope] : [])])
  return CONSENT_SCOPE.items.map((item) => item.code).filter((code) => chosen.has(code))
}

/**
 * One consent, or several given at once by the same person in the same way on the same day (at
 * registration, say: to be registered, to be contacted and to share with the health visitor): each
 * is its own record, all written in one transaction or none.
 */
export const recordConsentInput = z
  .object({
    familyId: idField,
    /** The person who gave consent: a member of the family. */
    givenById: z.uuid({ error: 'Select who gave consent' }),
    scope: z.preprocess((v) => (v === '' ? null : v), CONSENT_SCOPE.schema.nullish()),
    scopes: z.array(CONSENT_SCOPE.schema).max(CONSENT_SCOPE.items.length, { error: 'Select each thing agreed once' }).optional(),
    agency: optionalText(200, 'Agency'),
    /** Sharing with an organisation of the directory: what a referral's consent gate looks for. */
    organisationId: z.preprocess((v) => (v === '' ? null : v), z.uuid({ error: 'Choose the organisation from the directory' }).nullable()).default(null),
    method: requiredCode(CONSENT_METHOD.schema, 'Select how consent was given'),
    givenOn: consentDateField
  })
  .superRefine(
    (v, ctx) => {
      const agreed = agreedScopes(v)
      // Named by the field the caller used: the form's checkboxes, or the single answer.
      if (agreed.length === 0) ctx.addIssue({ code: 'custom', path: [v.scopes ? 'scopes' : 'scope'], message: SELECT_AGREED })
      const sharing = agreed.includes('SHARING')
      if (sharing && !v.agency && !v.organisationId) {
        ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Enter the agency information may be shared with' })
      }
      if (!sharing && v.organisationId) {
        ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'Only consent to share information is with an organisation' })
      }
    },
    whenValid('scope', 'scopes', 'agency', 'organisationId')
  )
export type RecordConsentInput = z.input<typeof recordConsentInput>

export const withdrawConsentInput = z.object({ id: idField, version: versionField })

export const consentRecord = z.object({
  id: idField,
  familyId: idField,
  givenById: idField,
  givenByName: z.string(),
  scope: CONSENT_SCOPE.schema,
  agency: z.string().nullable(),
  /** The directory organisation it is with; null for consents recorded as free text. */
  organisationId: idField.nullable(),
  method: CONSENT_METHOD.schema,
  givenOn: z.string(),
  recordedBy: z.string(),
  recordedAt: isoDateTime,
  withdrawnOn: z.string().nullable(),
  version: versionField
})
export type ConsentRecord = z.infer<typeof consentRecord>
