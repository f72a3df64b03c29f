import { existsSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../shared/contract'
import { Router } from './router'
import { buildRouter as buildCoreRouter, openCasebook } from './casebook'
import { migrations } from '../../../migrations'
import { openDatabase } from './database'
import { openPostgresDatabase } from './postgres'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('core')
})
afterEach(async () => {
  await t.dispose()
})

describe('router', () => {
  it('serves every channel in the contract and refuses a duplicate registration', () => {
    expect(() => buildCoreRouter()).not.toThrow()
    const router = buildCoreRouter()
    expect(() => router.register({ 'hub.get': async () => ({ name: '', code: '', localAuthorityCode: '' }) })).toThrow(/sealed/)
    expect(() =>
      new Router()
        .register({ 'hub.get': async () => ({ name: '', code: '', localAuthorityCode: '' }) })
        .register({ 'hub.get': async () => ({ name: '', code: '', localAuthorityCode: '' }) })
    ).toThrow(/registered twice/)
    expect(() => new Router().register({ 'hub.get': async () => ({ name: '', code: '', localAuthorityCode: '' }) }).seal()).toThrow(/No handler for/)
    expect(Object.keys(contract).length).toBeGreaterThan(5)
  })

  it('answers an unknown channel, bad input and a missing record as values, never by throwing', async () => {
    expect(await t.connection.invoke('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(await t.connection.invoke('families.get', { id: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { id: expect.any(String) } }
    })
    expect(await t.connection.invoke('families.get', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await t.connection.invoke('families.get', null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('refuses a call the actor has no permission for', async () => {
    const limited = t.casebook.connect({ name: 'limited', permissions: new Set(['hub.read']) })
    expect(await limited.invoke('hub.get', {})).toMatchObject({ ok: true, value: { code: 'TH' } })
    expect(await limited.invoke('people.search', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('database', () => {
  it('migrates an empty file, with foreign keys, WAL and full sync on', async () => {
    const db = t.casebook.core.db
    const applied = (await db.query('SELECT name FROM migrations ORDER BY id')).map((r: { name: string }) => r.name)
    expect(applied).toEqual(migrations.map((m) => m.name))
    // SQLite's settings for its file, made at open. PostgreSQL always keeps foreign keys, and its log
    // and syncing are the server's, which IT runs: nothing of them is Casebook's to set.
    if (t.postgres) return
    expect(await db.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }])
    expect(await db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }])
    expect(await db.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }])
  })

  it('keeps the audit trail append-only', async () => {
    await t.ok('families.register', {
      family: { addressLine1: '1 A St', town: 'York', postcode: 'YO1 7HH', mainLanguage: 'English' },
      members: [
        { member: { kind: 'adult', givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' } }
      ]
    })
    await expect(t.casebook.core.writes.run((m) => m.query(`UPDATE audit_entry SET actor = 'x'`))).rejects.toThrow(/cannot be changed/)
    await expect(t.casebook.core.writes.run((m) => m.query(`DELETE FROM audit_entry`))).rejects.toThrow(/cannot be deleted/)
    // SQLite's read connection cannot write at all. PostgreSQL's core reads on the pool it writes
    // with, where the trail's own guard refuses the delete all the same.
    await expect(t.casebook.core.db.query(`DELETE FROM audit_entry`)).rejects.toThrow(t.postgres ? /cannot be deleted/ : /readonly|read-only|query_only/i)
  })

  it('refuses a database from a newer version of the app, with a clear message', async () => {
    // As a newer Casebook's migration would leave it: one more row in the record of migrations.
    await t.casebook.core.writes.run((m) => m.query(`INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FutureThing1999999999999')`))
    await t.casebook.close()
    await expect(openCasebook({ databasePath: t.databasePath, postgres: t.postgres })).rejects.toThrow(/newer version of Casebook.*FutureThing/)
    t.casebook = await openCasebook({ databasePath: t.dir + '/other.sqlite', mode: 'create' })
  })

  it('reads see only committed work, never a write still in its transaction or one rolled back', async () => {
    const seen: unknown[] = []
    await expect(
      t.casebook.core.writes.run(async (m) => {
        await m.query(`UPDATE hub SET name = 'Half-saved hub' WHERE id = 1`)
        // Another window reads while this write is open.
        seen.push(await t.connection.invoke('hub.get', {}))
        throw new Error('the save failed part way')
      })
    ).rejects.toThrow('the save failed part way')
    expect(seen).toEqual([{ ok: true, value: expect.objectContaining({ name: 'Test hub' }) }])
    expect(await t.connection.invoke('hub.get', {})).toMatchObject({ value: { name: 'Test hub' } })
    await t.casebook.core.writes.run((m) => m.query(`UPDATE hub SET name = 'Saved hub' WHERE id = 1`))
    expect(await t.connection.invoke('hub.get', {})).toMatchObject({ value: { name: 'Saved hub' } })
  })

  it('backs the file up before migrating an existing database', async () => {
    const last = migrations.at(-1)!.name
    await t.casebook.close()
    const { dataSource } = t.postgres ? await openPostgresDatabase(t.postgres, { migrate: false }) : await openDatabase(t.databasePath)
    await dataSource.undoLastMigration({ transaction: 'all' })
    await dataSource.destroy()
    if (t.postgres) {
      // No file to back up on PostgreSQL (IT backs the server up), and a desk never migrates: it says
      // what IT must run, and IT's migrate (the create mode, as the owner role) brings it up to date.
      await expect(openCasebook({ databasePath: t.databasePath, postgres: t.postgres })).rejects.toThrow(
        /must be upgraded for this version of Casebook \(1 change to make\)/
      )
      t.casebook = await openCasebook({ databasePath: t.databasePath, postgres: t.postgres, mode: 'create' })
      expect(t.casebook.backupPath).toBeNull()
    } else {
      t.casebook = await openCasebook({ databasePath: t.databasePath })
      expect(t.casebook.backupPath).not.toBeNull()
      expect(existsSync(t.casebook.backupPath!)).toBe(true)
    }
    expect((await t.casebook.core.db.query('SELECT name FROM migrations')).map((r: { name: string }) => r.name)).toContain(last)
  })
})
