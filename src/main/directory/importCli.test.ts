// The command line's directory import, for IT and scheduled tasks: from the machine-wide config's
// feed, or a file or address given for once; audited as cli:<user>; exit code 1 when refused.
// On a SQLite file, and on the PostgreSQL database the machine-wide config names (../testing/cliDatabase).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCommand } from '../testing/commandLine'
import { desktopUserName } from '../core/casebook'
import { cliDatabase, type CliDatabase } from '../testing/cliDatabase'
import { serveFeed, v3Routes, type FeedServer } from './import/testFeeds'

let dir: string
/** The hub's database: a SQLite file, or in the PostgreSQL project the database the machine-wide config names. */
let db: CliDatabase
let server: FeedServer | null = null
const v1File = join(__dirname, 'import/fixtures/v1-services.json')

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'directory-cli-'))
  // The machine-wide config this test controls, in place of the machine's own.
  vi.stubEnv('CASEBOOK_CONFIG', join(dir, 'casebook.json'))
  db = await cliDatabase(dir)
})
afterEach(async () => {
  await server?.close()
  server = null
  await db.dispose()
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const casebook = await db.open('readOnly')
  try {
    return await casebook.core.db.query(sql)
  } finally {
    await casebook.close()
  }
}

describe('npm run casebook -- directory import', () => {
  it('imports the feed the machine-wide config names, and says what it did', async () => {
    server = await serveFeed(v3Routes())
    db.configure({ directoryFeed: `${server.base}/api/services` })
    expect(await runCommand('directory', 'import', ...db.args)).toEqual({
      code: 0,
      out: [
        `Imported the agency directory from ${server.base}/api/services (Open Referral UK version 3, the whole feed).`,
        'Organisations: 2 added, 0 updated, 0 unchanged.',
        'Services: 3 added, 0 updated, 0 unchanged, 0 made inactive.'
      ].join('\n')
    })
    const audit = await rows(`SELECT DISTINCT actor FROM audit_entry WHERE record_type LIKE 'directory-%'`)
    expect(audit).toEqual([{ actor: `cli:${desktopUserName()}` }])
  })

  it('takes a file or an address for once, and fails with the reason when the feed is refused', async () => {
    expect(await runCommand('directory', 'import', '--file', v1File, ...db.args)).toMatchObject({
      code: 0,
      out: expect.stringContaining('Services: 2 added, 0 updated, 0 unchanged, 0 made inactive.')
    })
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify([{ id: '1', name: 'No status' }]))
    expect(await runCommand('directory', 'import', '--file', bad, ...db.args)).toEqual({
      code: 1,
      out: `The directory feed was not imported: it is not in the Open Referral UK shape: in ${bad}, [0].status is missing. Nothing in the directory was changed.`
    })
    expect(await rows('SELECT count(*) AS n FROM directory_service')).toEqual([{ n: 2 }])
    expect(await runCommand('directory', 'import', ...db.args)).toMatchObject({ code: 1, out: expect.stringContaining('No directory feed is set up') })
    expect(await runCommand('directory', 'import', '--file', bad, '--url', 'https://example.org', ...db.args)).toEqual({
      code: 2,
      out: 'Give --file or --url, not both'
    })
    expect(await runCommand('directory', 'import', '--url', 'ftp://example.org/feed', ...db.args)).toEqual({
      code: 2,
      out: '--url needs an https or http address, not ftp://example.org/feed'
    })
    expect((await runCommand('directory', 'export', ...db.args)).code).toBe(2)
  })
})
