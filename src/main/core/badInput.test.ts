// Whatever a window sends, the core answers with a Result, reads nothing it was not asked by whom
// it should be, and keeps the process alive; when the disk fails, the user is told what happened.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily } from '../testing/fixtures'
import { MAX_FIELD_ERRORS } from './errors'
import type pg from 'pg'
import type { Connection } from './casebook'

let t: TempCasebook
let pat: Connection
let family: { id: string }
beforeEach(async () => {
  t = await tempCasebook('bad-input')
  pat = (await signedInUser(t, 'pat', 'practitioner')).connection
  family = await t.ok('families.register', okaforFamily())
})
afterEach(async () => {
  await t.dispose()
})

const rowCounts = async () =>
  (
    await t.casebook.core.db.query(
      `SELECT (SELECT count(*) FROM family) AS families, (SELECT count(*) FROM person) AS people, (SELECT count(*) FROM case_note) AS notes,
       (SELECT count(*) FROM draft) AS drafts, (SELECT count(*) FROM audit_entry) AS audit`
    )
  )[0]

describe('input that is not what a channel takes', () => {
  it('answers null, a number, a string or an empty list with a validation error, never a rejection', async () => {
    for (const channel of [
      'consent.record',
      'episodes.open',
      'episodes.close',
      'assessment.save',
      'reviews.add',
      'plan.save',
      'drafts.save',
      'families.register'
    ]) {
      for (const input of [null, undefined, 42, 'text', [], true]) {
        const answer = await pat.invoke(channel, input)
        expect({ channel, input, answer }).toMatchObject({ channel, input, answer: { ok: false, error: { code: 'VALIDATION' } } })
      }
    }
  })

  it('refuses a decision about someone who is not on record, rather than failing inside', async () => {
    const nobody = '12345678-1234-4234-8234-123456789abc'
    const zed = { kind: 'adult', givenName: 'Zed', familyName: 'Zulu', dateOfBirth: '1990-01-01', sex: 'M', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
    const answer = await pat.invoke('families.register', { ...okaforFamily(), members: [{ member: zed, notDuplicateOf: [nobody] }] })
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { notDuplicateOf: expect.stringMatching(/no longer on record/) } } })
  })

  it('checks who is calling before it reads what they sent', async () => {
    const stranger = t.casebook.connect()
    // Ten million holes cost a few bytes to send; walking them would take the process down.
    const started = performance.now()
    expect(await stranger.invoke('families.register', { family: {}, members: new Array(1e7) })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await pat.invoke('families.register', { family: {}, members: new Array(1e7) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Casebook could not read what was sent (a list that is too long). Nothing was saved.' }
    })
    expect(
      await pat.invoke('people.checkDuplicates', { givenName: 'x'.repeat(1_000_000), familyName: 'y'.repeat(1_000_000), dateOfBirth: '2019-07-03' })
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' }
    })
    // Not a timing test: refusing these must not need the seconds that walking them would.
    expect(performance.now() - started).toBeLessThan(20_000)
  })

  it('refuses a cycle, values that are not plain data, and a draft of fifty megabytes', async () => {
    const cyclic: Record<string, unknown> = { text: 'a note' }
    cyclic.self = cyclic
    const before = await rowCounts()
    for (const payload of [cyclic, { when: new Date() }, { keys: new Map([['a', 1]]) }, { big: 10n }, { text: 'x'.repeat(50_000_000) }]) {
      const answer = await pat.invoke('drafts.save', { key: `case-note:${family.id}`, payload })
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(await rowCounts()).toEqual(before)
  })

  it('names at most a fixed number of fields in one refusal', async () => {
    const members = Array.from({ length: 200 }, () => ({ member: { kind: 'child' } }))
    const answer = await pat.invoke('families.register', { family: {}, members })
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(Object.keys(answer.error.fields ?? {}).length).toBeLessThanOrEqual(MAX_FIELD_ERRORS)
  })
})

describe('a disk that cannot be written', () => {
  const note = () => ({ familyId: family.id, occurredOn: '2026-11-20', occurredAt: '10:00', type: 'HOME_VISIT', text: 'A long visit. '.repeat(1400) })

  it('says the disk is full, and nothing is half written', async () => {
    const full = async (on: boolean) => {
      if (t.postgres) {
        // The hub's server with a full disk answers a write with disk_full (53100), as this trigger makes it answer a case note.
        await t.casebook.core.db.query(
          on
            ? `CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END $$;
               CREATE TRIGGER disk_full BEFORE INSERT ON case_note FOR EACH ROW EXECUTE FUNCTION disk_full()`
            : 'DROP TRIGGER disk_full ON case_note'
        )
      } else {
        // SQLite's own limit on the file's size: the next page it needs is refused exactly as a full disk refuses it.
        await t.casebook.core.writes.run((m) => m.query(`PRAGMA max_page_count = ${on ? 1 : 1073741823}`))
      }
    }
    await full(true)
    const before = await rowCounts()
    expect(await pat.invoke('notes.add', note())).toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: t.postgres
          ? "The disk of the hub's database server is full. Nothing was saved; what you typed is still here. Ask IT to make space on the server."
          : 'The disk is full. Nothing was saved; what you typed is still here. Ask IT to make space on the disk.'
      }
    })
    expect(await rowCounts()).toEqual(before)
    await full(false)
    expect(await pat.invoke('notes.add', note())).toMatchObject({ ok: true })
  })

  it('says the database cannot be written to when it is read-only', async () => {
    if (t.postgres) {
      // A server taking no changes (a standby, or a database IT has made read-only): every transaction
      // is read-only, on the connections the desk already has (each of its pool's, taken at once) and
      // on any it makes next.
      await t.casebook.core.db.query(`ALTER DATABASE ${t.postgres.database} SET default_transaction_read_only = on`)
      const pool = (t.casebook.core.db.driver as unknown as { master: pg.Pool }).master
      const clients = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()))
      for (const client of clients) {
        await client.query('SET SESSION default_transaction_read_only = on')
        client.release()
      }
    } else {
      await t.casebook.core.writes.run((m) => m.query('PRAGMA query_only = ON'))
    }
    expect(await pat.invoke('notes.add', note())).toMatchObject({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: expect.stringMatching(
          t.postgres
            ? /^Casebook cannot write to the hub's database: the server is taking no changes \(read-only\). Nothing was saved; what you typed is still here/
            : /^Casebook cannot write to its database: the file or its folder is read-only. Nothing was saved; what you typed is still here/
        )
      }
    })
    expect(unwrap(await pat.invoke('episodes.mine', {}))).toMatchObject({ episodes: [] })
  })
})
