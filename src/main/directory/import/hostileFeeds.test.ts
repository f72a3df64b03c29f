// Attack probes (issue 9): the Open Referral UK import fed what councils' servers, IT and hostile
// servers really send, on a real SQLite file. Each test fails while the defect is there.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../../testing/tempCasebook'
import { okaforFamily } from '../../testing/fixtures'
import { requestInput } from '../../referrals/testWorld'
import type { DirectoryImportResult } from '../../../shared/directory/schemas'
import { feeds, IDS, serveFeed, v3AllServices, type FeedServer } from './testFeeds'

let t: TempCasebook
let dir: string
const closers: (() => Promise<void>)[] = []

beforeEach(async () => {
  t = await tempCasebook('hostile-feeds')
  dir = mkdtempSync(join(tmpdir(), 'hostile-feeds-'))
})
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
  await t.dispose()
  rmSync(dir, { recursive: true, force: true })
})

function importFrom(feed: string) {
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
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json))
  return path
}
const serviceRows = () =>
  t.casebook.core.db.query(`SELECT id, feed_id AS "feedId", name, status FROM directory_service ORDER BY feed_id`) as Promise<
    { id: string; feedId: string; name: string; status: string }[]
  >
const statusOf = async (feedId: string) => (await serviceRows()).find((s) => s.feedId === feedId)?.status
const lastSeq = async () => Number((await t.casebook.core.db.query('SELECT coalesce(max(seq), 0) AS s FROM audit_entry'))[0].s)

/** A server of our own, for answers the fixture server cannot give (hanging, dripping, redirecting, streaming). */
async function server(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s: Server = createServer(handler)
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))
  closers.push(
    () =>
      new Promise((ok) => {
        s.closeAllConnections()
        s.close(() => ok())
      })
  )
  const address = s.address() as { port: number }
  return `http://127.0.0.1:${address.port}`
}
async function fixtureServer(routes: Parameters<typeof serveFeed>[0]): Promise<FeedServer> {
  const s = await serveFeed(routes)
  closers.push(() => s.close())
  return s
}

describe('a service still in the feed, that the import skips this time', () => {
  it('is not made inactive: the feed did not say it had gone', async () => {
    await imported(saved(v3AllServices()))
    expect(await statusOf(IDS.foodBank)).toBe('active')
    // The food bank's organisation comes with no name this once (a council's data-entry slip).
    const list = v3AllServices()
    ;(list[1] as { organization: { name: string } }).organization.name = '   '
    const result = await imported(saved(list))
    expect(result.skipped.map((s) => s.feedId)).toContain(IDS.foodBank)
    expect(await statusOf(IDS.foodBank)).toBe('active')
  })
})

describe('a service a request was signposted to, then gone from the feed', () => {
  it('becomes inactive, is never deleted, and the request still names it', async () => {
    await imported(saved(v3AllServices()))
    const service = (await serviceRows()).find((s) => s.feedId === IDS.foodBank)!
    const family = await t.ok('families.register', okaforFamily())
    const child = (await t.ok('families.get', { id: family.id })).members.find((m: { kind: string }) => m.kind === 'child').id
    const request = await t.ok('referrals.logRequest', requestInput(family.id, [child]))
    await t.ok('referrals.screenRequest', {
      id: request.id,
      version: 1,
      decision: 'SIGNPOST',
      signpost: { serviceId: service.id, familyTold: 'Go to the food bank.' }
    })
    const result = await imported(saved(v3AllServices().filter((s) => s.id !== IDS.foodBank)))
    expect(result.services.madeInactive).toBe(1)
    expect((await serviceRows()).find((s) => s.id === service.id)).toMatchObject({ status: 'inactive' })
    expect((await t.ok('referrals.getRequest', { id: request.id })).details.service).toMatchObject({ id: service.id, name: 'Acorn Food Bank' })
  })
})

describe('two imports at once', () => {
  it('bring each organisation and service in once', async () => {
    const feed = saved(v3AllServices())
    t.casebook.core.directoryFeed = feed
    const results = await Promise.all([t.connection.invoke('directory.import', {}), t.connection.invoke('directory.import', {})])
    expect(results.map((r) => r.ok)).toEqual([true, true])
    expect(await serviceRows()).toHaveLength(3)
    expect(Number((await t.casebook.core.db.query('SELECT count(*) AS n FROM directory_organisation'))[0].n)).toBe(2)
  })
})

describe('markup in a feed', () => {
  it('keeps no tags in names, encoded or not', async () => {
    const list = v3AllServices()
    ;(list[1] as { name: string }).name = '&lt;script&gt;alert(1)&lt;/script&gt;Acorn Food Bank'
    ;(list[2] as { name: string }).name = '<img src=x onerror=alert(1)>Talking therapies'
    await imported(saved(list))
    const names = (await serviceRows()).map((s) => s.name)
    expect(names.filter((n) => /<\/?[a-z][^>]*>/i.test(n))).toEqual([])
  })
})

describe('a feed nested very deeply', () => {
  it('is imported or refused with a reason, never breaks the import', async () => {
    const list = v3AllServices()
    const depth = 200_000
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`
    const text = JSON.stringify(list).replace(/^\[\{/, `[{"extra":${deep},`)
    const result = await importFrom(saved(text))
    expect(result.ok || (result as { error: { code: string } }).error.code === 'VALIDATION').toBe(true)
  })
})

describe('a feed whose address carries its key (?key=…), as some councils’ do', () => {
  it('asks for every page and every service’s details with the key', async () => {
    const key = 'k3y-0f-the-c0unc1l'
    const feed = await fixtureServer({
      [`/api/services?key=${key}`]: { body: feeds.v3Page1() },
      [`/api/services?key=${key}&page=2`]: { body: feeds.v3Page2() },
      [`/api/services/${IDS.healthVisiting}?key=${key}`]: { body: feeds.v3HealthVisiting() }
    })
    const result = await importFrom(`${feed.base}/api/services?key=${key}`)
    expect({ result: result.ok ? 'imported' : result.error.message, asked: feed.requests }).toMatchObject({ result: 'imported' })
  })

  it('does not write the key into the audit trail', async () => {
    const key = 'k3y-0f-the-c0unc1l'
    const feed = await fixtureServer({ [`/feed.json?key=${key}`]: { body: v3AllServices() } })
    const before = await lastSeq()
    await imported(`${feed.base}/feed.json?key=${key}`)
    const trail = (await t.casebook.core.db.query('SELECT changes FROM audit_entry WHERE seq > ?', [before])) as { changes: string }[]
    expect(trail.filter((e) => (e.changes ?? '').includes(key))).toEqual([])
  })
})

describe('hostile or broken servers', () => {
  it('gives up on one that never answers, and on one that drips its answer, within the time limit, changing nothing', async () => {
    const hangs = await server(() => undefined)
    const drips = await server((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('[')
      const timer = setInterval(() => res.write(' '), 500)
      res.on('close', () => clearInterval(timer))
    })
    const started = Date.now()
    const results = await Promise.all([importFrom(`${hangs}/services`), importFrom(`${drips}/services`)])
    expect(Date.now() - started).toBeLessThan(45_000)
    expect(results.map((r) => (r.ok ? 'imported' : r.error.code))).toEqual(['UNAVAILABLE', 'UNAVAILABLE'])
    expect(await serviceRows()).toEqual([])
  }, 90_000)

  it('follows a redirect, refuses a redirect loop, an HTML page and an endless answer, with a reason', async () => {
    const body = JSON.stringify(v3AllServices())
    const base = await server((req, res) => {
      if (req.url === '/moved') res.writeHead(302, { Location: '/feed.json' }).end()
      else if (req.url === '/loop') res.writeHead(302, { Location: '/loop' }).end()
      else if (req.url === '/html') res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Service unavailable</body></html>')
      else if (req.url === '/endless') {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        const chunk = ' '.repeat(1024 * 1024)
        const more = () => {
          while (res.write(chunk));
        }
        res.on('drain', more)
        more()
      } else res.writeHead(200, { 'Content-Type': 'application/json' }).end(body)
    })
    const seq = await lastSeq()
    for (const [path, code] of [
      ['/loop', 'UNAVAILABLE'],
      ['/html', 'VALIDATION'],
      ['/endless', 'VALIDATION']
    ] as const) {
      const result = await importFrom(`${base}${path}`)
      expect({ path, result }).toMatchObject({
        path,
        result: { ok: false, error: { code, message: expect.stringContaining('Nothing in the directory was changed.') } }
      })
    }
    expect(await lastSeq()).toBe(seq)
    expect((await imported(`${base}/moved`)).services.added).toBe(3)
  }, 60_000)
})
