// Several kinds of consent given at once (at registration, say: to be registered, to be contacted,
// to share with the health visitor): one record each, with its audit row, all in one transaction,
// so a refusal of any one of them leaves none of them written.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily, today } from '../testing/fixtures'
import type { Connection } from '../core/casebook'
import { directoryRows } from '../referrals/testWorld'

let t: TempCasebook
let rita: Connection
let familyId: string
let grace: string

beforeEach(async () => {
  t = await tempCasebook('several-consents')
  ;({ connection: rita } = await signedInUser(t, 'rita', 'reception'))
  familyId = (await t.ok('families.register', okaforFamily())).id
  grace = (await t.ok('families.get', { id: familyId })).members.find((m: { givenName: string | null }) => m.givenName === 'Grace').id
})
afterEach(async () => {
  await t.dispose()
})

const consents = () =>
  t.casebook.core.db.query(`SELECT scope, agency, organisation_id AS "organisationId", method, given_on AS "givenOn" FROM consent ORDER BY scope`) as Promise<
    Record<string, unknown>[]
  >
const auditRows = () =>
  t.casebook.core.db.query(`SELECT actor, action, record_id AS "recordId" FROM audit_entry WHERE record_type = 'consent' ORDER BY seq`) as Promise<
    { actor: string; action: string; recordId: string }[]
  >
const several = (scopes: string[], more: Record<string, unknown> = {}) =>
  rita.invoke('consent.record', { familyId, givenById: grace, scopes, method: 'WRITTEN', givenOn: today, ...more })

describe('several kinds of consent recorded at once', () => {
  it('writes one record of each, with an audit row each, answering with the first', async () => {
    const saved = unwrap<{ id: string; version: number }>(await several(['CONTACT', 'REGISTRATION', 'SHARING'], { agency: 'Health visiting team' }))
    expect(await consents()).toEqual([
      { scope: 'CONTACT', agency: null, organisationId: null, method: 'WRITTEN', givenOn: today },
      { scope: 'REGISTRATION', agency: null, organisationId: null, method: 'WRITTEN', givenOn: today },
      { scope: 'SHARING', agency: 'Health visiting team', organisationId: null, method: 'WRITTEN', givenOn: today }
    ])
    const audit = await auditRows()
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ['rita', 'create'],
      ['rita', 'create'],
      ['rita', 'create']
    ])
    const ids = (await t.casebook.core.db.query(`SELECT id FROM consent`)).map((r: { id: string }) => r.id)
    expect(new Set(audit.map((a) => a.recordId))).toEqual(new Set(ids))
    // The first in the list's order (registration comes first), as a single consent answers.
    const [first] = await t.casebook.core.db.query(`SELECT id FROM consent WHERE scope = 'REGISTRATION'`)
    expect(saved).toEqual({ id: first.id, version: 1 })
    // Each is its own record on the family, to be withdrawn on its own.
    const family = await t.ok('families.get', { id: familyId })
    expect(family.consents.map((c: { scope: string }) => c.scope).sort()).toEqual(['CONTACT', 'REGISTRATION', 'SHARING'])
  })

  it('ties only the sharing to a directory organisation, recording the rest beside it', async () => {
    // The consent form sends the organisation with every box ticked, sharing among them.
    const { organisationId } = await directoryRows(t.casebook)
    unwrap(await several(['REGISTRATION', 'SHARING', 'CONTACT'], { organisationId }))
    expect(await consents()).toEqual([
      { scope: 'CONTACT', agency: null, organisationId: null, method: 'WRITTEN', givenOn: today },
      { scope: 'REGISTRATION', agency: null, organisationId: null, method: 'WRITTEN', givenOn: today },
      { scope: 'SHARING', agency: 'Riverside Health', organisationId, method: 'WRITTEN', givenOn: today }
    ])
    expect(await auditRows()).toHaveLength(3)
  })

  it('records each thing agreed once, however often it was sent', async () => {
    unwrap(await several(['CONTACT', 'CONTACT'], { scope: 'CONTACT' }))
    expect((await consents()).map((c) => c.scope)).toEqual(['CONTACT'])
    expect(await auditRows()).toHaveLength(1)
  })

  it('refuses them all when one is refused: nothing is half written, and no audit row says otherwise', async () => {
    const before = await auditRows()
    // Registration and contact are fine; sharing names an organisation no longer in the directory.
    const refused = await several(['REGISTRATION', 'SHARING', 'CONTACT'], { organisationId: randomUUID() })
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'There is a problem',
        fields: { organisationId: 'That organisation is no longer in the directory. Choose it again.' }
      }
    })
    expect(await consents()).toEqual([])
    expect((await auditRows()).filter((a) => a.action === 'create')).toEqual(before.filter((a) => a.action === 'create'))
    // So does a giver who could not have given any of them.
    const unborn = (await t.ok('families.get', { id: familyId })).members.find((m: { kind: string }) => m.kind === 'unborn')
    expect(await several(['REGISTRATION', 'CONTACT'], { givenById: unborn.id })).toMatchObject({
      ok: false,
      error: { fields: { givenById: expect.any(String) } }
    })
    expect(await consents()).toEqual([])
  })

  it('asks for what was agreed by the field the caller used, and for the agency when sharing is one of them', async () => {
    expect(await several([])).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { scopes: 'Select what was agreed' } } })
    expect(await rita.invoke('consent.record', { familyId, givenById: grace, method: 'WRITTEN', givenOn: today })).toMatchObject({
      ok: false,
      error: { fields: { scope: 'Select what was agreed' } }
    })
    expect(await several(['CONTACT', 'SHARING'])).toMatchObject({ ok: false, error: { fields: { agency: 'Enter the agency information may be shared with' } } })
    expect(await several(['CONTACT'], { organisationId: randomUUID() })).toMatchObject({
      ok: false,
      error: { fields: { organisationId: 'Only consent to share information is with an organisation' } }
    })
    expect(await several(['CONTACT', 'EVERYTHING'])).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await consents()).toEqual([])
  })
})
