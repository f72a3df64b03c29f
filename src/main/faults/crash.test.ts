// Crash durability, in the style of SQLite's own crash tests: a core in a child process saves in a
// loop and acknowledges each save once the call has answered ok; the test kills it with SIGKILL at a
// random moment (while it opens, in the middle of a save, between two, part way through a backup),
// then opens the database as the app would and checks it: PRAGMA integrity_check and
// foreign_key_check pass, every acknowledged record is there exactly once and whole, nothing is there
// half-saved, at most the one save in flight landed without its acknowledgement, and the audit
// trail's chain verifies. Then the next child carries on with the same database. Kinds of save:
// registering families, saving an episode's family plan, and registering while backups run one after
// another beside the saves (every file named as a backup is then whole and sound; a killed backup
// leaves only files no listing takes for a backup, which the next run removes).
//
//   CASEBOOK_CRASH_SEED  the seed of the moments chosen (printed; the timing of a machine never repeats exactly)
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { migrations } from '../../../migrations'
import { openCasebook, type Casebook } from '../core/casebook'
import { verifyAuditChain } from '../audit/verify'
import { backupFolderFor, PARTIAL_SUFFIX } from '../backup/folder'
import { rng } from '../seed/generator'
import { seedFamilies } from '../seed/seed'
import { signedInUser } from '../testing/accounts'
import { backupLeftovers } from '../testing/backupFolder'
import { bundleChild, type ChildBundle } from '../testing/childBundle'
import { startChild, type ChildCore } from '../testing/childProcess'
import { okaforsWithEpisode } from '../testing/episodes'
import { checkFile, SOUND } from '../testing/integrity'
import { TEST_SCRYPT, tempCasebook, type TempCasebook } from '../testing/tempCasebook'

const SEED = Number(process.env.CASEBOOK_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31))
const random = rng(SEED)
/** The saver, built once: a hundred children start faster from one file (../testing/childBundle). */
let saver: ChildBundle
beforeAll(async () => {
  saver = await bundleChild(join(__dirname, 'children/saver.ts'))
}, 120_000)
afterAll(() => saver?.dispose())

/** Kills per kind: over a hundred in all. */
const KILLS = { register: 40, plan: 30, backup: 30 }
type Kind = keyof typeof KILLS

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('crash')
})
afterEach(async () => {
  await t.dispose()
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Kills the child at a random moment. Now and then at a random time after "go" (while it opens the
 * database, recovering what the last one left, or in its first saves); otherwise a few saves in and
 * a moment more, which lands anywhere in a save (its reads, its writes, its commit) or between two.
 * With backups running, a backup has started too, and the moment more is as long as a backup takes.
 */
async function killAtRandom(kind: Kind, child: ChildCore): Promise<void> {
  if (random() < 0.2) {
    await pause(random() * 400)
  } else {
    if (kind === 'backup') await child.waitFor(/^backup-started /)
    await child.waitForCount(/^ack /, 1 + Math.floor(random() * 12))
    await pause(random() * (kind === 'backup' ? 200 : 12))
  }
  await child.kill()
}

/** The database as the app opens it after a crash: checked, recovered from its WAL, sound. */
async function openAndCheck<T>(check: (casebook: Casebook) => Promise<T>): Promise<T> {
  const casebook = await openCasebook({ databasePath: t.databasePath, mode: 'existing', passwordCost: TEST_SCRYPT })
  try {
    expect(await checkFile(t.databasePath)).toEqual(SOUND)
    expect(await verifyAuditChain(casebook.core.db)).toMatchObject({ intact: true })
    return await check(casebook)
  } finally {
    await casebook.close()
  }
}

interface Run {
  kills: number
  acks: number
  seconds: number
}

/**
 * Runs `kills` children one after another on the same database, each killed at a random moment and
 * the database checked after each. The next child loads while the current one saves.
 */
async function killRepeatedly(kind: Kind, kills: number, args: string[], check: (tag: string, child: ChildCore) => Promise<void>): Promise<Run> {
  const started = performance.now()
  const start = (k: number) => startChild(saver.script, [t.databasePath, kind, `${kind}${k}`, ...args])
  let next = start(0)
  let acks = 0
  try {
    for (let k = 0; k < kills; k++) {
      const child = next
      await child.waitFor(/^loaded$/)
      child.send('go')
      next = start(k + 1)
      await killAtRandom(kind, child)
      const ended = await child.ended
      expect({ kill: k, signal: ended.signal, errors: child.lines.filter((l) => l.startsWith('error')) }).toEqual({ kill: k, signal: 'SIGKILL', errors: [] })
      acks += child.lines.filter((l) => l.startsWith('ack ')).length
      await check(`${kind}${k}`, child)
    }
  } finally {
    await next.kill()
  }
  return { kills, acks, seconds: (performance.now() - started) / 1000 }
}

const report = (kind: string, run: Run, more = '') =>
  console.log(
    `crash: ${kind}: ${run.kills} kills survived, ${run.acks} acknowledged saves${more}, ${run.seconds.toFixed(1)} s (seed ${SEED}, CASEBOOK_CRASH_SEED)`
  )

const ackLines = (child: ChildCore) => child.lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' '))

/** Families registered by the children, by their marker (`<tag>.<n>@crash.example.com`): each acknowledged one's id and number of people. */
type Registered = Map<string, { id: string; people: number }>

/**
 * After a child registering families was killed: every acknowledged family there once, whole (its
 * people, their memberships, its one audit entry); every family there whole; and of the
 * unacknowledged, at most the one in flight, registered after the child's last acknowledged one.
 */
async function checkRegistrations(casebook: Casebook, registered: Registered, tag: string, child: ChildCore): Promise<void> {
  const acks = ackLines(child)
  for (const [, n, id, people] of acks) registered.set(`${tag}.${n}@crash.example.com`, { id: id!, people: Number(people) })
  const lastAck = Math.max(0, ...acks.map(([, n]) => Number(n)))
  const families = (await casebook.core.db.query(
    `SELECT f.id, f.email,
            (SELECT count(*) FROM person p WHERE p.family_id = f.id) AS people,
            (SELECT count(*) FROM family_membership m WHERE m.family_id = f.id AND m.left_at IS NULL) AS members,
            (SELECT count(*) FROM audit_entry a WHERE a.record_type = 'family' AND a.record_id = f.id AND a.action = 'create') AS created
       FROM family f WHERE f.email LIKE '%@crash.example.com'`
  )) as { id: string; email: string; people: number; members: number; created: number }[]
  const byMarker = new Map<string, typeof families>()
  for (const f of families) byMarker.set(f.email, [...(byMarker.get(f.email) ?? []), f])
  const wrong = [...registered].filter(([marker, { id, people }]) => {
    const found = byMarker.get(marker) ?? []
    return found.length !== 1 || found[0]!.id !== id || found[0]!.people !== people || found[0]!.members !== people || found[0]!.created !== 1
  })
  expect(wrong.map(([marker]) => ({ marker, found: byMarker.get(marker) ?? [] }))).toEqual([])
  expect(families.filter((f) => f.people === 0 || f.members !== f.people || f.created !== 1)).toEqual([])
  const unacknowledged = families.filter((f) => !registered.has(f.email))
  expect(unacknowledged.length).toBeLessThanOrEqual(1)
  for (const f of unacknowledged) {
    expect(f.email).toMatch(new RegExp(`^${tag}\\.\\d+@crash\\.example\\.com$`))
    expect(Number(/\.(\d+)@/.exec(f.email)![1])).toBeGreaterThan(lastAck)
    registered.set(f.email, { id: f.id, people: f.people })
  }
}

describe('killed at random moments (SIGKILL), the database holds every acknowledged save and nothing half-saved', () => {
  it('registering families', async () => {
    await t.casebook.close()
    const registered: Registered = new Map()
    const run = await killRepeatedly('register', KILLS.register, [], (tag, child) =>
      openAndCheck((casebook) => checkRegistrations(casebook, registered, tag, child))
    )
    report('registering families', run)
    expect(run.acks).toBeGreaterThan(KILLS.register)
  }, 240_000)

  it('saving an episode’s family plan', async () => {
    const lead = await signedInUser(t, 'pat', 'practitioner')
    const { episodeId } = await okaforsWithEpisode(t, lead, '2026-01-05')
    await t.casebook.close()
    /** The marker each acknowledged version was saved with. */
    const versions = new Map<number, string>()
    /** The plan's version at the last check. */
    let previous = 0
    const run = await killRepeatedly('plan', KILLS.plan, [episodeId], async (tag, child) => {
      for (const [, n, version] of ackLines(child)) versions.set(Number(version), `${tag} ${n}`)
      const lastAck = Math.max(0, ...versions.keys())
      await openAndCheck(async (casebook) => {
        const plans = (await casebook.core.db.query(`SELECT id, version, outcomes FROM family_plan WHERE episode_id = ?`, [episodeId])) as {
          id: string
          version: number
          outcomes: string
        }[]
        if (lastAck === 0 && plans.length === 0) return
        expect(plans).toHaveLength(1)
        const [plan] = plans
        // The plan is at the last acknowledged version, or the one in flight when it died.
        expect(plan!.version).toBeGreaterThanOrEqual(lastAck)
        expect(plan!.version).toBeLessThanOrEqual(Math.max(lastAck, previous) + 1)
        previous = plan!.version
        // Every version it has had is kept once, each with what was saved as it, and audited once.
        const kept = (await casebook.core.db.query(`SELECT version, content FROM document_version WHERE document_id = ? ORDER BY version`, [plan!.id])) as {
          version: number
          content: string
        }[]
        expect(kept.map((v) => v.version)).toEqual(Array.from({ length: plan!.version }, (_, i) => i + 1))
        for (const [version, marker] of versions)
          expect({ version, saved: kept[version - 1]!.content.includes(`Saved by ${marker}:`) }).toEqual({ version, saved: true })
        expect(JSON.parse(kept.at(-1)!.content)).toMatchObject({ outcomes: JSON.parse(plan!.outcomes) })
        const audited = (await casebook.core.db.query(
          `SELECT json_extract(changes, '$.version') AS version FROM audit_entry WHERE record_type = 'family-plan' AND record_id = ? ORDER BY seq`,
          [plan!.id]
        )) as { version: number }[]
        expect(audited.map((a) => a.version)).toEqual(kept.map((v) => v.version))
      })
    })
    report('saving a family plan', run)
    expect(run.acks).toBeGreaterThan(KILLS.plan)
  }, 240_000)

  it('registering families while backups run', async () => {
    // Enough families that a backup takes a moment: kills land in its copy, its check and its encryption.
    await seedFamilies(t.casebook, { families: 400, seed: 5 })
    await t.casebook.close()
    const folder = backupFolderFor({ folder: null }, t.databasePath)
    const registered: Registered = new Map()
    /** Backups already looked into: each is decrypted and checked once. */
    const seen = new Set<string>()
    /** What a killed run that had its row left behind: gone once the next child has started a backup. */
    let leftBehind: string[] = []
    let backups = 0
    /** Kills that landed while a backup was under way (its run left 'running'). */
    let midBackup = 0
    const run = await killRepeatedly('backup', KILLS.backup, [], async (tag, child) => {
      const liveEmails = await openAndCheck(async (casebook) => {
        await checkRegistrations(casebook, registered, tag, child)
        // The history: a run recorded ok has its file; at most the killed one is still 'running'.
        const runs = (await casebook.core.db.query(`SELECT id, status, file_name AS "fileName" FROM backup_run`)) as {
          id: string
          status: string
          fileName: string
        }[]
        expect(runs.filter((r) => r.status === 'ok' && !existsSync(join(folder, r.fileName)))).toEqual([])
        expect(runs.filter((r) => r.status === 'running').length).toBeLessThanOrEqual(1)
        const running = runs.filter((r) => r.status === 'running')
        const emails = (await casebook.core.db.query(`SELECT email FROM family`)) as { email: string | null }[]
        return { running, emails: new Set(emails.map((e) => String(e.email))) }
      })
      if (child.lines.some((l) => l.startsWith('backup-started '))) expect(leftBehind.filter((path) => existsSync(path))).toEqual([])

      const left = await backupLeftovers(t.databasePath, seen)
      // Every file named as a backup is one: it decrypts with the key, SQLite finds it sound, it is
      // fully migrated, and it holds only families that were saved (and are still there).
      for (const backup of left.backups) {
        expect({ backup: backup.fileName, checks: backup.checks, migrations: backup.migrations }).toEqual({
          backup: backup.fileName,
          checks: SOUND,
          migrations: migrations.map((m) => m.name)
        })
        expect(backup.familyEmails.filter((e) => !liveEmails.emails.has(e))).toEqual([])
        seen.add(backup.fileName)
        backups++
      }
      // Anything else is a file being written when it died, or a run's own files beside the database: never a backup's name.
      expect(left.other).toEqual([])
      const killed = liveEmails.running.map((r) => r.id)
      midBackup += killed.length
      leftBehind = [
        ...left.partial.filter((p) => liveEmails.running.some((r) => `${r.fileName}${PARTIAL_SUFFIX}` === p)).map((p) => join(folder, p)),
        ...left.runFiles.filter((f) => killed.some((id) => f.includes(`.backup-${id}.`))).map((f) => join(dirname(t.databasePath), f))
      ]
    })
    report('registering while backups run', run, `, ${midBackup} kills part way through a backup, ${backups} backups whole`)
    expect(run.acks).toBeGreaterThan(KILLS.backup)
    expect(backups).toBeGreaterThan(0)
  }, 240_000)
})
