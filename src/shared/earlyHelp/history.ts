// The episode's documents as they are stored, and the versions of them that are kept. A family plan
// and an assessment are each one JSON document; every agreed plan and every completed assessment is
// kept as it was, append-only, with the schema version it was written in, so that any version can be
// read back (and refused plainly by a Casebook too old to read it) rather than cast.
import { z } from 'zod'
import { HEADLINE } from '../codes'
import { idField, versionField } from '../fields'
import { storedOutcome, storedSubject } from './stored'

export const DOCUMENT_KINDS = ['family-plan', 'assessment'] as const
export const documentKind = z.enum(DOCUMENT_KINDS)
export type DocumentKind = z.infer<typeof documentKind>

/** What a reader calls each kind. */
export const DOCUMENT_NAMES: Record<DocumentKind, string> = { 'family-plan': 'family plan', assessment: 'assessment' }

/**
 * The family plan as stored, schema version 1. A later shape is a new schema with its own number
 * (and a step that reads the older ones); a document is never read with a schema other than its own.
 */
export const planDocument = z.object({
  agreedOn: z.iso.date(),
  outcomes: z.array(storedOutcome)
})
export type PlanDocument = z.output<typeof planDocument>
export const PLAN_SCHEMA_VERSION = 1

/** The assessment as stored, schema version 1. */
export const assessmentDocument = z.object({
  startedOn: z.iso.date(),
  completedOn: z.iso.date().nullable(),
  completedBy: z.string().nullable(),
  subjects: z.array(storedSubject),
  familyVoice: z.string().nullable(),
  identified: z.array(HEADLINE.schema),
  evidence: z.record(z.string(), z.string().nullable())
})
export type AssessmentDocument = z.output<typeof assessmentDocument>
export const ASSESSMENT_SCHEMA_VERSION = 1

/**
 * Why a version was kept: a save of the plan, a review that moved its actions on, the assessment's
 * completion or a change after it, or the document as it stood when Casebook began keeping versions.
 */
export const VERSION_OCCASIONS = ['saved', 'review', 'completed', 'changed', 'upgrade'] as const
export const versionOccasion = z.enum(VERSION_OCCASIONS)
export type VersionOccasion = z.infer<typeof versionOccasion>

export const OCCASION_LABELS: Record<VersionOccasion, string> = {
  saved: 'Saved',
  review: 'Actions moved on at a review',
  completed: 'Completed',
  changed: 'Changed after it was completed',
  upgrade: 'As it was when Casebook began keeping versions'
}

export const documentVersionsInput = z.object({ episodeId: idField, document: documentKind })

export const documentVersionSummary = z.object({
  version: versionField,
  /** ISO-8601 instant. */
  savedAt: z.string(),
  /** The display name of who saved it, as it was then. */
  savedBy: z.string(),
  occasion: versionOccasion,
  /** One line: what changed from the version kept before it. */
  summary: z.string()
})
export type DocumentVersionSummary = z.infer<typeof documentVersionSummary>

/** Newest first. */
export const documentVersionsOutput = z.object({ versions: z.array(documentVersionSummary) })

export const documentVersionInput = z.object({ episodeId: idField, document: documentKind, version: versionField })

const versionDetail = documentVersionSummary.extend({
  /** The version kept before this one, if any. */
  previousVersion: versionField.nullable(),
  /** What changed from the previous version, a line each, in plain words. */
  changes: z.array(z.string())
})

export const documentVersionOutput = z.discriminatedUnion('document', [
  versionDetail.extend({ document: z.literal('family-plan'), plan: planDocument }),
  versionDetail.extend({ document: z.literal('assessment'), assessment: assessmentDocument })
])
export type DocumentVersion = z.output<typeof documentVersionOutput>
