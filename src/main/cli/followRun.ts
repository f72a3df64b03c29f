// A run followed from the command line (`casebook export`, `casebook backup`): started and then asked
// how it is going until it ends, through the same channels its screen uses, so a scheduled task and a
// click do exactly the same thing. A person watching gets a bar; a scheduled task's log gets only the
// command's one line, and the exit code says how it went.
import type { Result } from '../../shared/result'
import { progressBar } from './progress'

/** What each command tells Task Scheduler (docs/export-format.md lists them for the export). */
export const RUN_EXIT = { written: 0, failed: 1, blocked: 3, busy: 4 } as const

// Each look is one small query; a scheduled task waits up to this long after the run has ended
// (a quarter of a second was a seventh of an incremental export's whole time).
const POLL_MS = 100

export interface RunToFollow<Run> {
  start(): Promise<Result<unknown>>
  poll(run: Run): Promise<Result<unknown>>
  /** How far it has got, for the bar: done out of total; null while that is not known. */
  progressOf(run: Run): [done: number, total: number] | null
  /** The bar's label ('Exporting'). */
  label: string
  /** What a refused call's message follows ('Export failed'). */
  failed: string
}

/**
 * Starts the run and follows it to its end: answers it and how long it took, in seconds to one
 * decimal place. A refused call is said on `out` and answers the exit code instead (busy when the
 * start was refused because another run is going).
 */
export async function followRun<Run extends { status: string }>(
  follow: RunToFollow<Run>,
  out: (line: string) => void
): Promise<{ run: Run; seconds: string } | { exit: number }> {
  const started = performance.now()
  const start = await follow.start()
  if (!start.ok) {
    out(`${follow.failed}: ${start.error.message}`)
    return { exit: start.error.code === 'CONFLICT' ? RUN_EXIT.busy : RUN_EXIT.failed }
  }
  // A bar only for a person watching; a scheduled task's log gets the one line.
  const bar = process.stdout.isTTY ? progressBar(follow.label) : null
  let run = start.value as Run
  while (run.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    const progress = await follow.poll(run)
    if (!progress.ok) {
      out(`${follow.failed}: ${progress.error.message}`)
      return { exit: RUN_EXIT.failed }
    }
    run = progress.value as Run
    const shown = follow.progressOf(run)
    if (bar && shown) bar(...shown)
  }
  return { run, seconds: ((performance.now() - started) / 1000).toFixed(1) }
}
