// The audit trail as a manager reads it: newest first (or oldest first), filtered, a page at a time.
import { z } from 'zod'
import type { auditListInput, AuditEntry } from '../../shared/audit/schemas'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { normaliseReference } from '../search/parseQuery'
import { addDays } from '../../shared/dates'
import { readStored } from '../core/storedJson'

/** What an entry's changes hold: field by field, whatever each value is. */
const auditChanges = z.record(z.string(), z.unknown())
import type { AuditRow } from './entities'
import type { SqlQuery } from '../search/searchIndex'

type Row = Omit<AuditRow, 'prevHash' | 'hash'> & { familyReference: string | null }

type ListInput = z.output<typeof auditListInput>

/** The statement a page of the trail runs (one row more than the page, to say whether there is more). */
export function buildAuditListQuery(input: ListInput): SqlQuery {
  const where: string[] = []
  const params: unknown[] = []
  if (input.familyReference) {
    const reference = normaliseReference(input.familyReference)
    if (!reference) throw new AppError('VALIDATION', 'There is a problem', { familyReference: 'Enter a family reference, like RV-000012' })
    where.push('f.reference = ?')
    params.push(reference)
  }
  if (input.personId) {
    // A person's record is seen whenever a family they belonged to at the time is opened. Written as
    // two lookups (by record, and by each household's views) so neither reads the whole trail.
    where.push(`a.seq IN (
      SELECT seq FROM audit_entry WHERE record_id = ?
      UNION ALL
      SELECT v.seq FROM family_membership m JOIN audit_entry v ON v.family_id = m.family_id
      WHERE m.person_id = ? AND v.action = 'view' AND v.at >= m.joined_at AND (m.left_at IS NULL OR v.at < m.left_at))`)
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
  // Entries carry UTC instants; a day filter covers the whole of that day. The times are not in the
  // sequence's order (a desk's clock put right, several desks' clocks), so the entries of those days
  // are found by time in idx_audit_at, exactly, and only then put in order, newest first.
  if (input.from || input.to) {
    const range = [input.from ? 'at >= ?' : null, input.to ? 'at < ?' : null].filter(Boolean).join(' AND ')
    where.push(`a.seq IN (SELECT seq FROM audit_entry WHERE ${range})`)
    if (input.from) params.push(`${input.from}T00:00:00.000Z`)
    if (input.to) params.push(`${addDays(input.to, 1)}T00:00:00.000Z`)
  }
  // A page continues from the last entry shown, in the order asked for: the sequence is the trail's order.
  // Each bound given applies whichever the order, so a range between two entries reads either way.
  if (input.beforeSeq !== null) {
    where.push('a.seq < ?')
    params.push(input.beforeSeq)
  }
  if (input.afterSeq !== null) {
    where.push('a.seq > ?')
    params.push(input.afterSeq)
  }
  return {
    sql: `SELECT a.seq, a.at, a.actor, a.action, a.record_type AS "recordType", a.record_id AS "recordId", a.family_id AS "familyId",
            f.reference AS "familyReference", a.changes
     FROM audit_entry a LEFT JOIN family f ON f.id = a.family_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq ${input.oldestFirst ? 'ASC' : 'DESC'} LIMIT ?`,
    params: [...params, input.limit + 1]
  }
}

export async function listAudit(input: ListInput, ctx: CallContext): Promise<{ entries: AuditEntry[]; more: boolean }> {
  const query = buildAuditListQuery(input)
  const rows = (await ctx.core.db.query(query.sql, query.params)) as Row[]
  const more = rows.length > input.limit
  return {
    entries: rows.slice(0, input.limit).map((r) => ({ ...r, changes: r.changes ? readStored(auditChanges, r.changes, 'audit entry', String(r.seq)) : null })),
    more
  }
}
