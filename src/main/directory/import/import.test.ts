// Importing the agency directory from an Open Referral UK feed, on a real SQLite file: version 3 over
// http from a server this test starts on 127.0.0.1 (paged, with the details a list leaves out asked
// for), version 3 and version 1 from a file, importing again with changes, and malformed feeds,
// which are refused with their reason and change nothing.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../../testing/tempCasebook'
import { machineConfigPath } from '../../core/config'
import type { DirectoryImportResult } from '../../../shared/directory/schemas'
import { feeds, IDS, serveFeed, v3AllServices, v3Routes, type FeedServer } from './testFeeds'

let t: TempCasebook
let server: FeedServer | null = null
let dir: string

beforeEach(async () => {
  t = await tempCasebook('directory-import')
  dir = mkdtempSync(join(tmpdir(), 'feeds-'))
})
afterEach(async () => {
  await server?.close()
  server = null
  await t.dispose()
  rmSync(dir, { recursive: true, force: true })
})

function importFrom(feed: string | null) {
  t.casebook.core.directoryFeed = feed
  return t.connection.invoke('directory.import', {})
}

async function imported(feed: string): Promise<DirectoryImportResult> {
  const result = await importFrom(feed)
  if (!result.ok) throw new Error(`The import failed: ${result.error.message}`)
  return result.value as DirectoryImportResult
}

let files = 0
function saved(json: unknown): string {
  const path = join(dir, `feed-${++files}.json`)
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json, null, 2))
  return path
}

const services = () =>
  t.casebook.core.db.query(
    `SELECT s.feed_id AS "feedId", s.name, s.service_type AS "serviceType", s.referral_source AS "referralSource", s.description, s.address_line1 AS "addressLine1",
            s.town, s.postcode, s.phone, s.email, s.secure_email AS "secureEmail", s.website, s.min_age AS "minAge", s.max_age AS "maxAge", s.status,
            s.feed_modified_at AS "feedModifiedAt", s.version, o.feed_id AS "organisationFeedId", o.name AS "organisationName"
       FROM directory_service s JOIN directory_organisation o ON o.id = s.organisation_id ORDER BY s.name`
  ) as Promise<Record<string, any>[]>
const organisations = () =>
  t.casebook.core.db.query(
    `SELECT feed_id AS "feedId", name, description, website, email, phone, version FROM directory_organisation ORDER BY name`
  ) as Promise<Record<string, any>[]>
const auditSince = async (seq: number) =>
  (
    (await t.casebook.core.db.query('SELECT action, record_type AS type, actor, changes FROM audit_entry WHERE seq > ? ORDER BY seq', [seq])) as {
      action: string
      type: string
      actor: string
      changes: string
    }[]
  ).map((e) => ({ entry: `${e.action} ${e.type}`, actor: e.actor, changes: JSON.parse(e.changes ?? 'null') }))
const lastSeq = async () => (await t.casebook.core.db.query('SELECT coalesce(max(seq), 0) AS s FROM audit_entry'))[0].s as number
const directoryState = async () => ({ services: await services(), organisations: await organisations(), audit: await lastSeq() })

const healthVisiting = {
  feedId: IDS.healthVisiting,
  name: 'Health visiting: Riverside',
  serviceType: 'HEALTH',
  referralSource: '3B',
  addressLine1: "Riverside Children's Centre, 12 Mill Lane",
  town: 'Riverside',
  postcode: 'B33 8TH',
  phone: '0121 496 0010',
  email: 'health.visiting@riversidehealth.example.org.uk',
  secureEmail: null,
  website: 'https://www.riversidehealth.example.org.uk/health-visiting',
  minAge: 0,
  maxAge: 5,
  status: 'active',
  feedModifiedAt: '2026-09-01T09:00:00.000Z',
  organisationFeedId: IDS.healthTrust,
  organisationName: 'Riverside Community Health NHS Trust'
}
const foodBank = {
  feedId: IDS.foodBank,
  name: 'Acorn Food Bank',
  serviceType: 'COMMUNITY',
  referralSource: null,
  addressLine1: 'Acorn Community Hall, 4 Station Road',
  town: 'Riverside',
  postcode: 'B33 8TH',
  phone: '0121 496 0020',
  minAge: null,
  maxAge: null,
  organisationFeedId: IDS.acornTrust
}
const talkingTherapies = {
  feedId: IDS.talkingTherapies,
  name: 'Talking therapies for parents',
  serviceType: 'MENTAL_HEALTH',
  referralSource: '3F',
  description: 'Free, confidential talking therapy for parents and carers.\n• Anxiety & low mood\n• Stress after a birth',
  addressLine1: null,
  postcode: null,
  minAge: 16,
  maxAge: 120,
  organisationFeedId: IDS.healthTrust
}

describe('importing a version 3 feed', () => {
  it('reads it from its address a page at a time, asks for the details a list leaves out, and audits each record', async () => {
    server = await serveFeed(v3Routes())
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
    server = await serveFeed({
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
    server = await serveFeed({
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
    server = await serveFeed(v3Routes())
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

describe('a malformed feed', () => {
  it('is refused with what is wrong and where, and changes nothing', async () => {
    await imported(saved(v3AllServices()))
    const before = await directoryState()
    const refusal = async (feed: string) => {
      const result = await importFrom(feed)
      expect(await directoryState()).toEqual(before)
      if (result.ok) throw new Error('The feed was imported')
      return result.error
    }
    const withService = (change: (s: Record<string, any>) => void) => {
      const list = v3AllServices()
      change(list[1]!)
      return saved(list)
    }
    const notJson = saved('{ "contents": [ { "id": "1", } ] }')
    expect(await refusal(notJson)).toEqual({
      code: 'VALIDATION',
      message: `The directory feed was not imported: ${notJson} is not JSON (it goes wrong at character 30). Nothing in the directory was changed.`
    })
    const other = saved({ services: [] })
    expect((await refusal(other)).message).toBe(
      `The directory feed was not imported: it is not in the Open Referral UK shape: ${other} holds neither a page of services (version 3’s “contents” or version 1’s “content”), a list of services nor one service. Nothing in the directory was changed.`
    )
    const badStatus = withService((s) => (s.status = 'open'))
    expect((await refusal(badStatus)).message).toBe(
      `The directory feed was not imported: it is not in the Open Referral UK shape: in ${badStatus}, [1].status should be one of "active", "inactive", "defunct", "temporarily closed", not the text "open". Nothing in the directory was changed.`
    )
    expect((await refusal(withService((s) => delete s.name))).message).toContain(', [1].name is missing.')
    expect((await refusal(withService((s) => (s.organization.name = 42)))).message).toContain(', [1].organization.name should be text, not 42.')
    expect((await refusal(withService((s) => (s.last_modified = 'yesterday')))).message).toContain(
      ', [1].last_modified should be a date and time, like 2025-03-15T10:30:45Z.'
    )
    expect((await refusal(withService((s) => (s.service_at_locations[0].location.addresses = 'B33 8TH')))).message).toContain(
      ', [1].service_at_locations[0].location.addresses should be a list, not the text "B33 8TH".'
    )
    expect((await refusal(saved({ ...feeds.v3Page1(), contents: 'none' }))).message).toContain('contents should be a list, not the text "none"')
    expect((await refusal(saved([]))).message).toBe(
      'The directory feed was not imported: it lists no services (an empty feed would make every service it brought in inactive). Nothing in the directory was changed.'
    )
    // Too big to read: refused before a byte of it is.
    const huge = join(dir, 'huge.json')
    writeFileSync(huge, '')
    truncateSync(huge, 51 * 1024 * 1024)
    expect((await refusal(huge)).message).toBe(
      `The directory feed was not imported: the file ${huge} is 51 MB, more than the 50 MB Casebook reads. Nothing in the directory was changed.`
    )
  })

  it('over http: a page that fails, repeats an earlier one or breaks the shape refuses the whole feed', async () => {
    server = await serveFeed(v3Routes())
    const feed = `${server.base}/api/services`
    await imported(feed)
    const before = await directoryState()
    const refusal = async () => {
      const result = await importFrom(feed)
      expect(await directoryState()).toEqual(before)
      if (result.ok) throw new Error('The feed was imported')
      return result.error
    }
    server.routes.set('/api/services?page=2', { status: 500, body: { error: 'busy' } })
    expect(await refusal()).toEqual({
      code: 'UNAVAILABLE',
      message: `Casebook could not read the directory feed at ${feed}?page=2: it answered 500 Internal Server Error. Nothing in the directory was changed. Try again later, or ask IT to check the address.`
    })
    // A server that ignores ?page= would make the services on later pages look gone.
    server.routes.set('/api/services?page=2', { body: { ...feeds.v3Page1(), page_number: undefined } })
    expect((await refusal()).message).toContain(`${feed}?page=2 gave the same services as an earlier page`)
    server.routes.set('/api/services?page=2', { body: { ...feeds.v3Page2(), page_number: 1 } })
    expect((await refusal()).message).toContain(`${feed}?page=2 answered with page 1, not page 2`)
    const page2 = feeds.v3Page2()
    page2.contents[0].minimum_age = 'five'
    server.routes.set('/api/services?page=2', { body: page2 })
    expect((await refusal()).message).toContain(`in ${feed}?page=2, contents[0].minimum_age should be`)
    server.routes.set('/api/services?page=2', { body: feeds.v3Page2() })
    server.routes.set(`/api/services/${IDS.healthVisiting}`, { body: { ...feeds.v3HealthVisiting(), id: IDS.foodBank } })
    expect((await refusal()).message).toContain(
      `${feed}/${IDS.healthVisiting} answered with the service ${IDS.foodBank}, not the service ${IDS.healthVisiting} its list named`
    )
    // More services than an import takes: refused from the first page, before asking for the rest.
    server.routes.set('/api/services', { body: { ...feeds.v3Page1(), total_items: 10_001 } })
    server.requests.length = 0
    expect((await refusal()).message).toContain('it lists 10001 services, more than the 10000 Casebook imports at once')
    expect(server.requests).toEqual(['/api/services'])
  })
})

describe('what an import cannot keep as it is', () => {
  it('cuts what is too long, leaves out what the forms would refuse, skips what it cannot keep, and says which', async () => {
    const list = v3AllServices()
    const odd = list[1] as Record<string, any>
    odd.name = `Acorn Food Bank ${'and café '.repeat(30)}`
    odd.description = 'Food. '.repeat(1000)
    odd.service_at_locations[0].location.addresses[0].postal_code = 'NOT A POSTCODE'
    odd.contacts[0].phones[0].number = '0300 123 4567 (option 2)'
    odd.email = 'food bank at acorn'
    odd.url = 'www.acorn'
    odd.minimum_age = 10
    odd.maximum_age = 5
    const noOrganisation = { ...list[2], id: 'no-organisation', organization: null }
    const byIdOnly = { ...list[2], id: 'by-id-only', name: 'Baby massage', organization: null, organization_id: IDS.healthTrust }
    const unknownOrganisation = { ...list[2], id: 'unknown-organisation', organization: null, organization_id: 'nobody-knows' }
    const longId = { ...list[2], id: 'x'.repeat(201) }
    const twice = { ...list[0], name: 'Health visiting again' }
    const result = await imported(saved([...list, noOrganisation, byIdOnly, unknownOrganisation, longId, twice]))
    expect(result.services).toEqual({ added: 4, updated: 0, unchanged: 0, madeInactive: 0 })
    expect(result.skipped).toEqual([
      { feedId: 'no-organisation', name: 'Talking therapies for parents', reason: 'the feed names no organisation for it' },
      { feedId: 'x'.repeat(200), name: 'Talking therapies for parents', reason: 'its id is longer than 200 characters' },
      { feedId: IDS.healthVisiting, name: 'Health visiting again', reason: 'it is in the feed twice: the first was imported' },
      { feedId: 'unknown-organisation', name: 'Talking therapies for parents', reason: 'the feed does not describe its organisation (nobody-knows)' }
    ])
    expect(result.skippedTotal).toBe(4)
    const name = (await services()).find((s) => s.feedId === IDS.foodBank)!.name
    expect(name).toHaveLength(200)
    expect(name.endsWith('…')).toBe(true)
    expect(result.notes.map((n) => n.note)).toEqual([
      'its name was cut to 200 characters',
      'its ages (10 to 5) were left out: the youngest is above the oldest',
      'its description was cut to 4000 characters',
      'its postcode was left out: "NOT A POSTCODE" is not a UK postcode',
      'its phone number was left out: "0300 123 4567 (option 2)" is not a UK phone number',
      'its email was left out: "food bank at acorn" is not an email address',
      'its website was left out: "www.acorn" is not a web address'
    ])
    expect(result.notes.every((n) => n.feedId === IDS.foodBank && n.name === name)).toBe(true)
    expect((await services()).find((s) => s.feedId === IDS.foodBank)).toMatchObject({
      postcode: null,
      phone: null,
      email: null,
      website: null,
      minAge: null,
      maxAge: null
    })
    expect((await services()).find((s) => s.feedId === 'by-id-only')).toMatchObject({ organisationFeedId: IDS.healthTrust })
  })
})

describe('when the feed is not there', () => {
  it('says IT sets directoryFeed in the machine-wide config when none is set', async () => {
    expect(await importFrom(null)).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: `No directory feed is set up, so there is nothing to import. IT sets it as directoryFeed in the machine-wide config file, ${machineConfigPath()}: the feed’s web address, or the path of a JSON file saved from it. Nothing in the directory was changed.`
      }
    })
    expect(await t.ok('directory.feed', {})).toEqual({ feed: null, configFile: machineConfigPath() })
  })

  it('names the address or file it could not read', async () => {
    server = await serveFeed({})
    const closed = server.base
    await server.close()
    server = null
    expect(await importFrom(`${closed}/services`)).toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: `Casebook could not read the directory feed at ${closed}/services: nothing answered there (connection refused). Nothing in the directory was changed. Try again later, or ask IT to check the address.`
      }
    })
    const missing = join(dir, 'missing.json')
    expect(await importFrom(missing)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining(`There is no directory feed file at ${missing}.`) }
    })
    expect(await importFrom('ftp://example.org/feed.json')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('Casebook reads a feed over https or http, or from a file') }
    })
    expect(await t.casebook.core.db.query('SELECT count(*) AS n FROM directory_service')).toEqual([{ n: 0 }])
  })
})
