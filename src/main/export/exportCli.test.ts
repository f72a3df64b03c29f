// `npm run casebook -- export` for IT's scheduled task: exit codes, the one-line summary, --out,
// --full and --pseudonymised; and an export killed (a real child process, SIGKILL) at random points
// never moves the cursor or leaves a package that looks complete, and the run after it is right.
// On a SQLite file, and on the PostgreSQL database the machine-wide config names (../testing/cliDatabase).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startChild } from '../testing/childProcess'
import { runCommand } from '../testing/commandLine'
import { cliDatabase, type CliDatabase } from '../testing/cliDatabase'
import { seedFamilies } from '../seed/seed'
import { checkPackage } from './testing/readPackage'
import { EXPORT_EXIT } from '../cli/exportCommand'

let dir: string
/** The hub's database: a SQLite file, or in the PostgreSQL project the database the machine-wide config names. */
let db: CliDatabase
let out: string

async function rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const casebook = await db.open('readOnly')
  try {
    return (await casebook.core.db.query(sql, params)) as T[]
  } finally {
    await casebook.close()
  }
}

/** Package folders that look complete (a name, not a hidden folder). */
const packages = (folder = out) =>
  readdirSync(folder)
    .filter((n) => /^TH-\d{8}T\d{6}Z-\d{6}$/.test(n))
    .sort()

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'export-cli-'))
  out = join(dir, 'exports')
  mkdirSync(out)
  vi.stubEnv('CASEBOOK_CONFIG', join(dir, 'casebook.json'))
  db = await cliDatabase(dir)
  // Enough families that an export takes long enough to be killed in the middle of.
  const casebook = await db.open()
  await seedFamilies(casebook, { families: 1500, seed: 7 })
  await casebook.close()
}, 120_000)
afterAll(async () => {
  await db.dispose()
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

describe('npm run casebook -- export', () => {
  it('without an export folder fails with exit code 1 and says what IT must set', async () => {
    expect(await runCommand('export', ...db.args)).toEqual({ code: EXPORT_EXIT.failed, out: expect.stringContaining('No export folder is set') })
  })

  it('writes the first package in full, and says so in one line', async () => {
    const result = await runCommand('export', ...db.args, '--out', out)
    expect(result.code).toBe(EXPORT_EXIT.written)
    expect(result.out).toMatch(/^Exported package TH-\d{8}T\d{6}Z-000001 \(full, changes 1 to \d+\): [\d,]+ rows to .+ in [\d.]+ s$/)
    expect(packages()).toHaveLength(1)
    const written = await checkPackage(join(out, packages()[0]!))
    expect(written.problems).toEqual([])
    // Read a page of 1,000 records at a time: every record of every page is there, once (the keys are checked unique).
    const [counts] = await rows<Record<string, number>>(
      `SELECT (SELECT count(*) FROM family) AS families, (SELECT count(*) FROM person) AS people,
         (SELECT count(*) FROM family_membership) AS memberships, (SELECT count(*) FROM person_disability) AS person_disabilities`
    )
    expect(counts!.people).toBeGreaterThan(2_000)
    for (const [resource, count] of Object.entries(counts!))
      expect({ resource, rows: written.result.resources[resource]!.rows.length }).toEqual({ resource, rows: Number(count) })
  })

  it('writes a pseudonymised package in its own folder and series', async () => {
    const result = await runCommand('export', ...db.args, '--out', out, '--pseudonymised', '--full')
    expect(result).toEqual({ code: EXPORT_EXIT.written, out: expect.stringContaining('(full, pseudonymised,') })
    expect(packages(join(out, 'pseudonymised'))).toEqual([expect.stringMatching(/-000001$/)])
  })

  it('refuses with exit code 3 while the validation report has errors, naming the rules', async () => {
    const casebook = await db.open()
    const [family] = (await casebook.core.db.query('SELECT id, postcode FROM family LIMIT 1')) as { id: string; postcode: string }[]
    await casebook.core.writes.run((m) => m.query(`UPDATE family SET postcode = 'NOT A PC' WHERE id = ?`, [family!.id]))
    await casebook.close()
    const before = readdirSync(out).sort()
    const result = await runCommand('export', ...db.args, '--out', out)
    // The report runs while the package is written: the writing stopped, its hidden folder removed.
    expect(readdirSync(out).sort()).toEqual(before)
    expect(result).toEqual({
      code: EXPORT_EXIT.blocked,
      out: expect.stringMatching(/^Export refused: Nothing was sent: the validation report has 1 error to fix first \(CB\d+ ×1\)/)
    })
    const fixed = await db.open()
    await fixed.core.writes.run((m) => m.query(`UPDATE family SET postcode = ? WHERE id = ?`, [family!.postcode, family!.id]))
    await fixed.close()
  })
})

/** Runs the command line in a child process; resolves with its exit code, or null when killed. */
async function exportProcess(killWhen: (() => Promise<boolean>) | null): Promise<number | null> {
  const child = startChild(join(__dirname, '../cli/index.ts'), ['export', ...db.args, '--out', out])
  let finished = false
  void child.ended.then(() => (finished = true))
  if (killWhen) {
    // Polls the database and the folder until the moment comes, or the child has finished by itself.
    while (!finished && !(await killWhen().catch(() => false))) await new Promise((r) => setImmediate(r))
    await child.kill()
  }
  return (await child.ended).code
}

describe('an export killed part way', () => {
  const running = async () => (await rows(`SELECT records_done FROM export_run WHERE status = 'running'`)).length > 0
  /** The hidden folder being written holds this file (the files are written in the order of datapackage.json). */
  const writing = (file: string) => async () => readdirSync(out).some((n) => n.startsWith('.partial-') && existsSync(join(out, n, file)))
  const renamed = async () => packages().length > (await rows(`SELECT id FROM export_run WHERE status = 'succeeded' AND pseudonymised = false`)).length

  it('never moves the cursor or leaves a package that looks complete; the next run is right', async () => {
    const killed: string[] = []
    for (const [when, moment] of [
      [running, 'as it starts'],
      [writing('families.csv'), 'while writing the first files'],
      [writing('case_notes.csv'), 'part way through the files'],
      [renamed, 'just after the rename']
    ] as const) {
      // Something must have changed for an incremental run to write.
      const casebook = await db.open()
      await casebook.core.writes.run((m) =>
        m.query(`UPDATE family SET phone = ? WHERE id IN (SELECT id FROM family ORDER BY id LIMIT 50)`, [`0161 496 ${moment.length}000`])
      )
      await casebook.close()
      const before = await rows<{ change_to: number }>(
        `SELECT change_to FROM export_run WHERE status = 'succeeded' AND pseudonymised = false ORDER BY package_sequence`
      )
      const code = await exportProcess(when)
      const succeeded = await rows<{ package_name: string; change_to: number }>(
        `SELECT package_name, change_to FROM export_run WHERE status = 'succeeded' AND pseudonymised = false ORDER BY package_sequence`
      )
      if (code === null) {
        killed.push(moment)
        // Killed: the cursor has not moved...
        expect({ moment, succeeded: succeeded.length }).toEqual({ moment, succeeded: before.length })
      }
      // ...and every folder that looks like a package is one, whole and correct.
      for (const name of packages()) expect({ moment, name, problems: (await checkPackage(join(out, name))).problems }).toEqual({ moment, name, problems: [] })

      // The next run finishes what the killed one completed, or does it again; either way the packages are whole and in sequence.
      expect({ moment, code: (await runCommand('export', ...db.args, '--out', out)).code }).toEqual({ moment, code: EXPORT_EXIT.written })
      const after = await rows<{ package_name: string; package_sequence: number; change_from: number; change_to: number }>(
        `SELECT package_name, package_sequence, change_from, change_to FROM export_run WHERE status = 'succeeded' AND pseudonymised = false ORDER BY package_sequence`
      )
      expect({ moment, folders: packages() }).toEqual({ moment, folders: after.map((r) => r.package_name).sort() })
      // Numbers only go up (one is skipped only by a run killed between naming its package and the
      // rename), and each package starts where the one before ended.
      after.forEach((r, i) => {
        if (i > 0) expect(r.package_sequence).toBeGreaterThan(after[i - 1]!.package_sequence)
        if (i > 0) expect(r.change_from).toBe(after[i - 1]!.change_to)
      })
      expect(readdirSync(out).filter((n) => n.startsWith('.partial-'))).toEqual([])
    }
    expect(await rows(`SELECT id FROM export_run WHERE status = 'running'`)).toEqual([])
    // The moments that do not depend on luck were reached (a run may finish before the later ones come).
    expect(killed).toEqual(expect.arrayContaining(['as it starts', 'while writing the first files']))
  }, 240_000)
})
