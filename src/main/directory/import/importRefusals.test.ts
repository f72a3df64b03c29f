// Directory import (./import.test.ts): malformed feeds, refused with what is wrong and where;
// what an import cannot keep as it is; and a feed that is not there. Each changes nothing it should not.
import { truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, beforeEach } from 'vitest'
import type { TempCasebook } from '../../testing/tempCasebook'
import { machineConfigPath } from '../../core/config'
import { feeds, IDS, serveFeed, v3AllServices, v3Routes, type FeedServer } from './testFeeds'
import { directoryState, imported, importFrom, saved, serve, services, useImportWorld, world } from './importWorld'

let t: TempCasebook
let dir: string
let server: FeedServer
useImportWorld()
beforeEach(() => {
  t = world.t
  dir = world.dir
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
    server = await serve(v3Routes())
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
    const gone = await serveFeed({})
    const closed = gone.base
    await gone.close()
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
