// The audit trail as a manager reads it: newest first, filtered, a page at a time.
import type { z } from 'zod'
import type { auditListInput, AuditEntry } from '../../shared/audit/schemas'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { normaliseReference } from '../search/parseQuery'
import type { AuditRow } from './entities'

type Row = Omit<AuditRow, 'prevHash' | 'hash'> & { familyReference: string | null }

export async function listAudit(input: z.output<typeof auditListInput>, ctx: CallContext): Promise<{ entries: AuditEntry[]; more: boolean }> {
  const where: string[] = []
  const params: unknown[] = []
  if (input.familyReference) {
    const reference = normaliseReference(input.familyReference)
    if (!reference) throw new AppError('VALIDATION', 'There is a problem', { familyReference: 'Enter a family reference, like RV-000012' })
    where.push('f.reference = ?')
    params.push(reference)
  }
  if (input.personId) {
    // A person's record is seen whenever a family they belonged to at the time is opened.
    where.push(`(a.record_id = ? OR (a.action = 'view' AND EXISTS (
      SELECT 1 FROM family_membership m WHERE m.person_id = ? AND m.family_id = a.family_id
        AND a.at >= m.joined_at AND (m.left_at IS NULL OR a.at < m.left_at))))`)
    params.push(input.personId, input.personId)
  }
  if (input.actor) {
    where.push('a.actor = ?')
    params.push(input.actor)
  }
  if (input.action) {
    where.push('a.action = ?')
    params.push(input.action)
  }
  // Entries carry UTC instants; a day filter covers the whole of that day.
  if (input.from) {
    where.push('a.at >= ?')
    params.push(`${input.from}T00:00:00.000Z`)
  }
  if (input.to) {
    where.push('a.at < ?')
    params.push(`${input.to}T23:59:59.999Z`)
  }
  if (input.beforeSeq) {
    where.push('a.seq < ?')
    params.push(input.beforeSeq)
  }
  const rows = (await ctx.core.db.query(
    `SELECT a.seq, a.at, a.actor, a.action, a.record_type AS recordType, a.record_id AS recordId, a.family_id AS familyId,
            f.reference AS familyReference, a.changes
     FROM audit_entry a LEFT JOIN family f ON f.id = a.family_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq DESC LIMIT ?`,
    [...params, input.limit + 1]
  )) as Row[]
  const more = rows.length > input.limit
  return {
    entries: rows.slice(0, input.limit).map((r) => ({ ...r, changes: r.changes ? (JSON.parse(r.changes) as Record<string, unknown>) : null })),
    more
  }
}
