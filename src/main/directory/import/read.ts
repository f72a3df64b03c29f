// Reading a whole feed before anything is written: every page of a paged feed, the details of each
// listed service that lacks them (GET /services/{id}), each service checked against its version's
// schema. Whatever is wrong with the feed as a whole refuses it; a service Casebook cannot keep is
// skipped and said why.
import type { z } from 'zod'
import { DETAIL_REQUESTS_AT_ONCE, MAX_FEED_ID_LENGTH, MAX_PAGES, MAX_SERVICES } from './limits'
import { feedLocation, feedRefused, fetchJson, readJsonFile, shownAddress } from './source'
import {
  fromVersion1,
  fromVersion3,
  isObject,
  listedService,
  looksVersion1,
  parseFeedPart,
  v1Page,
  v1Service,
  v3Page,
  v3Service,
  type FeedService
} from './shapes'

export interface Skip {
  feedId: string | null
  name: string | null
  reason: string
}

export interface FeedRead {
  /** The address or file it came from. */
  source: string
  shape: 'v3' | 'v1'
  /** Every service of the feed was read (all its pages, or a whole list), so a missing one has gone. */
  complete: boolean
  services: FeedService[]
  skipped: Skip[]
}

/** A service as it was listed, and where: the document (an address or a file) and the place in it. */
interface Listed {
  item: unknown
  doc: string
  path: string
}

interface Gathered {
  listed: Listed[]
  complete: boolean
  /** Read a page at a time from an address: its services may lack details, to be asked for under it. */
  paged: boolean
}

type NextPage = (page: number) => Promise<{ json: unknown; doc: string }>

export async function readFeed(feed: string): Promise<FeedRead> {
  const location = feedLocation(feed)
  const gathered =
    location.kind === 'url'
      ? await gatherFromAddress(location.url)
      : { ...(await gatherDocument(await readJsonFile(location.path), location.path, null)), detailsUnder: null }
  const { listed } = gathered
  if (listed.length === 0) throw feedRefused('it lists no services (an empty feed would make every service it brought in inactive)')
  if (listed.length > MAX_SERVICES) throw feedRefused(`it lists ${listed.length} services, more than the ${MAX_SERVICES} Casebook imports at once`)
  if (gathered.detailsUnder) await fillInDetails(listed, gathered.detailsUnder)
  // After the details: a list may leave out the very collections that tell the versions apart.
  const shape = listed.some((l) => looksVersion1(l.item)) ? 'v1' : 'v3'

  const services: FeedService[] = []
  const skipped: Skip[] = []
  const seen = new Set<string>()
  for (const { item, doc, path } of listed) {
    const service =
      shape === 'v3'
        ? fromVersion3(parseFeedPart(v3Service, item, doc, path, feedRefused))
        : fromVersion1(parseFeedPart(v1Service, item, doc, path, feedRefused))
    const skip = (reason: string) => skipped.push({ feedId: service.feedId.slice(0, MAX_FEED_ID_LENGTH), name: service.name.slice(0, 200), reason })
    if (service.feedId.length > MAX_FEED_ID_LENGTH) skip(`its id is longer than ${MAX_FEED_ID_LENGTH} characters`)
    else if (seen.has(service.feedId)) skip('it is in the feed twice: the first was imported')
    else if (!service.organisationFeedId) skip('the feed names no organisation for it')
    else if (service.organisationFeedId.length > MAX_FEED_ID_LENGTH) skip(`its organisation’s id is longer than ${MAX_FEED_ID_LENGTH} characters`)
    else services.push(service)
    seen.add(service.feedId)
  }
  return { source: location.kind === 'url' ? shownAddress(location.url) : location.path, shape, complete: gathered.complete, services, skipped }
}

/** The address IT set: a /services page (version 3 or 1), a list, one service, or the API's base, whose services are under /services. */
async function gatherFromAddress(address: URL): Promise<Gathered & { detailsUnder: URL | null }> {
  let list = new URL(address)
  list.searchParams.delete('page')
  let json = await fetchJson(list)
  if (isApiBase(json)) {
    list = new URL(list)
    list.pathname = `${list.pathname.replace(/\/+$/, '')}/services`
    json = await fetchJson(list)
  }
  const next: NextPage = async (page) => {
    const url = new URL(list)
    url.searchParams.set('page', String(page))
    return { json: await fetchJson(url), doc: shownAddress(url) }
  }
  const gathered = await gatherDocument(json, shownAddress(list), next)
  // Each service's details are asked for with the list's own query (a key, say), less its paging.
  const detailsUnder = new URL(list)
  detailsUnder.searchParams.delete('page')
  return { ...gathered, detailsUnder: gathered.paged ? detailsUnder : null }
}

/** The answer of an API's base address ({ version, profile, openapi_url }), not a list of services. */
function isApiBase(json: unknown): boolean {
  return isObject(json) && !('contents' in json) && !('content' in json) && !('id' in json) && ('openapi_url' in json || 'version' in json)
}

/**
 * The services in one document, and the rest of its pages when it is a page and there is a way to
 * ask for them (`next`); a page read from a file is complete only when it is the only page.
 */
async function gatherDocument(json: unknown, doc: string, next: NextPage | null): Promise<Gathered> {
  if (Array.isArray(json)) return { listed: json.map((item, i) => ({ item, doc, path: `[${i}]` })), complete: true, paged: false }
  if (isObject(json) && ('contents' in json || 'content' in json)) return gatherPages(json, doc, next)
  if (isObject(json) && 'id' in json) return { listed: [{ item: json, doc, path: '' }], complete: false, paged: false }
  if (isApiBase(json)) throw feedRefused(`${doc} describes the feed’s API rather than listing its services: give the address of its services instead`)
  throw feedRefused(
    `it is not in the Open Referral UK shape: ${doc} holds neither a page of services (version 3’s “contents” or version 1’s “content”), a list of services nor one service`
  )
}

async function gatherPages(json: Record<string, unknown>, doc: string, next: NextPage | null): Promise<Gathered> {
  const v3 = 'contents' in json
  const key = v3 ? 'contents' : 'content'
  const read = (page: unknown, where: string) => {
    if (v3) {
      const p = parseFeedPart(v3Page, page, where, '', feedRefused)
      return { items: p.contents, pages: p.total_pages ?? 1, total: p.total_items ?? null, number: p.page_number ?? null }
    }
    const p = parseFeedPart(v1Page, page, where, '', feedRefused)
    // Version 1's page number is counted from 0 by some servers and from 1 by others: not checked.
    return { items: p.content, pages: p.totalPages ?? 1, total: p.totalElements ?? null, number: null }
  }
  const first = read(json, doc)
  if (first.total !== null && first.total > MAX_SERVICES)
    throw feedRefused(`it lists ${first.total} services, more than the ${MAX_SERVICES} Casebook imports at once`)
  if (first.pages > MAX_PAGES) throw feedRefused(`it has ${first.pages} pages, more than the ${MAX_PAGES} Casebook reads`)
  const listed: Listed[] = first.items.map((item, i) => ({ item, doc, path: `${key}[${i}]` }))
  if (!next) return { listed, complete: first.pages <= 1, paged: false }
  const seen = new Set(first.items.map(idOf))
  for (let page = 2; page <= first.pages; page++) {
    const answer = await next(page)
    const current = read(answer.json, answer.doc)
    if (current.number !== null && current.number !== page) throw feedRefused(`${answer.doc} answered with page ${current.number}, not page ${page}`)
    const ids = current.items.map(idOf)
    // A server that ignores ?page= answers the first page every time: the rest would look gone.
    if (ids.length > 0 && ids.every((id) => id !== null && seen.has(id))) {
      throw feedRefused(`${answer.doc} gave the same services as an earlier page, so Casebook cannot read the feed a page at a time`)
    }
    ids.forEach((id) => seen.add(id))
    listed.push(...current.items.map((item, i) => ({ item, doc: answer.doc, path: `${key}[${i}]` })))
    if (listed.length > MAX_SERVICES) throw feedRefused(`it lists more than the ${MAX_SERVICES} services Casebook imports at once`)
  }
  return { listed, complete: true, paged: true }
}

const idOf = (item: unknown): string | null => (isObject(item) && (typeof item.id === 'string' || typeof item.id === 'number') ? String(item.id) : null)

/**
 * A list's services "need not contain arrays of child entities" (the API reference): one without
 * its organisation or its locations is asked for in full, at GET /services/{id}.
 */
async function fillInDetails(listed: Listed[], under: URL): Promise<void> {
  const wanting = listed.filter((l) => isObject(l.item) && (!('organization' in l.item) || !('service_at_locations' in l.item)))
  let nextIndex = 0
  const worker = async () => {
    while (nextIndex < wanting.length) {
      const entry = wanting[nextIndex++]!
      const { id } = parseFeedPart(listedService, entry.item, entry.doc, entry.path, feedRefused) as z.output<typeof listedService>
      const url = new URL(under)
      url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(id)}`
      const json = await fetchJson(url)
      const detailId = idOf(json)
      if (detailId !== id)
        throw feedRefused(
          `${shownAddress(url)} answered with ${detailId === null ? 'no service' : `the service ${detailId}`}, not the service ${id} its list named`
        )
      Object.assign(entry, { item: json, doc: shownAddress(url), path: '' })
    }
  }
  await Promise.all(Array.from({ length: Math.min(DETAIL_REQUESTS_AT_ONCE, wanting.length) }, worker))
}
