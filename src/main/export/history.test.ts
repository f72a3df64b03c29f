// The export history newest or oldest first, and of one status, over every run: both are taken in the
// query, so a page is a page of the whole history in that order (the screen's sortable table relies on it).
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { EXPORT_HISTORY_PAGE_SIZE } from '../../shared/export/schemas'

let t: TempCasebook

/** An export run as the table holds it: package `sequence`, started (and finished) at `at`. */
async function insertRun(sequence: number, at: string, failed = false) {
  await t.casebook.core.writes.run((m) =>
    m.query(
      `INSERT INTO export_run (id, kind, pseudonymised, status, package_sequence, change_from, change_to, export_folder, package_name, started_at, heartbeat_at,
         finished_at, started_by_user_id, started_via, os_user, host, pid, records_done, records_total, error)
       VALUES (?, 'incremental', ?, ?, ?, 0, ?, '/exports', ?, ?, ?, ?, NULL, 'command-line', 'itadmin', 'desk-1', 1, 1, 1, ?)`,
      // Not pseudonymised: bound, so each database stores false its own way (0, or a boolean).
      [
        randomUUID(),
        false,
        failed ? 'failed' : 'succeeded',
        sequence,
        failed ? null : sequence,
        failed ? null : `TH-${sequence}`,
        at,
        at,
        at,
        failed ? 'The folder cannot be reached.' : null
      ]
    )
  )
}

beforeEach(async () => {
  t = await tempCasebook('export-history')
  // 25 runs over 25 days, every fifth one failed: more than a page.
  for (let i = 1; i <= 25; i++) await insertRun(i, new Date(Date.UTC(2026, 9, i, 9)).toISOString(), i % 5 === 0)
})
afterEach(async () => {
  await t.dispose()
})

const sequences = async (input: object) => {
  const history = await t.ok('export.history', input)
  return { total: history.total, runs: history.runs.map((r: { packageSequence: number }) => r.packageSequence) }
}

describe('the export history', () => {
  it('comes newest first by default, oldest first when asked, a page of the whole history either way', async () => {
    expect(EXPORT_HISTORY_PAGE_SIZE).toBe(20)
    expect(await sequences({})).toEqual({ total: 25, runs: Array.from({ length: 20 }, (_, i) => 25 - i) })
    expect(await sequences({ page: 2 })).toEqual({ total: 25, runs: [5, 4, 3, 2, 1] })
    expect(await sequences({ oldestFirst: true })).toEqual({ total: 25, runs: Array.from({ length: 20 }, (_, i) => i + 1) })
    expect(await sequences({ oldestFirst: true, page: 2 })).toEqual({ total: 25, runs: [21, 22, 23, 24, 25] })
  })

  it('lists runs started at the same moment by id, the same order every time, each on one page only, either way', async () => {
    // Three more started at the instant run 6 did: newest first, the four of them straddle the first page's end.
    const sixth = (await t.ok('export.history', { oldestFirst: true })).runs[5]
    for (let i = 26; i <= 28; i++) await insertRun(i, sixth.startedAt)
    const pages = async (oldestFirst: boolean) => [
      ...(await t.ok('export.history', { oldestFirst })).runs,
      ...(await t.ok('export.history', { oldestFirst, page: 2 })).runs
    ]
    const newest = await pages(false)
    expect(newest).toHaveLength(28)
    const tied = newest.filter((r: { startedAt: string }) => r.startedAt === sixth.startedAt).map((r: { id: string }) => r.id)
    expect(tied).toHaveLength(4)
    const byId = [...tied].sort()
    expect(tied).toEqual([...byId].reverse())
    expect(newest.slice(19, 23).map((r: { id: string }) => r.id)).toEqual([...byId].reverse())
    expect((await pages(true)).slice(5, 9).map((r: { id: string }) => r.id)).toEqual(byId)
    expect((await pages(false)).map((r: { id: string }) => r.id)).toEqual(newest.map((r: { id: string }) => r.id))
  })

  it('filters by status over the whole history, and refuses a status it does not know', async () => {
    expect(await sequences({ status: 'failed' })).toEqual({ total: 5, runs: [25, 20, 15, 10, 5] })
    expect(await sequences({ status: 'failed', oldestFirst: true })).toEqual({ total: 5, runs: [5, 10, 15, 20, 25] })
    expect(await sequences({ status: 'running' })).toEqual({ total: 0, runs: [] })
    expect(await sequences({ status: '' })).toMatchObject({ total: 25 })
    expect(await t.connection.invoke('export.history', { status: 'lost' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
