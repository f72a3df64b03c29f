// What the directory import's tests share (./import.test.ts, ./importRefusals.test.ts): a database and
// a folder of their own for each test, a feed server when one is asked for, the import called as a
// window calls it, and the directory read back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { tempCasebook, type TempCasebook } from '../../testing/tempCasebook'
import type { DirectoryImportResult } from '../../../shared/directory/schemas'
import { IDS, serveFeed, type FeedServer } from './testFeeds'

let t: TempCasebook
let server: FeedServer | null = null
let dir: string

/** The test's own database and folder for saved feeds, made before each test and removed after it, with any feed server it started. */
export const world = {
  get t() {
    return t
  },
  get dir() {
    return dir
  }
}

/** Registers the hooks that make and remove the world: call once at the top of a test file. */
export function useImportWorld(): void {
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
}

/** A feed served on 127.0.0.1 for this test, closed after it. */
export async function serve(routes: Parameters<typeof serveFeed>[0]): Promise<FeedServer> {
  server = await serveFeed(routes)
  return server
}

export function importFrom(feed: string | null) {
  t.casebook.core.directoryFeed = feed
  return t.connection.invoke('directory.import', {})
}

export async function imported(feed: string): Promise<DirectoryImportResult> {
  const result = await importFrom(feed)
  if (!result.ok) throw new Error(`The import failed: ${result.error.message}`)
  return result.value as DirectoryImportResult
}

let files = 0
export function saved(json: unknown): string {
  const path = join(dir, `feed-${++files}.json`)
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json, null, 2))
  return path
}

export const services = () =>
  t.casebook.core.db.query(
    `SELECT s.feed_id AS "feedId", s.name, s.service_type AS "serviceType", s.referral_source AS "referralSource", s.description, s.address_line1 AS "addressLine1",
            s.town, s.postcode, s.phone, s.email, s.secure_email AS "secureEmail", s.website, s.min_age AS "minAge", s.max_age AS "maxAge", s.status,
            s.feed_modified_at AS "feedModifiedAt", s.version, o.feed_id AS "organisationFeedId", o.name AS "organisationName"
       FROM directory_service s JOIN directory_organisation o ON o.id = s.organisation_id ORDER BY s.name`
  ) as Promise<Record<string, any>[]>
export const organisations = () =>
  t.casebook.core.db.query(
    `SELECT feed_id AS "feedId", name, description, website, email, phone, version FROM directory_organisation ORDER BY name`
  ) as Promise<Record<string, any>[]>
export const auditSince = async (seq: number) =>
  (
    (await t.casebook.core.db.query('SELECT action, record_type AS type, actor, changes FROM audit_entry WHERE seq > ? ORDER BY seq', [seq])) as {
      action: string
      type: string
      actor: string
      changes: string
    }[]
  ).map((e) => ({ entry: `${e.action} ${e.type}`, actor: e.actor, changes: JSON.parse(e.changes ?? 'null') }))
export const lastSeq = async () => (await t.casebook.core.db.query('SELECT coalesce(max(seq), 0) AS s FROM audit_entry'))[0].s as number
export const directoryState = async () => ({ services: await services(), organisations: await organisations(), audit: await lastSeq() })

export const healthVisiting = {
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
export const foodBank = {
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
export const talkingTherapies = {
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
