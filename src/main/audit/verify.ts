// Checks the audit trail's hash chain from the first entry to the last. Any entry altered in the
// file, or removed from the middle, breaks the chain at a place this names exactly.
import type { EntityManager } from 'typeorm'
import type { AuditVerification } from '../../shared/audit/schemas'
import type { AuditRow } from './entities'
import { entryHash, GENESIS_HASH } from './audit'

const BATCH = 5000

export async function verifyAuditTrail(db: Pick<EntityManager, 'query'>): Promise<AuditVerification> {
  let previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }
  let entries = 0
  for (;;) {
    const rows = (await db.query(
      `SELECT seq, at, actor, action, record_type AS recordType, record_id AS recordId, family_id AS familyId, changes,
              prev_hash AS prevHash, hash FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?`,
      [previous.seq, BATCH]
    )) as AuditRow[]
    for (const row of rows) {
      if (row.seq !== previous.seq + 1) {
        const missing = row.seq - previous.seq === 2 ? `Entry ${previous.seq + 1} is` : `Entries ${previous.seq + 1} to ${row.seq - 1} are`
        return {
          intact: false,
          entries,
          problem: { seq: previous.seq + 1, message: `${missing} missing: the trail goes from entry ${previous.seq} to entry ${row.seq}.` }
        }
      }
      if (row.prevHash !== previous.hash) {
        return {
          intact: false,
          entries,
          problem: { seq: previous.seq, message: `Entry ${previous.seq} has been altered or replaced: entry ${row.seq} no longer follows from it.` }
        }
      }
      const { hash, ...rest } = row
      if (entryHash(rest) !== hash) {
        return { intact: false, entries, problem: { seq: row.seq, message: `Entry ${row.seq} has been altered: its contents no longer match its hash.` } }
      }
      previous = { seq: row.seq, hash }
      entries++
    }
    if (rows.length < BATCH) return { intact: true, entries, problem: null }
  }
}
