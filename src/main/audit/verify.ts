// Checks the audit trail's hash chain from the first entry to the last. Any entry altered in the
// file, or removed from the middle, breaks the chain at a place this names exactly. Entries removed
// from the end leave a chain that still checks, so the end is then checked against the anchors
// (./anchors): the trail's last entry as each backup and export saw it.
import type { EntityManager } from 'typeorm'
import type { AuditVerification } from '../../shared/audit/schemas'
import { formatDate, utcToLondon } from '../../shared/dates'
import type { AuditRow } from './entities'
import { entryHash, GENESIS_HASH, lastAuditEntry, type AuditAction } from './audit'
import { dialectOf } from '../core/dialect'
import { findAnchors, readAuditHead, readThisHub, type AnchorPlaces, type FoundAnchor } from './anchors'

const BATCH = 5000

type Db = Pick<EntityManager, 'query'>

/** The hash chain alone: what a restore checks in a backup before it is swapped in, and the fault tests after each kill. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }
  let entries = 0
  for (;;) {
    const rows = (await db.query(
      `SELECT seq, at, actor, action, record_type AS "recordType", record_id AS "recordId", family_id AS "familyId", changes,
              prev_hash AS "prevHash", hash FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?`,
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

/**
 * The chain, then its end against every anchor found in the database and in `places` (which name the
 * backup or export that saw more), then on PostgreSQL against the database's own record of its end.
 */
export async function verifyAuditTrail(db: Db & Parameters<typeof dialectOf>[0], places: AnchorPlaces): Promise<AuditVerification> {
  const chain = await verifyAuditChain(db)
  if (!chain.intact) return chain
  const ended = await checkEnd(db, chain, places)
  if (!ended.intact) return ended
  return (await checkHeadRow(db, ended)) ?? ended
}

/**
 * On PostgreSQL the database keeps the chain's head in a row of its own (audit_head, migration
 * 1764000000019), moved on by the trigger every entry passes: entries removed from the end, which
 * leave a chain that still checks, show there without any backup or export, unless whoever removed
 * them rewrote that row too (then the anchors are what is left to tell). A desk's next entry follows
 * that row, not the last entry left, so after such a cut the chain itself shows the gap.
 */
async function checkHeadRow(db: Db & Parameters<typeof dialectOf>[0], checked: AuditVerification): Promise<AuditVerification | null> {
  if (dialectOf(db) !== 'postgres') return null
  const [recorded] = (await db.query('SELECT seq, hash FROM audit_head WHERE id = 1')) as { seq: number; hash: string }[]
  if (!recorded) return null
  const end = (await lastAuditEntry(db)) ?? { seq: 0, hash: GENESIS_HASH }
  const said = Number(recorded.seq)
  if (said === end.seq && recorded.hash === end.hash) return null
  const record = `the database's own record of the trail's end says entry ${said}`
  if (said > end.seq) {
    const message = end.seq === 0 ? `Every entry is missing: ${record}.` : `Entries after ${end.seq} are missing: ${record}.`
    return { ...checked, intact: false, problem: { seq: end.seq + 1, message } }
  }
  const message = `The trail's end is not the one the database recorded: ${record}, and the trail ends at entry ${end.seq}. Entries have been removed or replaced.`
  return { ...checked, intact: false, problem: { seq: Math.min(said, end.seq), message } }
}

/** An audit entry that records a restore: written into the checked copy just before it is swapped in, timed at the swap. */
export const RESTORE_ACTION = 'restore' satisfies AuditAction

/*
 * Which anchors say something about this trail, and what. An anchor is (sequence, hash, the hash of
 * the trail's first entry, the database's id), plus the hub code and time of the file or package it
 * came from.
 *
 * - A backup file's or a package's anchor whose MAC does not check (none, a wrong one, or a backup
 *   made with a key this machine does not hold) is set aside as not authenticated: it lies on a share,
 *   and whoever can write there could have written it. It proves nothing either way: neither a cut nor
 *   that the trail is whole. A run's row is believed, being in the database.
 * - The trail holds the anchor (the same hash at that sequence): every entry up to it is as it was
 *   when the anchor was taken (each hash covers the one before it), so nothing up to there was removed.
 *   An anchor cannot vouch for a removal made before it was taken, so every anchor is checked, not only
 *   the newest: a trail cut short and then written on by the app holds the anchors taken since the cut,
 *   and only those taken before it show the cut.
 * - The anchor is another database's: another hub's backup in a shared folder, or a database of the
 *   same hub begun afresh. Its database id is not this database's; for an anchor without one (a backup
 *   taken before migration 16, just before upgrading), its first-entry hash is not this trail's (or,
 *   without that either, its hub code is not this hub's). It is set aside. The database id is made once
 *   and kept whatever happens to the trail (a restored database keeps it too), so a trail deleted whole
 *   and begun again by the app, a new entry 1 and all, is still this database's: the anchors then show
 *   it replaced. An anchor without a database id or first-entry hash and of this hub is taken as this
 *   trail's only when the trail is shorter than it.
 * - The anchor is this trail's but taken before a restore recorded in the trail, and beyond the point
 *   that restore went back to: it describes the database the restore replaced. Set aside.
 * - Otherwise it is this trail's and the trail no longer holds it: entries were removed from the end
 *   (the trail is shorter than the anchor), or removed and then written over (another entry stands at
 *   the anchor's sequence). The trail is broken.
 * - No anchor is held, and some authenticated anchor of this hub is another database's: either the hub
 *   began a new database (beside the old one's backups, and has not been backed up yet), or this
 *   database's trail was replaced whole and its id changed with it. Verification cannot tell which,
 *   so the trail is not reported intact; a backup taken since answers for the first case.
 *
 * Limits, said plainly: someone who can write the database file can change hub.database_id (past the
 * trigger that forbids it) and recompute every hash from the first entry on; the trail is then another
 * database's as far as any anchor can tell. Until the next backup or export that is caught by the last
 * rule above; after it, only by the count of anchors set aside (and the backups, which still hold the
 * trail as it was). One who writes a false restore entry explains away the anchors before it; that
 * entry is on the trail for anyone to read. A backup's MAC key comes from the backup key, which by
 * default sits beside the database: whoever can write the database can usually read it, and forge
 * anchors that the trail holds; what the MAC keeps out is a writer of the backup share alone.
 */
type Verdict = 'held' | 'not authenticated' | 'another database' | 'replaced by a restore' | 'cut' | 'replaced' | 'replaced whole'
type Finding = { found: FoundAnchor; verdict: Verdict }

async function checkEnd(db: Db, chain: AuditVerification, places: AnchorPlaces): Promise<AuditVerification> {
  const hub = await readThisHub(db)
  const anchors = await findAnchors(db, places, hub)
  if (anchors.length === 0) return chain
  // Read after the anchors, so that a backup taken meanwhile is never beyond the end this sees.
  const head = await readAuditHead(db)
  const restores = (await db.query('SELECT seq, at FROM audit_entry WHERE action = ? ORDER BY seq', [RESTORE_ACTION])) as { seq: number; at: string }[]

  // Many anchors share an entry (a backup and the run that recorded it): each is looked up once.
  const hashes = new Map<number, Promise<string | null>>()
  const hashAt = (seq: number) => {
    if (!hashes.has(seq))
      hashes.set(
        seq,
        db.query('SELECT hash FROM audit_entry WHERE seq = ?', [seq]).then((rows: { hash: string }[]) => rows[0]?.hash ?? null)
      )
    return hashes.get(seq)!
  }
  const findings: Finding[] = []
  for (const found of anchors) {
    if (!found.authentic) {
      findings.push({ found, verdict: 'not authenticated' })
      continue
    }
    const { seq, hash, firstHash, databaseId } = found.anchor
    const there = await hashAt(seq)
    if (seq === 0 || there === hash) {
      findings.push({ found, verdict: 'held' })
      continue
    }
    let ours: boolean
    if (found.hubCode === null)
      ours = true // a run recorded in this database
    else if (databaseId !== undefined && hub.databaseId !== null) ours = databaseId === hub.databaseId
    else if (firstHash !== undefined && head !== null) ours = firstHash === head.firstHash
    // Nothing to compare the first entry with (an anchor without it, or a trail with no entries left):
    // this hub's, and for an anchor without it only when the trail is shorter than it.
    else ours = found.hubCode === hub.code && (firstHash !== undefined || there === null)
    const beforeRestore = restores.some((r) => Number(r.seq) <= seq && Date.parse(found.takenAt) < Date.parse(r.at))
    // This database's, yet its first entry is not this trail's: the trail was deleted whole and begun again.
    const whole = firstHash !== undefined && head !== null && firstHash !== head.firstHash
    findings.push({
      found,
      verdict: !ours ? 'another database' : beforeRestore ? 'replaced by a restore' : whole ? 'replaced whole' : there === null ? 'cut' : 'replaced'
    })
  }

  const setAside = findings.filter((f) => f.verdict === 'not authenticated' || f.verdict === 'another database' || f.verdict === 'replaced by a restore')
  const unauthenticated = findings.filter((f) => f.verdict === 'not authenticated').length
  const bySeq = (a: Finding, b: Finding) => b.found.anchor.seq - a.found.anchor.seq || Date.parse(b.found.takenAt) - Date.parse(a.found.takenAt)
  const held = findings.filter((f) => f.verdict === 'held').sort(bySeq)
  const broken = findings.filter((f) => f.verdict === 'cut' || f.verdict === 'replaced' || f.verdict === 'replaced whole').sort(bySeq)[0]
  const extra = {
    ...(setAside.length > 0 ? { anchorsSetAside: setAside.length } : {}),
    ...(unauthenticated > 0 ? { anchorsUnauthenticated: unauthenticated } : {})
  }
  if (!broken) {
    if (held[0]) return { ...chain, ...extra, anchor: described(held[0].found) }
    const newest = (a: Finding, b: Finding) => Date.parse(b.found.takenAt) - Date.parse(a.found.takenAt)
    const ofThisHub = setAside.filter((f) => f.verdict === 'another database' && f.found.hubCode === hub.code).sort(newest)[0]
    if (!ofThisHub) return { ...chain, ...extra }
    const message = `No backup or export holds this trail, but ${described(ofThisHub.found).description} is of this hub and of another trail: this trail may have been replaced whole. If this hub began a new database, take a backup of it and check again.`
    return { ...chain, ...extra, intact: false, problem: { seq: 1, message }, anchor: described(ofThisHub.found) }
  }

  const seen = `the ${kind(broken.found)} taken ${when(broken.found.takenAt)} (${broken.found.name}) had seen entry ${broken.found.anchor.seq}`
  const last = head?.seq ?? 0
  if (broken.verdict === 'replaced whole') {
    const message = `The whole trail has been replaced: ${seen}, and the trail's first entry is now a different one.`
    return { ...chain, ...extra, intact: false, problem: { seq: 1, message }, anchor: described(broken.found) }
  }
  if (broken.verdict === 'cut') {
    const message = last === 0 ? `Every entry is missing: ${seen}.` : `Entries after ${last} are missing: ${seen}.`
    return { ...chain, ...extra, intact: false, problem: { seq: last + 1, message }, anchor: described(broken.found) }
  }
  // The newest anchor the trail still holds below the one it does not: entries up to it are sound.
  const sound = held.find((f) => f.found.anchor.seq < broken.found.anchor.seq)?.found.anchor.seq ?? null
  const message =
    sound === null
      ? `Entry ${broken.found.anchor.seq} is not the entry ${seen}: entries up to it have been removed or replaced.`
      : `Entries after ${sound} have been removed or replaced: ${seen}, and entry ${broken.found.anchor.seq} is now a different one.`
  return { ...chain, ...extra, intact: false, problem: { seq: sound === null ? broken.found.anchor.seq : sound + 1, message }, anchor: described(broken.found) }
}

const kind = (found: FoundAnchor) => (found.source === 'backup file' || found.source === 'backup run' ? 'backup' : 'export')

/** "on 24 November 2026 at 18:30", on the hub's clock. */
function when(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return 'at an unknown time'
  const local = utcToLondon(new Date(ms).toISOString())
  return `on ${formatDate(local.slice(0, 10))} at ${local.slice(11, 16)}`
}

function described(found: FoundAnchor): NonNullable<AuditVerification['anchor']> {
  return {
    source: found.source,
    name: found.name,
    takenAt: found.takenAt,
    seq: found.anchor.seq,
    description: `the ${kind(found)} taken ${when(found.takenAt)} (${found.name})`
  }
}
