// Importing the agency directory from an Open Referral UK feed, on a real SQLite file: version 3 over
// http from a server this test starts on 127.0.0.1 (paged, with the details a list leaves out asked
// for), version 3 and version 1 from a file, and importing again with changes. Malformed feeds and
// what an import cannot keep: ./importRefusals.test.ts.
import { describe, expect, it, beforeEach } from 'vitest'
import type { TempCasebook } from '../../testing/tempCasebook'
import { feeds, IDS, v3AllServices, v3Routes, type FeedServer } from './testFeeds'
import {
  auditSince,
  foodBank,
  healthVisiting,
  imported,
  lastSeq,
  organisations,
  saved,
  serve,
  services,
  talkingTherapies,
  useImportWorld,
  world
} from './importWorld'

let t: TempCasebook
let server: FeedServer
useImportWorld()
beforeEach(() => {
  t = world.t
})

describe('importing a version 3 feed', () => {
  it('reads it from its address a page at a time, asks for the details a list leaves out, and audits each record', async () => {
    server = await serve(v3Routes())
    const before = await lastSeq()
    const result = await imported(`${server.base}/api/services`)
    expect(result).toEqual({
      source: `${server.base}/api/services`,
      shape: 'v3',
      complete: true,
      organisations: { added: 2, updated: 0, unchanged: 0 },
      services: { added: 3, updated: 0, unchanged: 0, madeInactive: 0 },
      skipped: [],
      skippedTotal: 0,
      notes: [],
      notesTotal: 0
    })
    // The list's first service had no locations: its details were asked for, and only its.
    expect(server.requests).toEqual(['/api/services', '/api/services?page=2', `/api/services/${IDS.healthVisiting}`])
    expect(await services()).toEqual([expect.objectContaining(foodBank), expect.objectContaining(healthVisiting), expect.objectContaining(talkingTherapies)])
    expect(await organisations()).toEqual([
      expect.objectContaining({ feedId: IDS.acornTrust, name: 'Acorn Community Trust', website: 'https://acorn.example.org.uk', email: null, version: 1 }),
      expect.objectContaining({ feedId: IDS.healthTrust, name: 'Riverside Community Health NHS Trust', email: 'enquiries@riversidehealth.example.org.uk' })
    ])
    const audit = await auditSince(before)
    expect(audit.map((a) => a.entry)).toEqual([
      'create directory-organisation',
      'create directory-organisation',
      'create directory-service',
      'create directory-service',
      'create directory-service',
      'create directory-import'
    ])
    expect(audit.every((a) => a.actor === 'tester')).toBe(true)
    expect(audit.at(-1)!.changes).toMatchObject({ source: `${server.base}/api/services`, services: { added: 3 } })
    // What reception and screening find.
    expect(await t.ok('directory.search', { text: 'acorn' })).toMatchObject({
      total: 1,
      services: [{ name: 'Acorn Food Bank', organisationName: 'Acorn Community Trust' }]
    })
  })

  it('finds the services under the address of the API itself', async () => {
    server = await serve({
      ...v3Routes(),
      '/api': { body: { version: '3.0', profile: 'https://openreferraluk.org', openapi_url: 'https://example.org/openapi.json' } }
    })
    expect(await imported(`${server.base}/api`)).toMatchObject({ services: { added: 3 } })
    expect(server.requests[0]).toBe('/api')
  })

  it('reads a file IT saved: a list of services, or a single page, is the whole feed; one service is not', async () => {
    expect(await imported(saved(v3AllServices()))).toMatchObject({ shape: 'v3', complete: true, services: { added: 3 } })
    expect(await services()).toEqual([expect.objectContaining(foodBank), expect.objectContaining(healthVisiting), expect.objectContaining(talkingTherapies)])
    const onePage = { ...feeds.v3Page1(), total_items: 3, total_pages: 1, contents: v3AllServices() }
    expect(await imported(saved(onePage))).toMatchObject({ complete: true, services: { unchanged: 3 } })
    // One service on its own says nothing about the others: none is made inactive.
    expect(await imported(saved(feeds.v3HealthVisiting()))).toMatchObject({ complete: false, services: { unchanged: 1, madeInactive: 0 } })
    // The first page of two, saved alone, is not the whole feed either.
    expect(await imported(saved(feeds.v3Page2()))).toMatchObject({ complete: false, services: { unchanged: 1, madeInactive: 0 } })
    expect((await services()).map((s) => s.status)).toEqual(['active', 'active', 'active'])
  })
})

describe('importing a version 1 feed', () => {
  it('reads ages from eligibilitys, the address from physical_addresses, phones from contacts and the type from service_taxonomys', async () => {
    const result = await imported(saved(feeds.v1Services()))
    expect(result).toMatchObject({ shape: 'v1', complete: true, organisations: { added: 2 }, services: { added: 2 }, skipped: [], notes: [] })
    expect(await services()).toEqual([
      expect.objectContaining({
        feedId: '3601',
        name: 'Housing Options Advice',
        serviceType: 'HOUSING',
        referralSource: '4',
        status: 'active',
        minAge: 16,
        maxAge: null,
        phone: '01632 960 002',
        addressLine1: null,
        feedModifiedAt: null,
        organisationFeedId: '1002'
      }),
      expect.objectContaining({
        feedId: '3556',
        name: 'Little Acorns Stay and Play',
        serviceType: 'EARLY_YEARS',
        referralSource: null,
        minAge: 0,
        maxAge: 4,
        addressLine1: 'Riverside Library, 1 Market Square',
        town: 'Riverside',
        postcode: 'M1 1AE',
        phone: '01632 960 001',
        email: 'earlyyears@riverside.example.gov.uk',
        organisationFeedId: '1001',
        organisationName: 'Riverside Council Early Years'
      })
    ])
    expect(await organisations()).toEqual([
      expect.objectContaining({ feedId: '1001', website: 'https://www.riverside.example.gov.uk/early-years', email: 'earlyyears@riverside.example.gov.uk' }),
      expect.objectContaining({ feedId: '1002', name: 'Riverside Council Housing', email: null })
    ])
    // A version 1 feed gives no last_modified: importing it again compares what it says, and finds nothing new.
    expect(await imported(saved(feeds.v1Services()))).toMatchObject({ organisations: { unchanged: 2 }, services: { unchanged: 2, updated: 0 } })
  })
})

describe('importing a version 1 feed from its address', () => {
  it('follows its pages (content, totalPages) and asks for each service in full when the list leaves the details out', async () => {
    const [playgroup, housing] = feeds.v1Services()
    const brief = (s: { id: number; name: string; status: string }) => ({ id: s.id, name: s.name, status: s.status })
    const list = '/o/ServiceDirectoryService/v2/services'
    server = await serve({
      [list]: { body: { totalElements: 2, totalPages: 2, number: 1, size: 1, first: true, last: false, content: [brief(playgroup)] } },
      [`${list}?page=2`]: { body: { totalElements: 2, totalPages: 2, number: 2, size: 1, first: false, last: true, content: [brief(housing)] } },
      [`${list}/3556`]: { body: playgroup },
      [`${list}/3601`]: { body: housing }
    })
    expect(await imported(`${server.base}${list}`)).toMatchObject({ shape: 'v1', complete: true, organisations: { added: 2 }, services: { added: 2 } })
    expect([...server.requests].sort()).toEqual([list, `${list}/3556`, `${list}/3601`, `${list}?page=2`])
    expect((await services()).find((s) => s.feedId === '3556')).toMatchObject({ minAge: 0, maxAge: 4, postcode: 'M1 1AE', serviceType: 'EARLY_YEARS' })
  })
})

describe('importing again', () => {
  it('updates by the feed’s id when last_modified is newer, never duplicates, keeps the hub’s own details, and makes missing services inactive', async () => {
    server = await serve(v3Routes())
    const feed = `${server.base}/api/services`
    await imported(feed)
    // The hub's own details of the food bank: its type, referral-source code and secure email.
    const foodBankRow = (
      await t.casebook.core.db.query('SELECT id, organisation_id AS "organisationId", version FROM directory_service WHERE feed_id = ?', [IDS.foodBank])
    )[0]
    const service = (await t.ok('directory.getService', { id: foodBankRow.id })).service
    await t.ok('directory.saveService', { ...service, serviceType: 'MONEY', referralSource: '5C', secureEmail: 'referrals@acorn.example.org.uk' })
    // And a phone number for the Acorn trust, which the feed does not give (the UK profile has no phones).
    const acorn = (await t.ok('directory.getOrganisation', { id: foodBankRow.organisationId })).organisation
    await t.ok('directory.saveOrganisation', { ...acorn, phone: '0121 496 0099' })

    // The feed changes: health visiting is edited (newer last_modified); the food bank's description
    // differs but its last_modified does not, so it is left as it is; the Acorn trust is renamed;
    // talking therapies has gone and a new service has come.
    const page1 = feeds.v3Page1()
    const page2 = feeds.v3Page2()
    const details = feeds.v3HealthVisiting()
    details.description = 'Health visitors see every family with children under five.'
    details.last_modified = '2026-10-01T09:00:00+01:00'
    page1.contents[1].description = 'A description changed without a new last_modified.'
    page1.contents[1].organization.name = 'Acorn Community Trust (charity 1234567)'
    page2.contents = [
      {
        ...page2.contents[0],
        id: '8b1f3c52-6d0e-4a57-9a0e-2f8d6c1b4a04',
        name: 'School nursing',
        description: 'School nurses for children aged 5 to 19.',
        minimum_age: 5,
        maximum_age: 19,
        attributes: [{ id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e04', taxonomy_term: { id: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f04', name: 'School nursing' } }]
      }
    ]
    server.routes.set('/api/services', { body: page1 })
    server.routes.set('/api/services?page=2', { body: page2 })
    server.routes.set(`/api/services/${IDS.healthVisiting}`, { body: details })
    const before = await lastSeq()
    expect(await imported(feed)).toMatchObject({
      complete: true,
      organisations: { added: 0, updated: 1, unchanged: 1 },
      services: { added: 1, updated: 1, unchanged: 1, madeInactive: 1 }
    })
    const rows = await services()
    expect(rows.map((s) => s.feedId).sort()).toEqual([IDS.healthVisiting, IDS.foodBank, IDS.talkingTherapies, '8b1f3c52-6d0e-4a57-9a0e-2f8d6c1b4a04'].sort())
    expect(rows.find((s) => s.feedId === IDS.healthVisiting)).toMatchObject({
      description: 'Health visitors see every family with children under five.',
      feedModifiedAt: '2026-10-01T08:00:00.000Z',
      version: 2
    })
    expect(rows.find((s) => s.feedId === IDS.foodBank)).toMatchObject({
      description: 'Emergency food parcels for families referred by a professional. Open Tuesdays and Fridays.',
      serviceType: 'MONEY',
      referralSource: '5C',
      secureEmail: 'referrals@acorn.example.org.uk',
      organisationName: 'Acorn Community Trust (charity 1234567)'
    })
    // What the feed leaves out stays as the hub filled it in.
    expect((await organisations()).find((o) => o.feedId === IDS.acornTrust)).toMatchObject({ phone: '0121 496 0099', version: 3 })
    // Gone from the feed: kept, inactive, so that anything that names it still can.
    expect(rows.find((s) => s.feedId === IDS.talkingTherapies)).toMatchObject({ status: 'inactive', feedModifiedAt: null })
    expect(rows.find((s) => s.name === 'School nursing')).toMatchObject({ serviceType: 'HEALTH', referralSource: '3C', minAge: 5, maxAge: 19 })
    const audit = await auditSince(before)
    expect(audit.map((a) => a.entry)).toEqual([
      'update directory-organisation',
      'update directory-service',
      'create directory-service',
      'update directory-service',
      'create directory-import'
    ])
    expect(audit[0]!.changes).toEqual({ name: { from: 'Acorn Community Trust', to: 'Acorn Community Trust (charity 1234567)' } })
    expect(audit[1]!.changes).toEqual({
      description: {
        from: 'Health visitors support families with children from birth to five: development checks, feeding, sleep and emotional health.',
        to: 'Health visitors see every family with children under five.'
      },
      feedModifiedAt: { from: '2026-09-01T09:00:00.000Z', to: '2026-10-01T08:00:00.000Z' }
    })
    expect(audit[3]!.changes).toEqual({
      status: { from: 'active', to: 'inactive' },
      feedModifiedAt: { from: '2026-07-30T08:00:00.000Z', to: null },
      why: 'no longer in the directory feed'
    })

    // The same feed again: nothing to do, and only the import itself on the trail.
    const again = await lastSeq()
    expect(await imported(feed)).toMatchObject({
      organisations: { updated: 0, unchanged: 2 },
      services: { added: 0, updated: 0, unchanged: 3, madeInactive: 0 }
    })
    expect((await auditSince(again)).map((a) => a.entry)).toEqual(['create directory-import'])

    // Talking therapies comes back with the last_modified it had: read in full, and active again.
    page2.contents.push(feeds.v3Page2().contents[0])
    expect(await imported(feed)).toMatchObject({ services: { added: 0, updated: 1, unchanged: 3 } })
    expect((await services()).find((s) => s.feedId === IDS.talkingTherapies)).toMatchObject({ status: 'active', feedModifiedAt: '2026-07-30T08:00:00.000Z' })
    expect(await t.casebook.core.db.query('SELECT count(*) AS n FROM directory_service')).toEqual([{ n: 4 }])
  })
})
