// The export end to end on a real SQLite file: packages read back by the independent reader
// (testing/readPackage, csv-parse), compared with the database by the test's own SQL, then changed
// and exported again incrementally, pseudonymised, and refused when it must be.
import { readdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { hostname } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPackage, type KnownKeys, type ReadPackageResult } from './testing/readPackage'
import { exportAs, exportWorld, FORMULA_TEXT, type ExportWorld } from './exportTestWorld'
import { RESOURCES } from './resources'
import { unwrap } from '../testing/tempCasebook'
import { today } from '../testing/fixtures'
import { refuseInserts } from '../testing/refusedInserts'
import type { ExportRun } from '../../shared/export/schemas'

let w: ExportWorld
let full: ExportRun
let fullPackage: ReadPackageResult

const db = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => w.t.casebook.core.db.query(sql, params) as Promise<T[]>
const idsOf = (p: ReadPackageResult, resource: string, field = 'id') => p.resources[resource]!.rows.map((r) => r[field]).sort()

/** Every file's bytes in a folder and below it, as one string. */
function allBytes(folder: string): string {
  let out = ''
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry)
    out += statSync(path).isDirectory() ? allBytes(path) : readFileSync(path, 'latin1') + readFileSync(path, 'utf8')
  }
  return out
}

async function readRun(run: ExportRun, known: KnownKeys[] = []): Promise<ReadPackageResult> {
  expect(run).toMatchObject({ status: 'succeeded', error: null })
  const { problems, result } = await checkPackage(join(run.exportFolder, run.packageName!), { knownKeys: known })
  expect(problems).toEqual([])
  return result
}

/** What an incremental package may refer to without holding it: every key of the full package. */
function keysOf(p: ReadPackageResult): KnownKeys[] {
  return RESOURCES.filter((r) => r.name !== 'deletions').map((r) => ({
    resource: r.name,
    fields: r.primaryKey,
    values: p.resources[r.name]!.rows.map((row) => r.primaryKey.map((f) => row[f]!))
  }))
}

beforeAll(async () => {
  w = await exportWorld('export')
  full = await exportAs(w.molly, { kind: 'full' })
  fullPackage = await readRun(full)
}, 60_000)
afterAll(async () => {
  await w.t.dispose()
})

describe('a full package', () => {
  it('holds every file, each row valid against its Table Schema, keys unique and references resolved', () => {
    expect(Object.keys(fullPackage.resources).sort()).toEqual(RESOURCES.map((r) => r.name).sort())
    expect(fullPackage.descriptor.profile).toBe('tabular-data-package')
    expect(fullPackage.descriptor.casebook).toMatchObject({ hubCode: 'TH', localAuthorityCode: '999', packageSequence: 1, kind: 'full', pseudonymised: false })
    expect(full.packageName).toMatch(/^TH-\d{8}T\d{6}Z-000001$/)
  })

  it('puts each file’s rows in the order of their keys by code point, whichever engine read them', () => {
    const byCodePoint = (a: string[], b: string[]): number => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1
      return 0
    }
    // Rows made in code rather than read from one table keep the order of what they were made from
    // (a document's entries, a review's people then its team), itself read in key order: the same from
    // either engine. Deletions come in the order of the files they are about.
    const madeInCode = [
      'assessment_entries',
      'assessment_headlines',
      'plan_outcomes',
      'plan_outcome_people',
      'plan_actions',
      'review_attendees',
      'review_scores',
      'deletions'
    ]
    const outOfOrder: Record<string, string[][]> = {}
    for (const resource of RESOURCES.filter((r) => !madeInCode.includes(r.name))) {
      const keys = fullPackage.resources[resource.name]!.rows.map((row) => resource.primaryKey.map((f) => String(row[f] ?? '')))
      const misplaced = keys.filter((key, i) => i > 0 && byCodePoint(keys[i - 1]!, key) >= 0)
      if (misplaced.length) outOfOrder[resource.name] = misplaced
    }
    expect(outOfOrder).toEqual({})
  })

  it('matches the database record for record', async () => {
    expect(idsOf(fullPackage, 'families')).toEqual((await db<{ id: string }>('SELECT id FROM family')).map((r) => r.id).sort())
    const people = await db('SELECT id, family_id, given_name, family_name, date_of_birth, nhs_number FROM person ORDER BY id')
    expect(
      fullPackage.resources
        .people!.rows.map((r) => ({
          id: r.id,
          family_id: r.family_id,
          given_name: r.given_name,
          family_name: r.family_name,
          date_of_birth: r.date_of_birth,
          nhs_number: r.nhs_number
        }))
        .sort((a, b) => String(a.id).localeCompare(String(b.id)))
    ).toEqual(people)
    expect(idsOf(fullPackage, 'staff')).toEqual([w.ids.molly, w.ids.pat, w.ids.rita].sort())
    expect(idsOf(fullPackage, 'episodes')).toEqual((await db<{ id: string }>('SELECT id FROM episode')).map((r) => r.id).sort())
    expect(idsOf(fullPackage, 'requests')).toEqual((await db<{ id: string }>('SELECT id FROM request_for_help')).map((r) => r.id).sort())
    expect(idsOf(fullPackage, 'referrals')).toEqual([w.referralId])
    expect(idsOf(fullPackage, 'step_ups')).toEqual((await db<{ id: string }>('SELECT id FROM step_up')).map((r) => r.id).sort())
    // Exact values: the formula-like text is as typed.
    expect(fullPackage.resources.episodes!.rows.find((r) => r.id === w.episodeId)!.reason).toBe(`Rent arrears ${FORMULA_TEXT}`)
  })

  it('flattens the documents and lists into rows', () => {
    const actions = fullPackage.resources.plan_actions!.rows
    expect(actions.map((a) => [a.owner_person_id !== null, a.owner_team_member_id])).toEqual(
      expect.arrayContaining([
        [true, null],
        [false, w.keptMemberId]
      ])
    )
    expect(fullPackage.resources.review_attendees!.rows).toHaveLength(2)
    expect(fullPackage.resources.review_scores!.rows).toEqual([expect.objectContaining({ score: 4, comment: '+ better than last month' })])
    expect(fullPackage.resources.assessment_entries!.rows).toHaveLength(6)
    expect(fullPackage.resources.assessment_headlines!.rows).toEqual([
      expect.objectContaining({ headline: 'HOUSING', evidence: 'Two months behind with the rent' })
    ])
    expect(
      fullPackage.resources
        .episode_headlines!.rows.filter((r) => r.episode_id === w.episodeId)
        .map((r) => r.headline)
        .sort()
    ).toEqual(['EARLY_YEARS', 'HOUSING'])
    expect(fullPackage.resources.case_note_people!.rows).toHaveLength(2)
    expect(fullPackage.resources.person_disabilities).toBeDefined()
  })

  it("sends a note's text only when the hub says so", () => {
    expect(fullPackage.resources.case_notes!.rows.map((r) => r.text)).toEqual([null])
  })

  it('sends a removed team member as a deletion, not as a row', () => {
    expect(idsOf(fullPackage, 'team_members')).toEqual([w.keptMemberId, w.spareMemberId].sort())
    expect(fullPackage.resources.deletions!.rows).toEqual([
      expect.objectContaining({ resource: 'team_members', record_key: w.removedMemberId, deleted_by_user_id: w.ids.pat })
    ])
  })

  it('keeps exact values in the package and neutralises formulas in the spreadsheet copies', () => {
    const copy = fullPackage.spreadsheetCopies.find((c) => c.resource === 'episodes')!
    const column = copy.records[0]!.indexOf('reason')
    const cells = copy.records.slice(1).map((r) => r[column])
    expect(cells).toContain(`Rent arrears ${FORMULA_TEXT}`)
    const request = fullPackage.spreadsheetCopies.find((c) => c.resource === 'requests')!
    expect(request.records.slice(1).map((r) => r[request.records[0]!.indexOf('reason')])).toContain("'@SUM(1+1) worried about food")
    expect(fullPackage.resources.requests!.rows.map((r) => r.reason)).toContain('@SUM(1+1) worried about food')
  })

  it('is in the history with its files and their SHA-256', async () => {
    const history = unwrap<{ runs: ExportRun[] }>(await w.molly.invoke('export.history', {}))
    const run = history.runs.find((r) => r.id === full.id)!
    expect(run.startedBy).toBe('molly')
    const families = run.files.find((f) => f.path === 'families.csv')!
    expect(families.sha256).toBe(fullPackage.descriptor.resources.find((r: { name: string }) => r.name === 'families').hash.replace('sha256:', ''))
    expect(families.rows).toBe(fullPackage.resources.families!.rows.length)
  })
})

describe('an incremental package', () => {
  let incremental: ExportRun
  let next: ReadPackageResult
  let noteId: string

  beforeAll(async () => {
    const okafors = await w.t.ok('families.get', { id: w.family.id })
    await w.t.ok('families.update', { id: w.family.id, version: okafors.family.version, family: { ...okafors.family, addressLine1: '9 New Road' } })
    await w.t.ok('team.remove', { id: w.spareMemberId, version: 1 })
    const other = await w.t.ok('families.get', { id: w.otherFamilyId })
    await w.t.ok('families.setRestriction', { id: w.otherFamilyId, version: other.family.version, restricted: true, allowedUserIds: [w.ids.rita] })
    noteId = unwrap<{ id: string }>(
      await w.pat.invoke('notes.add', {
        familyId: w.family.id,
        occurredOn: today,
        occurredAt: '00:00',
        type: 'PHONE_CALL',
        text: 'Called Grace about the rent.'
      })
    ).id
    incremental = await exportAs(w.molly, { kind: 'incremental' })
    next = await readRun(incremental, keysOf(fullPackage))
  }, 60_000)

  it('starts where the last package ended', () => {
    expect(incremental).toMatchObject({ kind: 'incremental', packageSequence: 2, changeFrom: full.changeTo })
    expect(incremental.changeTo!).toBeGreaterThan(full.changeTo!)
  })

  it('holds exactly what changed', () => {
    expect(idsOf(next, 'families')).toEqual([w.family.id, w.otherFamilyId].sort())
    expect(next.resources.families!.rows.find((r) => r.id === w.family.id)!.address_line1).toBe('9 New Road')
    expect(idsOf(next, 'case_notes')).toEqual([noteId])
    expect(next.resources.people!.rows).toEqual([])
    expect(next.resources.team_members!.rows).toEqual([])
    expect(next.resources.plans!.rows).toEqual([])
    // A note changes the episode's caseload caches, which are not sent: the episode is not sent again.
    expect(next.resources.episodes!.rows).toEqual([])
    expect(next.resources.family_access!.rows).toEqual([expect.objectContaining({ family_id: w.otherFamilyId, user_id: w.ids.rita })])
  })

  it('carries the removals as tombstones', () => {
    expect(next.resources.deletions!.rows.map((r) => [r.resource, r.record_key]).sort()).toEqual(
      [
        ['family_access', `${w.otherFamilyId}|${w.ids.pat}`],
        ['team_members', w.spareMemberId]
      ].sort()
    )
  })

  it('is empty when nothing has changed since', async () => {
    const empty = await readRun(await exportAs(w.molly, { kind: 'incremental' }), keysOf(fullPackage))
    for (const resource of Object.values(empty.resources)) expect({ [resource.name]: resource.rows }).toEqual({ [resource.name]: [] })
  })
})

describe('a package read while a desk saves', () => {
  it('holds the records as they were when its snapshot began, and the next package carries what was saved during it', async () => {
    const moveTo = async (town: string) => {
      const { family } = await w.t.ok('families.get', { id: w.family.id })
      await w.t.ok('families.update', { id: w.family.id, version: family.version, family: { ...family, town } })
    }
    await moveTo('Before Town')
    const core = w.t.casebook.core
    const snapshot = core.snapshot!
    let savedDuring = false
    // The desk saves, and its transaction commits, once the run has read the change feed's end in its snapshot.
    core.snapshot = async () => {
      core.snapshot = snapshot
      const reader = await snapshot()
      const query = reader.query.bind(reader)
      reader.query = (async (sql: string, params?: unknown[]) => {
        const rows = await query(sql, params)
        if (!savedDuring && /MAX\(seq\)/.test(sql)) {
          savedDuring = true
          await moveTo('During Town')
        }
        return rows
      }) as typeof reader.query
      return reader
    }
    const during = await exportAs(w.molly, { kind: 'incremental' })
    expect(savedDuring).toBe(true)
    const read = await readRun(during, keysOf(fullPackage))
    expect(read.resources.families!.rows.map((r) => [r.id, r.town])).toEqual([[w.family.id, 'Before Town']])
    const [end] = await db<{ top: number }>('SELECT MAX(seq) AS top FROM change_feed')
    expect(during.changeTo).toBeLessThan(Number(end!.top))
    const after = await readRun(await exportAs(w.molly, { kind: 'incremental' }), keysOf(fullPackage))
    expect(after.resources.families!.rows.map((r) => [r.id, r.town])).toEqual([[w.family.id, 'During Town']])
  })
})

describe('the pseudonymised package', () => {
  let first: ReadPackageResult

  it('holds no name, address, contact detail, identifier, date of birth or free text of the hub', async () => {
    const run = await exportAs(w.molly, { kind: 'full', pseudonymised: true })
    expect(run).toMatchObject({ status: 'succeeded', pseudonymised: true, packageSequence: 1 })
    const result = await readRun(run)
    first = result
    const bytes = allBytes(join(run.exportFolder, run.packageName!))
    const secrets = new Set<string>()
    const add = (v: unknown) => {
      // Shorter values ('pat') are inside ordinary words of the descriptor ('pattern').
      if (typeof v === 'string' && v.length >= 4) secrets.add(v)
    }
    for (const p of await db('SELECT * FROM person'))
      [p.id, p.given_name, p.family_name, p.date_of_birth, p.expected_date, p.nhs_number, p.upn, p.school, p.gp_practice].forEach(add)
    for (const f of await db('SELECT * FROM family')) [f.id, f.reference, f.address_line1, f.address_line2, f.postcode, f.phone, f.email].forEach(add)
    for (const n of await db('SELECT text FROM case_note')) add(n.text)
    for (const r of await db('SELECT referrer_name, referrer_phone, referrer_email, reason FROM request_for_help')) Object.values(r).forEach(add)
    for (const m of await db('SELECT name, phone, email FROM taf_member')) Object.values(m).forEach(add)
    for (const u of await db('SELECT username, display_name FROM app_user')) Object.values(u).forEach(add)
    for (const h of await db('SELECT pseudonym_key FROM hub')) add(h.pseudonym_key)
    expect(secrets.size).toBeGreaterThan(20)
    expect([...secrets].filter((s) => bytes.includes(s))).toEqual([])
    // Year and month of birth, and postcode districts, are what remains.
    expect(result.resources.people!.rows.map((r) => r.date_of_birth).filter(Boolean)).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{4}-\d{2}$/)]))
    const postcodes = (await db<{ postcode: string }>('SELECT postcode FROM family')).map((f) => f.postcode.split(' ')[0])
    expect(result.resources.families!.rows.map((r) => r.postcode).sort()).toEqual(postcodes.sort())
    expect(run.exportFolder).toBe(join(w.folder, 'pseudonymised'))
  })

  it('gives a person the same pseudonym in every package', async () => {
    const again = await readRun(await exportAs(w.molly, { kind: 'full', pseudonymised: true }))
    expect(idsOf(again, 'people')).toEqual(idsOf(first, 'people'))
  })
})

describe('an export that must not run', () => {
  it('is refused while the validation report has errors: the run ends blocked, in the history, and nothing is written', async () => {
    const before = readdirSync(w.folder).sort()
    await w.t.casebook.core.writes.run((m) => m.query(`UPDATE family SET postcode = 'NOT A PC' WHERE id = ?`, [w.otherFamilyId]))
    const refused = await exportAs(w.molly, { kind: 'incremental' })
    expect(refused).toMatchObject({
      status: 'blocked',
      packageName: null,
      error: expect.stringMatching(/^Nothing was sent: the validation report has 1 error to fix first \(CB101 ×1\)/)
    })
    expect(readdirSync(w.folder).sort()).toEqual(before)
    const history = unwrap<{ runs: ExportRun[] }>(await w.molly.invoke('export.history', {}))
    expect(history.runs[0]).toMatchObject({ id: refused.id, status: 'blocked' })
    await w.t.casebook.core.writes.run((m) => m.query(`UPDATE family SET postcode = 'M1 1AE' WHERE id = ?`, [w.otherFamilyId]))
  })

  it('checks what it sends: an incremental package is not held back by a record it does not carry, a full one is', async () => {
    const full = await readRun(await exportAs(w.molly, { kind: 'full' }))
    // A family that breaks a rule without the change feed naming it since (as a rule added in a later
    // version finds records sent before it): its trigger is set aside for the one statement. Another
    // family changes, so that the next package carries something.
    await w.t.casebook.core.writes.run(async (m) => {
      if (w.t.postgres) {
        // PostgreSQL can switch one trigger off and on again (migration 1764000000019's).
        await m.query('ALTER TABLE family DISABLE TRIGGER change_feed_family_update')
        await m.query(`UPDATE family SET postcode = 'NOT A PC' WHERE id = ?`, [w.otherFamilyId])
        await m.query('ALTER TABLE family ENABLE TRIGGER change_feed_family_update')
      } else {
        const [{ sql }] = (await m.query(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'change_feed_family_update'`)) as [{ sql: string }]
        await m.query('DROP TRIGGER change_feed_family_update')
        await m.query(`UPDATE family SET postcode = 'NOT A PC' WHERE id = ?`, [w.otherFamilyId])
        await m.query(sql)
      }
      await m.query(`UPDATE family SET town = 'Riverside' WHERE id = ?`, [w.family.id])
    })
    try {
      const incremental = await readRun(await exportAs(w.molly, { kind: 'incremental' }), keysOf(full))
      expect(idsOf(incremental, 'families')).toEqual([w.family.id])
      expect(await exportAs(w.molly, { kind: 'full' })).toMatchObject({
        status: 'blocked',
        error: expect.stringMatching(/^Nothing was sent: the validation report has 1 error to fix first \(CB101 ×1\)/)
      })
    } finally {
      await w.t.casebook.core.writes.run((m) => m.query(`UPDATE family SET postcode = 'M1 1AE' WHERE id = ?`, [w.otherFamilyId]))
    }
  })

  it('is refused while another run is going, and the running one is not disturbed', async () => {
    await w.t.casebook.core.writes.run((m) =>
      m.query(
        `INSERT INTO export_run (id, kind, pseudonymised, status, package_sequence, change_from, export_folder, started_at, heartbeat_at, started_via, os_user, host, pid)
         VALUES ('99999999-9999-4999-8999-999999999999', 'full', false, 'running', 9, 0, ?, ?, ?, 'command-line', 'it', ?, ?)`,
        [w.folder, new Date().toISOString(), new Date().toISOString(), hostname(), process.pid]
      )
    )
    expect(await w.molly.invoke('export.start', { kind: 'incremental' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(unwrap<ExportRun>(await w.molly.invoke('export.progress', { runId: '99999999-9999-4999-8999-999999999999' })).status).toBe('running')
    await w.t.casebook.core.writes.run((m) =>
      m.query(`UPDATE export_run SET status = 'failed', finished_at = ? WHERE status = 'running'`, [new Date().toISOString()])
    )
  })

  it('is refused without an export folder, or with one that is not there', async () => {
    const folder = w.t.casebook.core.exportFolder
    w.t.casebook.core.exportFolder = null
    expect(await w.molly.invoke('export.start', { kind: 'full' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('No export folder') }
    })
    w.t.casebook.core.exportFolder = join(w.t.dir, 'no-such-folder')
    expect(await w.molly.invoke('export.start', { kind: 'full' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('cannot be reached') }
    })
    w.t.casebook.core.exportFolder = folder
  })
})

describe('a run whose package is written but cannot be recorded', () => {
  it('moves the package out of sight, records the failure, and the next run takes the next number (never one a package may have had)', async () => {
    const complete = () => readdirSync(w.folder).filter((n) => /^TH-\d{8}T\d{6}Z-\d{6}$/.test(n))
    const before = complete()
    const refused = await refuseInserts(w.t.casebook.core, { name: 'test_cannot_record', table: 'export_run_file', message: 'the disk is full' })
    const failed = await exportAs(w.molly, { kind: 'full' })
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('the disk is full') })
    expect(complete()).toEqual(before)
    expect(readdirSync(w.folder)).toContain(`.failed-${failed.packageName}`)
    await refused.lift()
    const again = await exportAs(w.molly, { kind: 'full' })
    expect(again).toMatchObject({ status: 'succeeded', packageSequence: failed.packageSequence + 1, changeFrom: failed.changeFrom })
    expect(complete()).toEqual([...before, again.packageName].sort())
  })
})

describe("the hub's setting for notes' text", () => {
  it('sends every note again, with its text, once it is turned on', async () => {
    await exportAs(w.molly, { kind: 'incremental' })
    const settings = await w.t.ok('hub.settings', {})
    await w.t.ok('hub.update', { ...settings, exportNoteText: true })
    const next = await readRun(await exportAs(w.molly, { kind: 'incremental' }), keysOf(fullPackage))
    const notes = await db<{ id: string; text: string }>('SELECT id, text FROM case_note ORDER BY id')
    expect(next.descriptor.casebook.caseNoteText).toBe(true)
    expect(next.resources.case_notes!.rows.map((r) => [r.id, r.text])).toEqual(notes.map((n) => [n.id, n.text]))
    expect(next.resources.families!.rows).toEqual([])
  })
})

describe('a package collected before its run was recorded', () => {
  it('keeps its number: the next package takes a higher one, and the history does not say nothing was sent', async () => {
    const done = await exportAs(w.molly, { kind: 'incremental' })
    // As if killed between the rename and its last transaction (a process that is gone), and the
    // authority collected the package before the next run.
    await w.t.casebook.core.writes.run(async (m) => {
      await m.query(`DELETE FROM export_run_file WHERE run_id = ?`, [done.id]).catch(() => undefined)
      await m.query(`UPDATE export_run SET status = 'running', finished_at = NULL, pid = 999999 WHERE id = ?`, [done.id])
    })
    renameSync(join(w.folder, done.packageName!), join(w.t.dir, done.packageName!))
    await w.t.casebook.core.writes.run((m) => m.query(`UPDATE family SET town = 'York' WHERE id = ?`, [w.family.id]))
    const next = await exportAs(w.molly, { kind: 'incremental' })
    expect(next).toMatchObject({ status: 'succeeded', packageSequence: done.packageSequence + 1, changeFrom: done.changeFrom })
    const killed = unwrap<ExportRun>(await w.molly.invoke('export.progress', { runId: done.id }))
    expect(killed).toMatchObject({ status: 'interrupted', error: expect.stringContaining('it has been collected') })
  })
})
