// An anchor outside the database (a backup file's header, a package's datapackage.json) usually lies on
// a share that more people can write than can write the database. Verification believes such an anchor
// only when it carries a MAC, keyed by a secret that whoever made it held and a writer of the share does
// not: a backup's by the backup key (derived from it, so the MAC and the encryption never share a key),
// a package's by the hub's pseudonym key (kept in the database and never exported). The MAC covers
// everything verification reads from the anchor, its time and hub included, so that no field can be
// moved from one file to another or changed on its own.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import type { AuditAnchor } from '../../shared/backup/schemas'

/** What an anchor says, as verification reads it. */
export interface AnchorFacts {
  hubCode: string
  takenAt: string
  anchor: AuditAnchor
}

const message = ({ hubCode, takenAt, anchor }: AnchorFacts) =>
  JSON.stringify(['casebook audit anchor 1', hubCode, takenAt, anchor.seq, anchor.hash, anchor.firstHash ?? null, anchor.databaseId ?? null])

export const anchorMac = (key: Buffer, facts: AnchorFacts): string => createHmac('sha256', key).update(message(facts)).digest('hex')

/** The MAC key of a backup's anchor, from the backup key. */
export const backupAnchorKey = (backupKey: Buffer): Buffer => Buffer.from(hkdfSync('sha256', backupKey, Buffer.alloc(0), 'casebook backup audit anchor', 32))

/** The MAC key of a package's anchor, from the hub's pseudonym key (itself never in a package). */
export const exportAnchorKey = (pseudonymKey: string): Buffer => createHmac('sha256', pseudonymKey).update('casebook export audit anchor').digest()

export function anchorMacMatches(key: Buffer, facts: AnchorFacts, mac: unknown): boolean {
  if (typeof mac !== 'string' || !/^[0-9a-f]{64}$/.test(mac)) return false
  return timingSafeEqual(Buffer.from(anchorMac(key, facts), 'hex'), Buffer.from(mac, 'hex'))
}
