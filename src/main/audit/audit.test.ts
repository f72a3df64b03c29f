import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'
import { tamperWith } from '../testing/tamper'
import { runCommandOn } from '../testing/commandLine'
import { entryHash, writeAudit } from './audit'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('audit')
})
afterEach(async () => {
  await t.dispose()
})

const entries = () => t.casebook.core.db.query('SELECT seq, actor, action, record_type AS type, record_id AS id, changes FROM audit_entry ORDER BY seq')

describe('reading the audit trail', () => {
  it("finds a day's entries by their time, even when a desk's clock was put right in between", async () => {
    // A clock a day fast, then put right: the entries are numbered in order, but their times are not.
    for (const at of ['2026-11-24T09:00:00.000Z', '2026-11-23T09:05:00.000Z', '2026-11-23T09:10:00.000Z']) {
      await t.casebook.core.writes.run((m) => writeAudit(m, { at, actor: 'desk', action: 'view', recordType: 'hub', recordId: '1' }))
    }
    const on = async (from: string, to: string) =>
      (await t.ok('audit.list', { actor: null, from, to })).entries.filter((e: { actor: string }) => e.actor === 'desk').map((e: { at: string }) => e.at)
    expect(await on('2026-11-23', '2026-11-23')).toEqual(['2026-11-23T09:10:00.000Z', '2026-11-23T09:05:00.000Z'])
    expect(await on('2026-11-24', '2026-11-24')).toEqual(['2026-11-24T09:00:00.000Z'])
  })

  it('filters by family, person, user, action and day, newest first, a page at a time', async () => {
    const first = await t.ok('families.register', okaforFamily())
    const second = await t.ok('families.register', {
      ...okaforFamily(),
      members: [
        {
          member: { kind: 'adult', givenName: 'Ruth', familyName: 'Bell', dateOfBirth: '1970-01-01', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
        }
      ]
    })
    const view = await t.ok('families.get', { id: first.id })
    const colleague = t.casebook.connect({ name: 'colleague' })
    await colleague.invoke('families.get', { id: first.id })
    const child = view.members.find((m: { givenName: string }) => m.givenName === 'Catherine')

    const list = async (filter: object) =>
      (await t.ok('audit.list', filter)).entries.map(
        (e: { seq: number; actor: string; action: string; recordType: string; familyReference: string }) =>
          `${e.seq} ${e.actor} ${e.action} ${e.recordType} ${e.familyReference}`
      )
    expect(await list({ familyReference: second.reference.toLowerCase() })).toEqual(['8 tester create person TH-000002', '7 tester create family TH-000002'])
    expect(await list({ familyReference: first.reference, action: 'view' })).toEqual(['10 colleague view family TH-000001', '9 tester view family TH-000001'])
    expect(await list({ actor: 'colleague' })).toEqual(['10 colleague view family TH-000001'])
    expect(await list({ personId: child.id })).toEqual([
      '10 colleague view family TH-000001',
      '9 tester view family TH-000001',
      '4 tester create person TH-000001'
    ])
    const today = new Date().toISOString().slice(0, 10)
    expect(await list({ from: today, to: today })).toHaveLength(10)
    expect(await list({ from: '2000-01-01', to: '2000-01-02' })).toEqual([])
    const page = await t.ok('audit.list', { limit: 4 })
    expect(page.more).toBe(true)
    expect((await t.ok('audit.list', { limit: 4, beforeSeq: page.entries.at(-1).seq })).entries.map((e: { seq: number }) => e.seq)).toEqual([6, 5, 4, 3])
    expect(await t.connection.invoke('audit.list', { familyReference: 'nonsense' })).toMatchObject({
      ok: false,
      error: { fields: { familyReference: 'Enter a family reference, like RV-000012' } }
    })
  })
})

describe('audit trail', () => {
  it('records each create, view, update and refused call, in the same order as they happened', async () => {
    const { id } = await t.ok('families.register', okaforFamily())
    const view = await t.ok('families.get', { id })
    await t.ok('families.update', { id, version: 1, family: { ...view.family, phone: '0121 496 0999' } })
    const reception = t.casebook.connect({ name: 'limited', permissions: new Set(['people.search']) })
    expect(await reception.invoke('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const all = await entries()
    expect(all.map((e: { action: string; type: string }) => `${e.action} ${e.type}`)).toEqual([
      'create family',
      'create person',
      'create person',
      'create person',
      'create person',
      'create person',
      'view family',
      'update family',
      'permission-refused channel'
    ])
    expect(all.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(all[6]).toMatchObject({ actor: 'tester', id })
    expect(JSON.parse(all[7].changes)).toEqual({ phone: { from: '0121 496 0000', to: '0121 496 0999' } })
    expect(all[8]).toMatchObject({ actor: 'limited', id: 'audit.verify' })
  })

  it('verifies an untouched trail as intact, in the app and on the command line', async () => {
    await t.ok('families.register', okaforFamily())
    expect(await t.ok('audit.verify', {})).toEqual({ intact: true, entries: 6, problem: null })
    await t.casebook.close()
    expect(await runCommandOn(t, 'audit', 'verify')).toEqual({ code: 0, out: 'The audit trail is intact: 6 entries checked.' })
    await t.reopen()
  })

  it('names the entry that was altered in the file', async () => {
    await t.ok('families.register', okaforFamily())
    await t.casebook.close()
    await tamperWith(t, `UPDATE audit_entry SET actor = 'someone else' WHERE seq = 3`)
    await t.reopen()
    expect(await t.ok('audit.verify', {})).toEqual({
      intact: false,
      entries: 2,
      problem: { seq: 3, message: 'Entry 3 has been altered: its contents no longer match its hash.' }
    })
    await t.casebook.close()
    const { code, out } = await runCommandOn(t, 'audit', 'verify')
    expect(code).toBe(1)
    expect(out.split('\n')[0]).toMatch(/broken\. Entry 3 has been altered/)
    await t.reopen()
  })

  it('names an entry removed from the middle', async () => {
    await t.ok('families.register', okaforFamily())
    await t.casebook.close()
    await tamperWith(t, `DELETE FROM audit_entry WHERE seq = 4`)
    await t.reopen()
    expect((await t.ok('audit.verify', {})).problem).toEqual({ seq: 4, message: 'Entry 4 is missing: the trail goes from entry 3 to entry 5.' })
  })

  it('names an entry altered and given a fresh hash, because the next entry no longer follows from it', async () => {
    await t.ok('families.register', okaforFamily())
    const [row] = await t.casebook.core.db.query(
      `SELECT seq, at, actor, action, record_type AS "recordType", record_id AS "recordId", family_id AS "familyId", changes, prev_hash AS "prevHash" FROM audit_entry WHERE seq = 2`
    )
    const forged = { ...row, changes: '{"givenName":"Someone"}' }
    await t.casebook.close()
    await tamperWith(t, `UPDATE audit_entry SET changes = '${forged.changes}', hash = '${entryHash(forged)}' WHERE seq = 2`)
    await t.reopen()
    expect((await t.ok('audit.verify', {})).problem).toEqual({ seq: 2, message: 'Entry 2 has been altered or replaced: entry 3 no longer follows from it.' })
  })
})

describe("who has seen a child's record", () => {
  it('counts views of each household the child belonged to at the time, and not after they left', async () => {
    const a = await t.ok('families.register', okaforFamily())
    const b = await t.ok('families.register', {
      ...okaforFamily(),
      family: { ...okaforFamily().family, postcode: 'M1 1AE' },
      members: [
        {
          member: { kind: 'adult', givenName: 'Ruth', familyName: 'Bell', dateOfBirth: '1970-01-01', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
        }
      ]
    })
    const child = (await t.ok('families.get', { id: a.id })).members.find((m: { givenName: string }) => m.givenName === 'Mohammed')
    await t.ok('people.move', { id: child.id, version: child.version, toFamilyReference: b.reference })
    await t.casebook.connect({ name: 'later' }).invoke('families.get', { id: a.id })
    await t.casebook.connect({ name: 'newhome' }).invoke('families.get', { id: b.id })
    const seen = (await t.ok('audit.list', { personId: child.id, action: 'view' })).entries.map(
      (e: { actor: string; familyReference: string }) => `${e.actor} ${e.familyReference}`
    )
    expect(seen).toEqual(['newhome TH-000002', 'tester TH-000001'])
  })
})
