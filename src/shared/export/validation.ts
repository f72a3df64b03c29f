// The export's validation report: what the checks found in the records that would be sent, before
// any export runs. The core makes it (src/main/export/validation), the Export screen shows it and
// the format document lists the rules; this is the one shape all three read.
import { z } from 'zod'
import { codeList } from '../codes'

/** An error blocks the export (an importer would reject the record); a warning does not. */
export const VALIDATION_SEVERITY = codeList([
  { code: 'error', label: 'Error' },
  { code: 'warning', label: 'Warning' }
] as const)
export type ValidationSeverity = z.infer<typeof VALIDATION_SEVERITY.schema>

/** The kinds of record a rule can be about: the Export screen links each to the page that fixes it. */
export const VALIDATION_RECORD_TYPE = codeList([
  { code: 'family', label: 'Family' },
  { code: 'person', label: 'Person' },
  { code: 'consent', label: 'Consent' },
  { code: 'episode', label: 'Early-help episode' },
  { code: 'family-plan', label: 'Family plan' },
  { code: 'review', label: 'Review' },
  { code: 'case-note', label: 'Case note' },
  { code: 'request-for-help', label: 'Request for help' },
  { code: 'outbound-referral', label: 'Referral to a service' },
  { code: 'step-up', label: "Step-up to children's social care" },
  { code: 'staff', label: 'Member of staff' }
] as const)
export type ValidationRecordType = z.infer<typeof VALIDATION_RECORD_TYPE.schema>

/** CB and three digits: the series (first digit) says what the rule is about (src/main/export/validation/rules.ts). */
export const ruleCode = z.string().regex(/^CB[1-8]\d{2}$/)

/** A rule as the format document and the Export screen list it. */
export const validationRuleDoc = z.object({
  code: ruleCode,
  severity: VALIDATION_SEVERITY.schema,
  recordType: VALIDATION_RECORD_TYPE.schema,
  /** What the user is told, saying what to fix. */
  message: z.string().min(1),
  /** Exactly what the rule checks, for the authority's developers. */
  description: z.string().min(1)
})
export type ValidationRuleDoc = z.infer<typeof validationRuleDoc>

/** One record that breaks one rule. */
export const validationItem = z.object({
  code: ruleCode,
  severity: VALIDATION_SEVERITY.schema,
  recordType: VALIDATION_RECORD_TYPE.schema,
  recordId: z.string(),
  /** The family the record belongs to; null for staff. */
  familyId: z.string().nullable(),
  familyReference: z.string().nullable(),
  /** The early-help episode the record belongs to (the episode itself, its plan, a review...), for the link; else null. */
  episodeId: z.string().nullable(),
  message: z.string()
})
export type ValidationItem = z.infer<typeof validationItem>

/** Every rule that ran, with how many records break it and how many of those the report lists. */
export const validationRuleResult = validationRuleDoc.omit({ description: true }).extend({
  count: z.number().int().min(0),
  listed: z.number().int().min(0)
})
export type ValidationRuleResult = z.infer<typeof validationRuleResult>

export const validationReport = z.object({
  /** When the checks ran: an instant in UTC. */
  ranAt: z.iso.datetime(),
  /** The most items listed for any one rule; every record is still counted. */
  perRuleLimit: z.number().int().min(0),
  /** Records found per severity, over every rule. */
  counts: z.object({ error: z.number().int().min(0), warning: z.number().int().min(0) }),
  /** True when any error was found: the export is refused until it is fixed. */
  blocked: z.boolean(),
  rules: z.array(validationRuleResult),
  items: z.array(validationItem)
})
export type ValidationReport = z.infer<typeof validationReport>
