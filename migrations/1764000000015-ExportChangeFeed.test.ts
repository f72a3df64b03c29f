// The change feed, the export's history and two hub settings. Run on a database with a hub, an
// account, families, people and their disabilities, memberships and a trail in it, as migration 14
// left them: nothing that was there changes but the hub (its new settings, and a key for the
// pseudonymised package); from then on every write to an exported table says which record changed,
// in order, and nothing the authority may hold can be deleted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ExportChangeFeed1764000000015 } from './1764000000015-ExportChangeFeed'
import { changedTables, databaseBefore, refusal, type MigrationDb } from '../src/main/testing/migrationDb'
import { familyRows13, hubRow, personRows13, rows13, userRow } from '../src/main/testing/migrationRows'

let db: MigrationDb
const AT = '2026-04-02T09:30:00.000Z'
const [okafors, bells] = familyRows13 as [(typeof familyRows13)[number], (typeof familyRows13)[number]]
const [grace, catherine] = personRows13 as [(typeof personRows13)[number], (typeof personRows13)[number]]

beforeEach(async () => {
  db = await databaseBefore(ExportChangeFeed1764000000015)
  for (const [table, rows] of rows13) await db.insert(table, rows)
})
afterEach(async () => {
  await db.dispose()
})

const feed = () => db.query<{ seq: number; record_type: string; record_key: string }>('SELECT seq, record_type, record_key FROM change_feed ORDER BY seq')

describe('ExportChangeFeed1764000000015', () => {
  it('runs alone, changes no record but the hub, and gives the hub its export settings and a key of its own', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['ExportChangeFeed1764000000015'])
    const after = await db.everyRow()
    expect(changedTables(before, after).filter((t) => !['change_feed', 'export_run', 'export_run_file'].includes(t))).toEqual(['hub'])
    const [hub] = await db.rows('hub')
    expect(hub).toEqual({
      ...hubRow,
      ...Object.fromEntries(Object.entries(hub!).filter(([k]) => !(k in hubRow))),
      export_note_text: 0,
      pseudonym_key: expect.stringMatching(/^[0-9a-f]{64}$/)
    })
    // What was there before is not in the feed: the first package is always a full one.
    expect(await feed()).toEqual([])
    expect(await db.rows('export_run')).toEqual([])
  })

  it('says which record changed for every insert and update, in order, a link row naming its parent', async () => {
    await db.migrate()
    await db.query(`UPDATE family SET town = 'Leeds' WHERE id = ?`, [okafors.id])
    await db.query(`UPDATE person SET given_name = 'Gracie' WHERE id = ?`, [grace.id])
    await db.query(`INSERT INTO person_disability (person_id, code) VALUES (?, 'VIS')`, [grace.id])
    await db.query(`DELETE FROM person_disability WHERE person_id = ? AND code = 'VIS'`, [grace.id])
    await db.query(`INSERT INTO family_access (family_id, user_id, granted_at, granted_by_user_id) VALUES (?, ?, ?, ?)`, [bells.id, userRow.id, AT, userRow.id])
    await db.query(`UPDATE app_user SET display_name = 'Pat P.' WHERE id = ?`, [userRow.id])
    expect(await feed()).toEqual([
      { seq: 1, record_type: 'families', record_key: okafors.id },
      { seq: 2, record_type: 'people', record_key: grace.id },
      { seq: 3, record_type: 'people', record_key: grace.id },
      { seq: 4, record_type: 'people', record_key: grace.id },
      { seq: 5, record_type: 'family_access', record_key: `${bells.id}|${userRow.id}` },
      { seq: 6, record_type: 'staff', record_key: userRow.id }
    ])
  })

  it('leaves out what signing in changes on an account', async () => {
    await db.migrate()
    await db.query(`UPDATE app_user SET failed_attempts = 3, last_sign_in_at = ? WHERE id = ?`, [AT, userRow.id])
    expect(await feed()).toEqual([])
  })

  it('refuses to delete a record the authority may hold, and any change to the feed itself', async () => {
    await db.migrate()
    await db.query(`UPDATE person SET school = 'Park Primary' WHERE id = ?`, [catherine.id])
    expect(await refusal(db, 'DELETE FROM family_membership WHERE person_id = ?', [catherine.id])).toMatch(/never deleted/)
    expect(await refusal(db, 'DELETE FROM app_user')).toMatch(/never deleted/)
    expect(await refusal(db, 'DELETE FROM change_feed')).toMatch(/cannot be deleted/)
    expect(await refusal(db, `UPDATE change_feed SET record_key = 'x'`)).toMatch(/cannot be changed/)
    expect(await feed()).toHaveLength(1)
  })

  it('allows one running export at a time, and a package number once per series', async () => {
    await db.migrate()
    const run = (id: string, more: Record<string, unknown> = {}) => ({
      id,
      kind: 'full',
      pseudonymised: 0,
      status: 'running',
      package_sequence: 1,
      change_from: 0,
      export_folder: '/exports',
      started_at: AT,
      heartbeat_at: AT,
      started_via: 'app',
      host: 'desk',
      pid: 1,
      ...more
    })
    await db.insert('export_run', [run('r1')])
    expect(
      await refusal(
        db,
        `INSERT INTO export_run (id, kind, pseudonymised, status, package_sequence, change_from, export_folder, started_at, heartbeat_at, started_via, host, pid) VALUES ('r2', 'full', 0, 'running', 2, 0, '/e', ?, ?, 'app', 'd', 1)`,
        [AT, AT]
      )
    ).toMatch(/UNIQUE/)
    expect(await refusal(db, `UPDATE export_run SET status = 'succeeded', finished_at = ? WHERE id = 'r1'`, [AT])).toMatch(/export_run_complete/)
    await db.query(`UPDATE export_run SET status = 'succeeded', finished_at = ?, change_to = 5, package_name = 'RV-20260402T093000Z-000001' WHERE id = 'r1'`, [
      AT
    ])
    await db.insert('export_run', [run('r2', { status: 'succeeded', finished_at: AT, change_to: 6, package_name: 'RV-x', pseudonymised: 1 })])
    expect(
      await refusal(
        db,
        `INSERT INTO export_run (id, kind, pseudonymised, status, package_sequence, change_from, change_to, export_folder, package_name, started_at, heartbeat_at, finished_at, started_via, host, pid) VALUES ('r3', 'full', 0, 'succeeded', 1, 0, 7, '/e', 'n', ?, ?, ?, 'app', 'd', 1)`,
        [AT, AT, AT]
      )
    ).toMatch(/UNIQUE/)
  })

  it('goes down and up again', async () => {
    await db.migrate()
    const ds = db.manager().connection
    await ds.undoLastMigration({ transaction: 'all' })
    expect(await db.tables()).not.toContain('change_feed')
    expect(await db.triggers('family')).toEqual([])
    expect(await ds.runMigrations({ transaction: 'all' })).toHaveLength(1)
    expect(await db.triggers('family')).toEqual(['change_feed_family_insert', 'change_feed_family_no_delete', 'change_feed_family_update'])
  })
})
