// Backups, measured (issue 11) on the bench's hub: the plaintext online copy and its integrity check
// alone, a whole backup (copy, check, encryption into the folder, record) and its size, a restore
// (backup.restore, over the bench's database), and the longest a save waited while a backup ran
// beside a desk saving without a pause, against the same desk saving with no backup running. Saves
// and backups share one process, as they do in the app.
//
//   npm run bench                                   (the whole benchmark: this runs last, on its hub)
//   tsx src/main/bench/backup.ts --db <database>    (this alone, on a database that is there; it is backed up and restored over itself)
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { BackupRun } from '../../shared/backup/schemas'
import { todayIso } from '../../shared/dates'
import { openCasebook, type Casebook, type Connection } from '../core/casebook'
import { backupFolderFor, copyPathFor, removeRunFiles } from '../backup/folder'
import { checkCopy, copyDatabase } from '../backup/sqliteBackup'
import { FamilyGenerator } from '../seed/generator'
import { summarise, time, type Summary } from './stats'

/** Backups taken with a desk saving beside them, for the longest wait. */
const BACKUPS_UNDER_LOAD = 3

export interface BackupBench {
  databaseMb: number
  plain: { copySeconds: number; checkSeconds: number; megabytes: number }
  /** backup.start to the run's end: copy, check, encrypt, flush, rename, record, retention. */
  encrypted: { seconds: number; megabytes: number }
  /** backup.restore of the first backup, over the bench's database. */
  restore: { seconds: number }
  saves: {
    /** Each save's answer, in ms, while a backup ran; and over as long with none. */
    besideBackup: Summary
    alone: Summary
    backupSeconds: number[]
    /** Saves beside a backup over 50 ms, by the stage the backup was at when they were asked. */
    slowBeside: Record<string, number[]>
    /** The longest the event loop was held (ms): work on the main thread, not a wait on the disk or a lock. */
    eventLoopDelayMaxMs: { beside: number; alone: number }
  }
  targets: { backupSeconds: number; longestSaveMs: number }
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
const seconds = (ms: number) => Math.round(ms / 10) / 100

/** A desk registering families one after another until stopped; each answer's time, and when it was asked. */
function saver(connection: Connection, seed: number, backups: Casebook['core']['backups']) {
  const families = new FamilyGenerator(seed, todayIso())
  const saves: { at: number; ms: number; progress: number | null }[] = []
  let going = true
  const done = (async () => {
    while (going) {
      const at = performance.now()
      const progress = backups.current()?.progress ?? null
      const result = await connection.invoke('families.register', families.family())
      // A synthetic family like one on record is answered as a possible duplicate: still a save's answer.
      if (!result.ok && result.error.code !== 'DUPLICATE_UNCONFIRMED') throw new Error(`families.register failed: ${JSON.stringify(result.error)}`)
      saves.push({ at, ms: performance.now() - at, progress })
    }
  })()
  return {
    saves,
    async stop() {
      going = false
      await done
    }
  }
}

/** The stage a backup was at, from its progress (backups.ts: copy from 0.02, check 0.2, write 0.45, record 0.96). */
function stageAt(progress: number | null): string {
  if (progress === null) return 'none'
  return progress < 0.2 ? 'copy' : progress < 0.45 ? 'check' : progress < 0.96 ? 'write' : 'record'
}

function slowByStage(saves: { ms: number; progress: number | null }[]): Record<string, number[]> {
  const slow: Record<string, number[]> = {}
  for (const save of saves.filter((s) => s.ms > 50)) (slow[stageAt(save.progress)] ??= []).push(Math.round(save.ms))
  return slow
}

async function backUp(casebook: Casebook): Promise<[number, BackupRun]> {
  return time(async () => (await casebook.core.backups.start({ reason: 'command', userId: null, actor: 'bench' })).done)
}

export async function benchBackup(casebook: Casebook, log: (line: string) => void): Promise<BackupBench> {
  const { databasePath } = casebook.core
  const connection = casebook.connect({ name: 'bench' })
  const [{ bytes }] = (await casebook.core.db.query('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()')) as [
    { bytes: number }
  ]
  const databaseMb = mb(Number(bytes))
  log(`Measuring backups of the ${databaseMb} MB database...`)

  const copy = copyPathFor(databasePath, 'bench-plain')
  await removeRunFiles(databasePath, 'bench-plain')
  const [copyMs] = await time(() => copyDatabase(databasePath, copy))
  const [checkMs] = await time(() => checkCopy(copy))
  const plain = { copySeconds: seconds(copyMs), checkSeconds: seconds(checkMs), megabytes: mb(statSync(copy).size) }
  await removeRunFiles(databasePath, 'bench-plain')

  const [backupMs, first] = await backUp(casebook)
  if (first.status !== 'ok') throw new Error(`The backup failed: ${first.message}`)
  const encrypted = { seconds: seconds(backupMs), megabytes: mb(first.bytes!) }

  // The same desk, saving for as long as a backup takes, with and without one beside it.
  const loopAlone = monitorEventLoopDelay({ resolution: 5 })
  loopAlone.enable()
  const alone = saver(connection, 21, casebook.core.backups)
  await new Promise((resolve) => setTimeout(resolve, Math.max(2000, backupMs * BACKUPS_UNDER_LOAD)))
  await alone.stop()
  loopAlone.disable()
  // A histogram of its own for each backup: one enabled again after a pause counts the pause as a delay.
  let loopBesideMaxMs = 0
  const beside: { ms: number; progress: number | null }[] = []
  const backupSeconds: number[] = []
  const made = [first.fileName!]
  for (let i = 0; i < BACKUPS_UNDER_LOAD; i++) {
    const desk = saver(connection, 100 + i, casebook.core.backups)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const began = performance.now()
    const loopBeside = monitorEventLoopDelay({ resolution: 5 })
    loopBeside.enable()
    const [ms, run] = await backUp(casebook)
    loopBeside.disable()
    loopBesideMaxMs = Math.max(loopBesideMaxMs, loopBeside.max / 1e6)
    const ended = performance.now()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await desk.stop()
    if (run.status !== 'ok') throw new Error(`The backup under load failed: ${run.message}`)
    made.push(run.fileName!)
    backupSeconds.push(seconds(ms))
    // Every save that was waiting at any moment of the backup.
    beside.push(...desk.saves.filter((s) => s.at + s.ms >= began && s.at <= ended))
  }

  const folder = backupFolderFor(casebook.core.backupSettings, databasePath)
  const [restoreMs, restored] = await time(() => connection.invoke('backup.restore', { fileName: first.fileName }))
  if (!restored.ok) throw new Error(`The restore failed: ${restored.error.code}: ${restored.error.message}`)
  const restore = { seconds: seconds(restoreMs) }
  // The bench's own backups: a kept bench database is not left with a folder of them.
  for (const name of made) rmSync(join(folder, name), { force: true })
  return {
    databaseMb,
    plain,
    encrypted,
    restore,
    saves: {
      besideBackup: summarise(beside.map((s) => s.ms)),
      alone: summarise(alone.saves.map((s) => s.ms)),
      backupSeconds,
      slowBeside: slowByStage(beside),
      eventLoopDelayMaxMs: { beside: Math.round(loopBesideMaxMs * 100) / 100, alone: Math.round(loopAlone.max / 1e4) / 100 }
    },
    targets: { backupSeconds: 10, longestSaveMs: 100 }
  }
}

export function printBackup(figures: BackupBench, log: (line: string) => void): void {
  const s = figures.saves
  log(`Backups of the ${figures.databaseMb} MB database:`)
  log(
    `  plain online copy                  ${figures.plain.copySeconds} s, ${figures.plain.megabytes} MB; integrity_check of it ${figures.plain.checkSeconds} s`
  )
  log(
    `  whole backup (copy, check, encrypt) ${figures.encrypted.seconds} s, ${figures.encrypted.megabytes} MB encrypted   (target under ${figures.targets.backupSeconds} s)`
  )
  log(`  restore (backup.restore)           ${figures.restore.seconds} s`)
  log(
    `  a save's answer beside ${s.backupSeconds.length} backups (${s.backupSeconds.join(', ')} s): p50 ${s.besideBackup.p50} / p95 ${s.besideBackup.p95} / max ${s.besideBackup.max} ms over ${s.besideBackup.n} saves   (target max under ${figures.targets.longestSaveMs} ms)`
  )
  log(`  … with no backup running:          p50 ${s.alone.p50} / p95 ${s.alone.p95} / max ${s.alone.max} ms over ${s.alone.n} saves`)
  const slow = Object.entries(s.slowBeside).map(([stage, times]) => `${stage}: ${times.join(', ')}`)
  log(`  saves over 50 ms beside a backup, by its stage: ${slow.length ? slow.join('; ') : 'none'}`)
  log(`  longest hold of the event loop:     ${s.eventLoopDelayMaxMs.beside} ms beside backups, ${s.eventLoopDelayMaxMs.alone} ms with none`)
}

// On its own, on a database that is there (for working on backups without seeding a hub each time).
if (process.argv[1] && /bench[\\/]backup\.[cm]?[jt]s$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { db: { type: 'string' } } })
  if (!values.db) {
    console.error('Give the database: tsx src/main/bench/backup.ts --db <database>')
    process.exit(2)
  }
  void (async () => {
    const casebook = await openCasebook({ databasePath: values.db!, mode: 'existing' })
    try {
      const figures = await benchBackup(casebook, console.log)
      printBackup(figures, console.log)
      console.log(JSON.stringify(figures))
    } finally {
      await casebook.close()
    }
  })().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
