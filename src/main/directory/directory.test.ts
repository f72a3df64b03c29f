// Keeping the directory by hand, on a real SQLite file: organisations and their services added and
// changed (each change to the version it was made to), a service made inactive rather than removed,
// the same rules as the forms, and the lists a page at a time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { DIRECTORY_PAGE_SIZE } from '../../shared/directory/schemas'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('directory')
})
afterEach(async () => {
  await t.dispose()
})

const lastSeq = async () => (await t.casebook.core.db.query('SELECT coalesce(max(seq), 0) AS s FROM audit_entry'))[0].s as number
const auditSince = async (seq: number) =>
  (
    (await t.casebook.core.db.query('SELECT action, record_type AS type, record_id AS id, changes FROM audit_entry WHERE seq > ? ORDER BY seq', [seq])) as {
      action: string
      type: string
      id: string
      changes: string
    }[]
  ).map((e) => ({ entry: `${e.action} ${e.type}`, id: e.id, changes: JSON.parse(e.changes) }))

const acorn = {
  name: 'Acorn Community Trust',
  description: 'A local charity.\nFood bank and café.',
  website: 'https://acorn.example.org.uk',
  email: '',
  phone: '0121 496 0020'
}
const foodBank = (organisationId: string) => ({
  organisationId,
  name: '  Acorn   Food Bank ',
  serviceType: 'COMMUNITY',
  referralSource: '',
  description: 'Food parcels for families referred by a professional.',
  addressLine1: '4 Station Road',
  town: 'Riverside',
  postcode: 'b338th',
  phone: '0121 496 0021',
  email: 'foodbank@acorn.example.org.uk',
  secureEmail: 'referrals@acorn.example.org.uk',
  website: '',
  minAge: '',
  maxAge: '',
  status: 'active'
})

describe('keeping the directory by hand', () => {
  it('adds an organisation and a service, changes them by version, and makes the service inactive rather than removing it', async () => {
    const start = await lastSeq()
    const organisation = await t.ok('directory.saveOrganisation', acorn)
    expect(organisation).toEqual({ id: expect.any(String), version: 1 })
    const service = await t.ok('directory.saveService', foodBank(organisation.id))
    expect(await t.ok('directory.getService', { id: service.id })).toEqual({
      service: {
        id: service.id,
        organisationId: organisation.id,
        organisationName: 'Acorn Community Trust',
        feedId: null,
        name: 'Acorn Food Bank',
        serviceType: 'COMMUNITY',
        referralSource: null,
        description: 'Food parcels for families referred by a professional.',
        addressLine1: '4 Station Road',
        town: 'Riverside',
        postcode: 'B33 8TH',
        phone: '0121 496 0021',
        email: 'foodbank@acorn.example.org.uk',
        secureEmail: 'referrals@acorn.example.org.uk',
        website: null,
        minAge: null,
        maxAge: null,
        status: 'active',
        feedModifiedAt: null,
        updatedAt: expect.any(String),
        version: 1
      }
    })
    expect(await t.ok('directory.getOrganisation', { id: organisation.id })).toEqual({
      organisation: {
        id: organisation.id,
        feedId: null,
        name: 'Acorn Community Trust',
        description: 'A local charity.\nFood bank and café.',
        website: 'https://acorn.example.org.uk',
        email: null,
        phone: '0121 496 0020',
        updatedAt: expect.any(String),
        version: 1
      },
      services: [
        {
          id: service.id,
          organisationId: organisation.id,
          organisationName: 'Acorn Community Trust',
          name: 'Acorn Food Bank',
          serviceType: 'COMMUNITY',
          referralSource: null,
          status: 'active',
          town: 'Riverside',
          phone: '0121 496 0021',
          secureEmail: 'referrals@acorn.example.org.uk'
        }
      ],
      total: 1,
      page: 1,
      pageSize: DIRECTORY_PAGE_SIZE
    })

    const changed = await t.ok('directory.saveService', {
      ...foodBank(organisation.id),
      id: service.id,
      version: 1,
      minAge: '0',
      maxAge: '18',
      status: 'inactive'
    })
    expect(changed).toEqual({ id: service.id, version: 2 })
    // A save made to the version before is someone else's change overwritten: refused.
    expect(await t.connection.invoke('directory.saveService', { ...foodBank(organisation.id), id: service.id, version: 1, name: 'Stale' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    expect(await t.ok('directory.saveOrganisation', { ...acorn, id: organisation.id, version: 1, email: 'hello@acorn.example.org.uk' })).toEqual({
      id: organisation.id,
      version: 2
    })
    expect(await t.connection.invoke('directory.saveOrganisation', { ...acorn, id: organisation.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })

    // Inactive: kept, found when asked for, not offered by default.
    expect(await t.ok('directory.search', { text: 'food' })).toMatchObject({ total: 0 })
    expect(await t.ok('directory.search', { text: 'food', activeOnly: false })).toMatchObject({ total: 1, services: [{ status: 'inactive' }] })
    expect(await t.ok('directory.organisations', { text: 'acorn' })).toEqual({
      organisations: [{ id: organisation.id, name: 'Acorn Community Trust', fromFeed: false, services: 1, activeServices: 0 }],
      total: 1,
      page: 1,
      pageSize: DIRECTORY_PAGE_SIZE
    })

    const audit = await auditSince(start)
    expect(audit.map((a) => a.entry)).toEqual([
      'create directory-organisation',
      'create directory-service',
      'update directory-service',
      'update directory-organisation'
    ])
    expect(audit[2]).toMatchObject({
      id: service.id,
      changes: { minAge: { from: null, to: 0 }, maxAge: { from: null, to: 18 }, status: { from: 'active', to: 'inactive' } }
    })
    expect(audit[3]!.changes).toEqual({ email: { from: null, to: 'hello@acorn.example.org.uk' } })
  })

  it('refuses what the forms refuse, next to the field', async () => {
    const organisation = await t.ok('directory.saveOrganisation', acorn)
    const refused = async (channel: string, input: unknown) => {
      const result = await t.connection.invoke(channel, input)
      if (result.ok) throw new Error('It was saved')
      return result.error
    }
    expect(await refused('directory.saveService', { ...foodBank(organisation.id), minAge: '12', maxAge: '5' })).toMatchObject({
      code: 'VALIDATION',
      fields: { maxAge: 'The youngest age must be the same as the oldest or below it' }
    })
    expect(
      (
        await refused('directory.saveService', {
          ...foodBank(organisation.id),
          postcode: 'NOWHERE',
          website: 'ftp://acorn.example.org.uk',
          minAge: '3.5',
          serviceType: ''
        })
      ).fields
    ).toEqual({
      postcode: 'Enter a real UK postcode, like SW1A 1AA, or leave it blank',
      website: 'Enter a website address starting with https://, like https://www.example.org.uk',
      minAge: 'Enter an age in whole years from 0 to 120, like 5, or leave it blank',
      serviceType: 'Select the kind of service'
    })
    expect((await refused('directory.saveOrganisation', { ...acorn, name: '   ' })).fields).toEqual({ name: 'Enter the organisation’s name' })
    expect(await refused('directory.saveService', foodBank('00000000-0000-4000-8000-000000000000'))).toMatchObject({ code: 'NOT_FOUND' })
    const service = await t.ok('directory.saveService', foodBank(organisation.id))
    const other = await t.ok('directory.saveOrganisation', { ...acorn, name: 'Another trust' })
    expect(await refused('directory.saveService', { ...foodBank(other.id), id: service.id, version: 1 })).toEqual({
      code: 'VALIDATION',
      message: 'A service stays with the organisation it was added to. Add it to the other organisation as a new service.'
    })
    expect(await refused('directory.getService', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await refused('directory.getOrganisation', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('lists organisations and an organisation’s services a page at a time, by name', async () => {
    const ids: string[] = []
    for (let i = 1; i <= DIRECTORY_PAGE_SIZE + 5; i++) ids.push((await t.ok('directory.saveOrganisation', { name: `Trust ${String(i).padStart(2, '0')}` })).id)
    const second = await t.ok('directory.organisations', { text: 'trust', page: 2 })
    expect(second).toMatchObject({ total: DIRECTORY_PAGE_SIZE + 5, page: 2 })
    expect(second.organisations.map((o: { name: string }) => o.name)).toEqual(['Trust 26', 'Trust 27', 'Trust 28', 'Trust 29', 'Trust 30'])
    expect((await t.ok('directory.organisations', { text: 'trust 07' })).organisations).toEqual([
      { id: ids[6], name: 'Trust 07', fromFeed: false, services: 0, activeServices: 0 }
    ])
    for (let i = 1; i <= DIRECTORY_PAGE_SIZE + 1; i++) {
      await t.ok('directory.saveService', { ...foodBank(ids[0]!), name: `Service ${String(i).padStart(2, '0')}` })
    }
    const page = await t.ok('directory.getOrganisation', { id: ids[0], page: 2 })
    expect(page).toMatchObject({ total: DIRECTORY_PAGE_SIZE + 1, page: 2, services: [{ name: 'Service 26' }] })
    expect((await t.ok('directory.organisations', { text: 'trust 01' })).organisations[0]).toMatchObject({
      services: DIRECTORY_PAGE_SIZE + 1,
      activeServices: DIRECTORY_PAGE_SIZE + 1
    })
  })
})
