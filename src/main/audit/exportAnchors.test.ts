// The trail's end checked against exports, on both engines: each export's run (in the database) and
// its package (in the export folder) record the head its snapshot saw, and a trail tampered with as
// the database's holder would (./../testing/tamper.ts: SQLite's guards dropped, PostgreSQL's triggers
// off) is found against them. Backups' anchors are SQLite's alone: ./anchors.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { runCommandOn } from '../testing/commandLine'
import { tamperWith } from '../testing/tamper'
import { auditHeadOf, exportNowIn, registerFamilies, reopenKeepingExportFolder } from './anchorsTestWorld'
import { entryHash } from './audit'
import { anchorPlacesOf } from './handlers'
import type { AuditRow } from './entities'
import type { ExportRun } from '../../shared/export/schemas'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('export-anchors')
})
afterEach(async () => {
  await t.dispose()
})

const head = () => auditHeadOf(t)
const register = (n = 1) => registerFamilies(t, n)
const exportNow = () => exportNowIn(t)

/** The head an export's run recorded: what its snapshot saw. */
async function recordedHead(run: ExportRun): Promise<{ seq: number; hash: string }> {
  const [row] = await t.casebook.core.db.query('SELECT audit_head_seq AS seq, audit_head_hash AS hash FROM export_run WHERE id = ?', [run.id])
  return { seq: Number(row.seq), hash: row.hash }
}

/** The package's descriptor, as the authority receives it. */
const descriptorOf = (run: ExportRun) => JSON.parse(readFileSync(join(run.exportFolder, run.packageName!, 'datapackage.json'), 'utf8'))

/** "the export taken on 24 November 2026 at 18:30 (<package>)": the day and time are the run's, on the hub's clock. */
const theExport = (run: ExportRun) => `the export taken on \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2} \\(${run.packageName}\\)`

/** Tampered with while the app is closed, as the database's holder would, then opened again. */
async function tamper(sql: string): Promise<void> {
  await t.casebook.close()
  await tamperWith(t, sql)
  await reopenKeepingExportFolder(t)
}

/**
 * Entry `seq` given another actor and every hash from it on recomputed, as someone who knows how the
 * chain is made would: the chain checks from the first entry to the last, and only an anchor taken
 * before the change can tell.
 */
async function rewriteFrom(seq: number, actor: string): Promise<void> {
  const rows = (await t.casebook.core.db.query(
    `SELECT seq, at, actor, action, record_type AS "recordType", record_id AS "recordId", family_id AS "familyId", changes, prev_hash AS "prevHash"
       FROM audit_entry WHERE seq >= ? ORDER BY seq`,
    [seq]
  )) as Omit<AuditRow, 'hash'>[]
  let prevHash = rows[0]!.prevHash
  const updates = rows.map((row) => {
    const forged = { ...row, prevHash, actor: row.seq === seq ? actor : row.actor }
    prevHash = entryHash(forged)
    return `UPDATE audit_entry SET actor = '${forged.actor}', prev_hash = '${forged.prevHash}', hash = '${prevHash}' WHERE seq = ${row.seq}`
  })
  await tamper(updates.join('; '))
}

describe("the trail's end, checked against exports", () => {
  it('records the head its snapshot saw in the run and the package, and checks an intact trail against them', async () => {
    await register(2)
    const run = await exportNow()
    const recorded = await recordedHead(run)
    const now = await head()
    const descriptor = descriptorOf(run)
    expect(descriptor.casebook.auditHead).toEqual({ ...recorded, firstHash: now.firstHash, databaseId: now.databaseId })
    expect(now.databaseId).toMatch(/^[0-9a-f]{32}$/)
    expect(recorded.seq).toBeLessThan(now.seq) // the run's own last entry comes after its snapshot

    expect(await t.ok('audit.verify', {})).toEqual({
      intact: true,
      entries: now.seq,
      problem: null,
      anchor: {
        source: 'export package',
        name: run.packageName,
        takenAt: descriptor.created,
        seq: recorded.seq,
        description: expect.stringMatching(new RegExp(`^${theExport(run)}$`))
      }
    })
    // Collected by the authority: the run recorded in the database still anchors the trail.
    rmSync(join(run.exportFolder, run.packageName!), { recursive: true })
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true, anchor: { source: 'export run', name: run.packageName, seq: recorded.seq } })
    // The command line (with no export folder of its own) checks against the run too.
    const { code, out } = await runCommandOn(t, 'audit', 'verify')
    expect(code).toBe(0)
    expect(out).toMatch(
      new RegExp(
        `^The audit trail is intact: ${now.seq} entries checked\\. Its end was checked against ${theExport(run)}, which had seen entry ${recorded.seq}\\.$`
      )
    )
  })

  it('finds the newest entries deleted from the export run recorded in the database, when that is all there is', async () => {
    await register(2)
    const run = await exportNow()
    const { seq } = await recordedHead(run)
    rmSync(join(run.exportFolder, run.packageName!), { recursive: true }) // collected by the authority
    await tamper(`DELETE FROM audit_entry WHERE seq > 3`)
    const verified = await t.ok('audit.verify', {})
    expect(verified).toMatchObject({ intact: false, entries: 3, problem: { seq: 4 }, anchor: { source: 'export run', name: run.packageName, seq } })
    expect(verified.problem.message).toMatch(new RegExp(`^Entries after 3 are missing: ${theExport(run)} had seen entry ${seq}\\.$`))
  })

  it('finds them from the package in the export folder when the runs were deleted too', async () => {
    await register(2)
    const run = await exportNow()
    const { seq } = await recordedHead(run)
    await tamper(`DELETE FROM audit_entry WHERE seq > 3; DELETE FROM export_run_file; DELETE FROM export_run`)
    expect(await t.ok('audit.verify', {})).toMatchObject({
      intact: false,
      problem: { seq: 4 },
      anchor: { source: 'export package', name: run.packageName, seq }
    })
  })

  it('finds an entry rewritten after one export and before the next, its hashes recomputed, against the later export', async () => {
    await register()
    const earlier = await exportNow()
    const sound = (await recordedHead(earlier)).seq
    await register(2)
    const later = await exportNow()
    const { seq } = await recordedHead(later)
    // A registration's entry between the two exports' heads (the earlier export's own last entry is sound + 1).
    expect(sound + 2).toBeLessThan(seq)
    await rewriteFrom(sound + 2, 'someone else')
    const verified = await t.ok('audit.verify', {})
    expect(verified).toMatchObject({ intact: false, entries: (await head()).seq, problem: { seq: sound + 1 }, anchor: { name: later.packageName, seq } })
    const message = `Entries after ${sound} have been removed or replaced: ${theExport(later)} had seen entry ${seq}, and entry ${seq} is now a different one\\.`
    expect(verified.problem.message).toMatch(new RegExp(`^${message}$`))
    const { code, out } = await runCommandOn(t, 'audit', 'verify')
    expect(code).toBe(1)
    expect(out).toMatch(new RegExp(`^The audit trail is broken\\. ${message}$`))
  })

  it('finds a trail cut short and then written on, which still holds the exports taken after the cut', async () => {
    await register()
    const sound = (await recordedHead(await exportNow())).seq
    await register(2)
    const cutAway = await exportNow()
    const { seq } = await recordedHead(cutAway)
    // The entries alone: the runs' rows number the packages, and without them the next export would take
    // a name already in the folder (and be refused). On PostgreSQL the head's row is put back too, or the
    // app could save nothing more: the database refuses every entry that does not follow that row.
    const headKept = t.postgres ? `; UPDATE audit_head SET (seq, hash) = (SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1) WHERE id = 1` : ''
    await tamper(`DELETE FROM audit_entry WHERE seq > ${sound + 2}${headKept}`)
    // The app carries on past the anchor's entry, and the next export sees the trail as it now is.
    await register(3)
    const after = await exportNow()
    expect((await recordedHead(after)).seq).toBeGreaterThan(seq)
    const verified = await t.ok('audit.verify', {})
    expect(verified).toMatchObject({ intact: false, problem: { seq: sound + 1 }, anchor: { name: cutAway.packageName, seq } })
    expect(verified.problem.message).toMatch(
      new RegExp(
        `^Entries after ${sound} have been removed or replaced: ${theExport(cutAway)} had seen entry ${seq}, and entry ${seq} is now a different one\\.$`
      )
    )
  })

  it('checks the chain first: an entry altered after an export, its hash left as it was, is named whatever the anchors say', async () => {
    await register()
    const run = await exportNow()
    const { seq } = await recordedHead(run)
    await register()
    await tamper(`UPDATE audit_entry SET actor = 'someone else' WHERE seq = ${seq + 2}`)
    expect(await t.ok('audit.verify', {})).toEqual({
      intact: false,
      entries: seq + 1,
      problem: { seq: seq + 2, message: `Entry ${seq + 2} has been altered: its contents no longer match its hash.` }
    })
  })

  it('sets aside a package whose anchor was changed in the export folder, and believes the real one', async () => {
    await register(2)
    const run = await exportNow()
    const path = join(run.exportFolder, run.packageName!, 'datapackage.json')
    const descriptor = descriptorOf(run)
    expect(descriptor.casebook.auditHeadMac).toMatch(/^[0-9a-f]{64}$/)
    const real = await t.ok('audit.verify', {})
    expect(real).toMatchObject({ intact: true, anchor: { source: 'export package', name: run.packageName } })
    expect(real).not.toHaveProperty('anchorsSetAside')
    descriptor.casebook.auditHead.seq += 50
    writeFileSync(path, JSON.stringify(descriptor))
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true, anchor: { source: 'export run' }, anchorsSetAside: 1, anchorsUnauthenticated: 1 })
  })

  it('passes over an unreachable export folder', async () => {
    await register()
    t.casebook.core.exportFolder = join(t.dir, 'no such share')
    expect(await t.ok('audit.verify', {})).toEqual({ intact: true, entries: 2, problem: null })
  })

  it('gives every database an id of its own, kept once made', async () => {
    const other = await tempCasebook('export-anchors-second')
    try {
      const ids = await Promise.all([t, other].map(async (o) => (await o.casebook.core.db.query('SELECT database_id AS id FROM hub'))[0].id))
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/)
      expect(ids[0]).not.toBe(ids[1])
      await expect(t.casebook.core.writes.run((m) => m.query(`UPDATE hub SET database_id = ?`, ['f'.repeat(32)]))).rejects.toThrow(
        /made once and never changed/
      )
    } finally {
      await other.dispose()
    }
  })
})

describe('where the anchors outside the database are looked for', () => {
  it('backups beside the file on SQLite; on a shared database, only in a folder IT names (its "path" is the server s address)', async () => {
    const core = t.casebook.core
    if (t.postgres) expect(anchorPlacesOf(core)).toMatchObject({ backupFolder: null, backupKey: null })
    else expect(anchorPlacesOf(core).backupFolder).toBe(join(dirname(t.databasePath), 'Backups'))
    core.backupSettings = { ...core.backupSettings, folder: join(t.dir, 'it-backups') }
    expect(anchorPlacesOf(core).backupFolder).toBe(join(t.dir, 'it-backups'))
  })
})
