// The early help assessment: for each child, and for the parents and carers, the three domains with
// strengths, needs and a need level; the family's own words; the headlines found, with evidence.
// It can be saved part-done; completing it asks for everything.
import { z } from 'zod'
import { ASSESSMENT_DOMAIN, HEADLINE, NEED_LEVEL } from '../codes'
import { savedDraftKey } from '../drafts/schemas'
import { dateField, idField, MULTI_LINE, notFuture, optionalCode, optionalText, versionField, whenValid } from '../fields'
import { MAX_FAMILY_MEMBERS } from '../families/schemas'
import { storedSubject } from './stored'

/** Each child of the family, and the parents and carers together. */
export const MAX_SUBJECTS = MAX_FAMILY_MEMBERS + 1

const domainEntry = z.object({
  strengths: optionalText(4000, 'Strengths', MULTI_LINE),
  needs: optionalText(4000, 'Needs', MULTI_LINE),
  level: optionalCode(NEED_LEVEL.schema)
})
export type DomainCode = z.infer<typeof ASSESSMENT_DOMAIN.schema>

export const assessmentSubject = z.object({
  /** A child of the family; null for the parents and carers together. */
  personId: idField.nullable(),
  domains: z.object({ CHILD_DEVELOPMENT: domainEntry, PARENTS_CARERS: domainEntry, FAMILY_ENVIRONMENT: domainEntry })
})

const assessmentFields = {
  startedOn: dateField('Date started', notFuture('Date started')),
  completedOn: z.preprocess((v) => (v === '' || v === undefined ? null : v), dateField('Date completed', notFuture('Date completed')).nullable()),
  subjects: z
    .array(assessmentSubject)
    .min(1, { error: 'The assessment needs at least one child or the parents and carers' })
    .max(MAX_SUBJECTS, { error: `An assessment can cover up to ${MAX_SUBJECTS - 1} children and the parents and carers` }),
  familyVoice: optionalText(8000, "The family's own words", MULTI_LINE),
  /** The Supporting Families headlines the assessment found, each with its evidence. */
  identified: z.array(HEADLINE.schema).max(HEADLINE.items.length, { error: 'Select each headline once' }).default([]),
  evidence: z.partialRecord(HEADLINE.schema, optionalText(4000, 'Evidence', MULTI_LINE)).default({})
}

export const saveAssessmentInput = z
  .object({ episodeId: idField, version: versionField.nullable().default(null), ...assessmentFields, draftKey: savedDraftKey })
  .superRefine(
    (v, ctx) => {
      for (const code of v.identified) {
        if (!v.evidence[code]) ctx.addIssue({ code: 'custom', path: ['evidence', code], message: 'Give the evidence for this headline' })
      }
      if (!v.completedOn) return
      if (v.completedOn < v.startedOn) ctx.addIssue({ code: 'custom', path: ['completedOn'], message: 'Date completed must be on or after the date started' })
      v.subjects.forEach((s, i) => {
        for (const d of ASSESSMENT_DOMAIN.items) {
          if (!s.domains[d.code].level)
            ctx.addIssue({
              code: 'custom',
              path: ['subjects', i, 'domains', d.code, 'level'],
              message: `Select the level of need for ${d.label.toLowerCase()}`
            })
        }
      })
      if (!v.familyVoice) ctx.addIssue({ code: 'custom', path: ['familyVoice'], message: "Record the family's own words before completing the assessment" })
      if (v.identified.length === 0)
        ctx.addIssue({ code: 'custom', path: ['identified'], message: 'Select the headlines the assessment found before completing it' })
    },
    whenValid('identified', 'evidence', 'completedOn', 'startedOn', 'subjects', 'familyVoice')
  )

/** The assessment as read back: its stored shape, not the form's rules (see stored.ts). */
export const assessmentRecord = z.object({
  id: idField,
  startedOn: z.string(),
  completedOn: z.string().nullable(),
  completedBy: z.string().nullable(),
  subjects: z.array(storedSubject),
  familyVoice: z.string().nullable(),
  identified: z.array(z.string()),
  evidence: z.record(z.string(), z.string().nullable()),
  updatedBy: z.string(),
  updatedAt: z.string(),
  version: versionField
})
export type AssessmentRecord = z.infer<typeof assessmentRecord>
