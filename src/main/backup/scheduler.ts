// Backups that happen on their own, while the app is open (only the app's core turns this on: tests,
// the browser harness and the command line take backups when asked): one every backupEveryHours after
// the last that succeeded, and one at the day's first sign-in if none was taken that day (on the hub's
// clock). A run that fails (the backup folder cannot be reached, say) is tried again 10 minutes later,
// and backup.overview says why meanwhile; the app keeps working. Time is the core's clock, so a test
// moves the clock and calls tick(); the timer only calls tick() now and then, and never keeps the
// process alive. Each look first tidies what killed runs left (the first as the app opens), and a look
// that fails (the database closed under it by a restore, say) is logged, never thrown at the timer.
import { SYSTEM_ACTOR_LABEL } from '../../shared/accounts/systemActor'
import type { BackupReason, BackupRun } from '../../shared/backup/schemas'
import { hubDay, londonToUtc, utcToLondon } from '../../shared/dates'
import type { Core } from '../core/context'
import { errorFields } from '../log/log'
import { tidyDeadRuns } from './backups'
import { restoreUnderWay } from './restore'
import { lastOkAt } from './runs'
import type { BackupService } from './service'

const HOUR_MS = 3_600_000
/** After a failed run. */
const RETRY_AFTER_MS = 10 * 60_000
/** How often the timer looks whether a backup is due; the first look is a minute after opening. */
const CHECK_EVERY_MS = 5 * 60_000
const FIRST_CHECK_MS = 60_000

export class BackupScheduler {
  private enabled = false
  private timer: NodeJS.Timeout | null = null
  /** The last automatic run's failure, until one succeeds; and when to try again. */
  private failure: { message: string; retryAt: number } | null = null
  private ticking: Promise<BackupRun | null> | null = null

  constructor(
    private readonly core: () => Core,
    private readonly backups: BackupService
  ) {}

  /** Turns the schedule on (the app's core, when it opens). */
  start(): void {
    this.enabled = true
    // A killed run's plaintext copy goes now, not a minute later at the first look.
    void this.tidy()
    this.arm(FIRST_CHECK_MS)
  }

  /** Settles dead runs and removes their leftovers; logged, never thrown. */
  private async tidy(): Promise<void> {
    const core = this.core()
    await tidyDeadRuns(core, SYSTEM_ACTOR_LABEL).catch((error: unknown) => core.log.warn('backup.tidy-failed', errorFields(error)))
  }

  stop(): void {
    this.enabled = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Whether the timer is set to look again (false once the schedule is off): for tests. */
  get armed(): boolean {
    return this.timer !== null
  }

  private arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer)
    if (!this.enabled) return
    this.timer = setTimeout(() => {
      this.timer = null
      // tick() never rejects: it logs its own failures.
      void this.tick().finally(() => this.arm(CHECK_EVERY_MS))
    }, ms)
    this.timer.unref()
  }

  /** What backup.overview should warn about: the last automatic run failed, and when it is tried again. */
  warning(): string | null {
    if (!this.failure) return null
    const at = utcToLondon(new Date(this.failure.retryAt).toISOString()).slice(11, 16)
    return `The last automatic backup failed: ${this.failure.message} Casebook keeps working, and tries again at ${at}.`
  }

  /**
   * Takes a backup if one is due by the core's clock (none yet, the last good one is backupEveryHours
   * old, or a failed one's retry time has come), and waits for it. Answers the run, or null.
   */
  tick(): Promise<BackupRun | null> {
    this.ticking ??= this.dueRun()
      .catch((error: unknown) => {
        this.core().log.warn('backup.schedule-failed', { reason: 'schedule', ...errorFields(error) })
        return null
      })
      .finally(() => (this.ticking = null))
    return this.ticking
  }

  private async dueRun(): Promise<BackupRun | null> {
    const core = this.core()
    // A restore closes the database to replace it: the next look comes after it.
    if (this.backups.current() || restoreUnderWay(core.databasePath)) return null
    await this.tidy()
    const now = core.clock.now().getTime()
    if (this.failure) return now >= this.failure.retryAt ? this.take('schedule') : null
    const last = await lastOkAt(core.db)
    if (last && now - Date.parse(last) < core.backupSettings.everyHours * HOUR_MS) return null
    return this.take('schedule')
  }

  /** A sign-in: the day's first (by the hub's clock) takes a backup, in the background. */
  signedIn(): void {
    if (!this.enabled) return
    const core = this.core()
    void this.signInBackup().catch((error: unknown) => core.log.warn('backup.schedule-failed', { reason: 'sign-in', ...errorFields(error) }))
  }

  /** The day's first sign-in's backup, when none was taken today; what signedIn() starts without waiting, awaited here by tests. */
  async signInBackup(): Promise<BackupRun | null> {
    const core = this.core()
    if (this.backups.current() || this.ticking) return null
    const today = hubDay(core.clock.now())
    const last = await lastOkAt(core.db)
    if (last && Date.parse(last) >= Date.parse(londonToUtc(`${today}T00:00`, 'later')!)) return null
    return this.take('sign-in')
  }

  private async take(reason: BackupReason): Promise<BackupRun | null> {
    const core = this.core()
    let run: BackupRun
    try {
      run = await (await this.backups.start({ reason, userId: null, actor: SYSTEM_ACTOR_LABEL })).done
    } catch (error) {
      // Another process's run is under way, or Casebook is closing: not this schedule's failure.
      core.log.warn('backup.schedule-skipped', { reason, ...errorFields(error) })
      return null
    }
    if (run.status === 'ok') this.failure = null
    else {
      this.failure = { message: run.message ?? 'It stopped before it finished.', retryAt: core.clock.now().getTime() + RETRY_AFTER_MS }
      core.log.warn('backup.retry-later', { reason, inMinutes: RETRY_AFTER_MS / 60_000 })
    }
    return run
  }
}
