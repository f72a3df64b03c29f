// `casebook export`: the same channels the Export screen uses (export.start, then export.progress
// until the run ends), so a scheduled task and a manager's click do exactly the same thing. One
// line on standard output says how it went; the exit code says it to Task Scheduler.
import type { Connection } from '../core/casebook'
import type { ExportRun, StartExportInput } from '../../shared/export/schemas'
import { progressBar } from './progress'

export const EXPORT_EXIT = { written: 0, failed: 1, blocked: 3, busy: 4 } as const

const POLL_MS = 250

export async function exportCommand(connection: Connection, input: StartExportInput, out: (line: string) => void): Promise<number> {
  const started = performance.now()
  const start = await connection.invoke('export.start', input)
  if (!start.ok) {
    out(`Export failed: ${start.error.message}`)
    return start.error.code === 'CONFLICT' ? EXPORT_EXIT.busy : EXPORT_EXIT.failed
  }
  // A bar only for a person watching; a scheduled task's log gets the one line.
  const bar = process.stdout.isTTY ? progressBar('Exporting') : null
  let run = start.value as ExportRun
  while (run.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    const progress = await connection.invoke('export.progress', { runId: run.id })
    if (!progress.ok) {
      out(`Export failed: ${progress.error.message}`)
      return EXPORT_EXIT.failed
    }
    run = progress.value as ExportRun
    if (bar && run.recordsTotal !== null) bar(Math.min(run.recordsDone, run.recordsTotal), run.recordsTotal)
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (run.status === 'blocked') {
    out(`Export refused: ${run.error ?? 'the validation report has errors.'}`)
    return EXPORT_EXIT.blocked
  }
  if (run.status !== 'succeeded') {
    out(`Export failed after ${seconds} s: ${run.error ?? run.status}. Nothing was sent; the next run includes these records.`)
    return EXPORT_EXIT.failed
  }
  const rows = run.files.filter((f) => f.path.endsWith('.csv') && !f.path.includes('/')).reduce((sum, f) => sum + f.rows, 0)
  out(
    `Exported package ${run.packageName} (${run.kind}${run.pseudonymised ? ', pseudonymised' : ''}, changes ${run.changeFrom + 1} to ${run.changeTo}): ` +
      `${rows.toLocaleString('en-GB')} rows to ${run.exportFolder} in ${seconds} s`
  )
  return EXPORT_EXIT.written
}
