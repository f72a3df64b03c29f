// Reading and keeping the episode's documents. Every stored plan or assessment, current or kept, is
// read here and nowhere else: parsed with the schema of the version it was written in, so a
// document from a newer Casebook is refused in plain words and a damaged one is never passed on.
import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import {
  ASSESSMENT_SCHEMA_VERSION,
  assessmentDocument,
  DOCUMENT_NAMES,
  PLAN_SCHEMA_VERSION,
  planDocument,
  type AssessmentDocument,
  type DocumentKind,
  type PlanDocument,
  type VersionOccasion
} from '../../shared/earlyHelp/history'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { checkStored, unreadable } from '../core/storedJson'
import { UserEntity } from '../accounts/entities'
import { staffNames } from '../accounts/staffNames'
import type { EpisodeRow } from './entities'
import { DocumentVersionEntity, type AssessmentRow, type DocumentVersionRow, type FamilyPlanRow } from './planEntities'
import { insertLater } from '../core/postgresHeldWrites'

/** Each kind's schemas, by the version number stored with the document; the current one is what is written. */
const PLAN_SCHEMAS: Record<number, z.ZodType<PlanDocument>> = { 1: planDocument }
const ASSESSMENT_SCHEMAS: Record<number, z.ZodType<AssessmentDocument>> = { 1: assessmentDocument }

export const CURRENT_SCHEMA: Record<DocumentKind, number> = { 'family-plan': PLAN_SCHEMA_VERSION, assessment: ASSESSMENT_SCHEMA_VERSION }

const unreadableDocument = (kind: DocumentKind, id: string, why: string) => unreadable(DOCUMENT_NAMES[kind], id, why)

function parse<T>(kind: DocumentKind, id: string, schemaVersion: number, schemas: Record<number, z.ZodType<T>>, raw: () => unknown): T {
  if (schemaVersion > CURRENT_SCHEMA[kind])
    throw new AppError(
      'UNAVAILABLE',
      `This ${DOCUMENT_NAMES[kind]} was saved by a newer version of Casebook, which stores it differently, so this version cannot open it. Nothing has been changed. Ask IT to install the newer version.`
    )
  const schema = schemas[schemaVersion]
  if (!schema) throw unreadableDocument(kind, id, `no schema version ${schemaVersion}`)
  let json: unknown
  try {
    json = raw()
  } catch {
    throw unreadableDocument(kind, id, 'its JSON is damaged')
  }
  return checkStored(schema, json, DOCUMENT_NAMES[kind], id)
}

/** A family plan as stored in one schema version (the plan's own row, or a kept version). */
export function readPlanDocument(id: string, schemaVersion: number, raw: () => unknown): PlanDocument {
  return parse('family-plan', id, schemaVersion, PLAN_SCHEMAS, raw)
}

/** An assessment as stored in one schema version (the assessment's own row, or a kept version). */
export function readAssessmentDocument(id: string, schemaVersion: number, raw: () => unknown): AssessmentDocument {
  return parse('assessment', id, schemaVersion, ASSESSMENT_SCHEMAS, raw)
}

/** The plan as its row holds it: the date agreed in a column, the outcomes as JSON. */
export const readPlan = (row: FamilyPlanRow): PlanDocument =>
  readPlanDocument(row.id, row.schemaVersion, () => ({ agreedOn: row.agreedOn, outcomes: JSON.parse(row.outcomes) }))

/**
 * The assessment as its row holds it: its dates in columns, the rest as JSON, and who completed it
 * by name (the row holds their user id: completedBy names them, or is null while it is not complete).
 */
export const readAssessment = (row: AssessmentRow, completedBy: string | null): AssessmentDocument =>
  readAssessmentDocument(row.id, row.schemaVersion, () => {
    const content: unknown = JSON.parse(row.content)
    // Not an object is for the schema to refuse; the columns never stand in for a missing document.
    return content && typeof content === 'object' && !Array.isArray(content)
      ? { ...content, startedOn: row.startedOn, completedOn: row.completedOn, completedBy: row.completedOn ? completedBy : null }
      : content
  })

/** The assessment as its row holds it, with who completed it by name (SYSTEM_ACTOR_LABEL for the system). */
export async function readAssessmentRow(db: Pick<EntityManager, 'findBy'>, row: AssessmentRow): Promise<AssessmentDocument> {
  const name = await staffNames(db, [row.completedByUserId])
  return readAssessment(row, name(row.completedByUserId))
}

/** The columns a plan is stored in. */
export const planColumns = (d: PlanDocument) => ({ agreedOn: d.agreedOn, outcomes: JSON.stringify(d.outcomes), schemaVersion: PLAN_SCHEMA_VERSION })

/** The columns an assessment is stored in. */
export const assessmentColumns = (d: AssessmentDocument) => ({
  startedOn: d.startedOn,
  completedOn: d.completedOn,
  content: JSON.stringify({ subjects: d.subjects, familyVoice: d.familyVoice, identified: d.identified, evidence: d.evidence }),
  schemaVersion: ASSESSMENT_SCHEMA_VERSION
})

export type KeptDocument = { kind: 'family-plan'; document: PlanDocument } | { kind: 'assessment'; document: AssessmentDocument }

/** A kept version's document, parsed with the schema it was kept in. */
export function readKept(row: DocumentVersionRow): KeptDocument {
  const raw = () => JSON.parse(row.content) as unknown
  return row.documentType === 'family-plan'
    ? { kind: 'family-plan', document: readPlanDocument(row.documentId, row.schemaVersion, raw) }
    : { kind: 'assessment', document: readAssessmentDocument(row.documentId, row.schemaVersion, raw) }
}

/** Keeps one version of a document, in the transaction that saved it. Never updated or deleted. */
export async function keepVersion(
  manager: EntityManager,
  ctx: CallContext,
  kept: { kind: DocumentKind; documentId: string; episode: EpisodeRow; version: number; document: PlanDocument | AssessmentDocument; occasion: VersionOccasion }
): Promise<void> {
  const user = ctx.actor.userId ? await manager.findOne(UserEntity, { where: { id: ctx.actor.userId }, select: { id: true, displayName: true } }) : null
  await insertLater(manager, DocumentVersionEntity, {
    id: randomUUID(),
    documentType: kept.kind,
    documentId: kept.documentId,
    episodeId: kept.episode.id,
    familyId: kept.episode.familyId,
    version: kept.version,
    schemaVersion: CURRENT_SCHEMA[kept.kind],
    content: JSON.stringify(kept.document),
    occasion: kept.occasion,
    savedAt: ctx.now,
    savedByUserId: user?.id ?? null,
    savedByName: user?.displayName ?? ctx.actor.name
  })
}

/** Whether any version of this document has been kept (an assessment's are kept from its completion). */
export async function hasKeptVersions(manager: EntityManager, documentId: string): Promise<boolean> {
  return (await manager.countBy(DocumentVersionEntity, { documentId })) > 0
}
