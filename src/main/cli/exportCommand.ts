// `casebook export`: the same channels the Export screen uses (export.start, then export.progress
// until the run ends: ./followRun), so a scheduled task and a manager's click do exactly the same
// thing. One line on standard output says how it went; the exit code says it to Task Scheduler.
import type { Connection } from '../core/casebook'
import type { ExportRun, StartExportInput } from '../../shared/export/schemas'
import { followRun, RUN_EXIT } from './followRun'

/** The export's exit codes, as docs/export-format.md gives them. */
export const EXPORT_EXIT = RUN_EXIT

export async function exportCommand(connection: Connection, input: StartExportInput, out: (line: string) => void): Promise<number> {
  const followed = await followRun<ExportRun>(
    {
      start: () => connection.invoke('export.start', input),
      poll: (run) => connection.invoke('export.progress', { runId: run.id }),
      progressOf: (run) => (run.recordsTotal === null ? null : [run.recordsDone, run.recordsTotal]),
      label: 'Exporting',
      failed: 'Export failed'
    },
    out
  )
  if ('exit' in followed) return followed.exit
  const { run, seconds } = followed
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
