// A core's backups (core.backups): the run this process is carrying out and how far it has got, one
// at a time (a second start answers the run under way), the schedule (./scheduler), and stopping
// it all when the core closes (a run under way is stopped, and recorded as failed, before the
// database's writes are drained). None starts while a backup is being restored over the database.
import type { BackupRun } from '../../shared/backup/schemas'
import type { Core } from '../core/context'
import { readRunRow, runOf } from './runs'
import { startBackup, type BackupRequest, type StartedBackup } from './backups'
import { restoreUnderWay } from './restore'
import { AppError } from '../core/errors'
import { BackupScheduler } from './scheduler'

interface LiveRun {
  id: string
  progress: number
  done: Promise<BackupRun>
  abort: AbortController
}

export class BackupService {
  private live: LiveRun | null = null
  private starting: Promise<StartedBackup> | null = null
  /** How runs of this process ended, for backup.progress when the database could not be told (it was closing). */
  private readonly outcomes = new Map<string, BackupRun>()
  private stopped = false
  readonly scheduler: BackupScheduler

  constructor(private readonly core: () => Core) {
    this.scheduler = new BackupScheduler(core, this)
  }

  /**
   * Starts a backup and answers at once with its run; `done` settles when it ends. While this
   * process has one under way, that one is the answer. Refused (CONFLICT) while another process's is,
   * and while a restore is replacing the database (the backup would copy the database on its way out,
   * and its run would be recorded in it).
   */
  async start(request: BackupRequest): Promise<StartedBackup> {
    if (this.live) return { run: await this.runNow(this.live), done: this.live.done }
    if (this.starting) return this.starting
    if (this.stopped) throw new Error('Backups have stopped: Casebook is closing')
    if (restoreUnderWay(this.core().databasePath))
      throw new AppError('CONFLICT', 'A backup is being restored, so no new backup can be taken until it has finished. Try again in a few minutes.')
    this.starting = this.begin(request)
    try {
      return await this.starting
    } finally {
      this.starting = null
    }
  }

  private async begin(request: BackupRequest): Promise<StartedBackup> {
    const abort = new AbortController()
    const live: LiveRun = { id: '', progress: 0, done: Promise.resolve(null as never), abort }
    const started = await startBackup(this.core(), request, {
      // Only ever forward: a window's bar must not move back.
      onProgress: (fraction) => (live.progress = Math.max(live.progress, fraction)),
      signal: abort.signal
    })
    live.id = started.run.id
    live.done = started.done.then((run) => {
      this.outcomes.set(run.id, run)
      if (this.live === live) this.live = null
      return run
    })
    this.live = live
    return { run: started.run, done: live.done }
  }

  private async runNow(live: LiveRun): Promise<BackupRun> {
    const row = await readRunRow(this.core().db, live.id)
    return row ? runOf(row, live.progress) : { ...(await live.done) }
  }

  /** The run this process is carrying out, if any. */
  current(): { id: string; progress: number } | null {
    return this.live ? { id: this.live.id, progress: this.live.progress } : null
  }

  /** A run as backup.progress answers it: the database's row, with this process's progress or outcome. */
  async read(id: string): Promise<BackupRun | null> {
    const row = await readRunRow(this.core().db, id)
    if (!row) return null
    if (row.status === 'running' && this.live?.id !== id && this.outcomes.has(id)) return this.outcomes.get(id)!
    return runOf(row, this.live?.id === id ? this.live.progress : null)
  }

  /** Resolves when no run of this process is under way. */
  async whenIdle(): Promise<void> {
    await this.starting?.catch(() => undefined)
    await this.live?.done
  }

  /** A sign-in happened: the day's first takes a backup (when the schedule is on). Never delays the sign-in. */
  signedIn(): void {
    this.scheduler.signedIn()
  }

  /** Stops the schedule and any run under way (recorded as failed), before the core's writes are drained. */
  async stop(): Promise<void> {
    this.stopped = true
    this.scheduler.stop()
    await this.starting?.catch(() => undefined)
    this.live?.abort.abort()
    await this.live?.done
  }
}
