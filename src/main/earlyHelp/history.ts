// The kept versions of an episode's family plan and assessment: the list the episode page shows,
// and one version as it was, with what changed from the one kept before it. Reading either is
// reading the family's record, so it is on the audit trail as a view.
import { LessThan, type EntityManager } from 'typeorm'
import type { z } from 'zod'
import {
  DOCUMENT_NAMES,
  type DocumentKind,
  type DocumentVersion,
  type DocumentVersionSummary,
  type documentVersionInput,
  type documentVersionsInput
} from '../../shared/earlyHelp/history'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { auditView } from '../audit/audit'
import { AssessmentEntity, DocumentVersionEntity, FamilyPlanEntity, type DocumentVersionRow } from './planEntities'
import { readKept, type KeptDocument } from './documents'
import { assessmentChanges, firstSummary, namesFor, planChanges, type Changes, type Names } from './documentChanges'

/** The episode's plan or assessment row: its id and family, or null if it has not been started. */
async function documentOf(db: EntityManager, episodeId: string, kind: DocumentKind): Promise<{ id: string; familyId: string } | null> {
  const select = { id: true, familyId: true } as const
  return kind === 'family-plan'
    ? db.findOne(FamilyPlanEntity, { where: { episodeId }, select })
    : db.findOne(AssessmentEntity, { where: { episodeId }, select })
}

function changesBetween(before: KeptDocument | null, after: KeptDocument, names: Names): Changes {
  return after.kind === 'family-plan'
    ? planChanges(before?.kind === 'family-plan' ? before.document : null, after.document, names)
    : assessmentChanges(before?.kind === 'assessment' ? before.document : null, after.document, names)
}

/** A kept version, or the plain reason this Casebook cannot read it. */
function tryRead(row: DocumentVersionRow): KeptDocument | AppError {
  try {
    return readKept(row)
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
}

const summaryOf = (row: DocumentVersionRow): Omit<DocumentVersionSummary, 'summary'> => ({
  version: row.version,
  savedAt: row.savedAt,
  savedBy: row.savedByName,
  occasion: row.occasion
})

/** Every kept version of the plan or the assessment, newest first, each with a line on what changed. */
export async function listVersions(input: z.output<typeof documentVersionsInput>, ctx: CallContext): Promise<{ versions: DocumentVersionSummary[] }> {
  const db = ctx.core.db.manager
  const document = await documentOf(db, input.episodeId, input.document)
  if (!document) return { versions: [] }
  const rows = await db.find(DocumentVersionEntity, { where: { documentId: document.id }, order: { version: 'ASC' } })
  const kept = rows.map(tryRead)
  const names = await namesFor(
    db,
    input.episodeId,
    kept.flatMap((k) => (k instanceof AppError ? [] : [k.document]))
  )
  const versions = rows.map((row, i) => {
    const now = kept[i]!
    const before = i > 0 ? kept[i - 1]! : null
    const summary =
      now instanceof AppError ? now.message : before && !(before instanceof AppError) ? changesBetween(before, now, names).summary : firstSummary(now)
    return { ...summaryOf(row), summary }
  })
  // A document with nothing kept yet (an assessment still being written) shows nothing, so nothing was read.
  if (rows.length) await auditView(ctx, input.document, document.id, document.familyId, { versionsListed: rows.length })
  return { versions: versions.reverse() }
}

/** One kept version as it was saved, with what changed from the version kept before it. */
export async function getVersion(input: z.output<typeof documentVersionInput>, ctx: CallContext): Promise<DocumentVersion> {
  const db = ctx.core.db.manager
  const what = `version of the ${DOCUMENT_NAMES[input.document]}`
  const document = await documentOf(db, input.episodeId, input.document)
  if (!document) throw notFound(what)
  const row = await db.findOneBy(DocumentVersionEntity, { documentId: document.id, version: input.version })
  if (!row) throw notFound(what)
  const kept = readKept(row)
  const previousRow = await db.findOne(DocumentVersionEntity, {
    where: { documentId: document.id, version: LessThan(row.version) },
    order: { version: 'DESC' }
  })
  const previous = previousRow ? tryRead(previousRow) : null
  // A version before that this Casebook cannot read still lets this one be read: the changes say why they are missing.
  const comparable = previous instanceof AppError ? null : previous
  const changes = comparable ? changesBetween(comparable, kept, await namesFor(db, input.episodeId, [comparable.document, kept.document])) : null
  const detail = {
    ...summaryOf(row),
    summary: changes ? changes.summary : firstSummary(kept),
    previousVersion: previousRow?.version ?? null,
    changes: previous instanceof AppError ? [previous.message] : (changes?.lines ?? [])
  }
  await auditView(ctx, input.document, document.id, document.familyId, { version: row.version })
  return kept.kind === 'family-plan'
    ? { ...detail, document: 'family-plan', plan: kept.document }
    : { ...detail, document: 'assessment', assessment: kept.document }
}
