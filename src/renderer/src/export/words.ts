// How export runs read on the Export screen, in words: kept apart from the components so that the
// numbers and phrases can be tested without a page.
import type { ExportOverview, ExportRun } from '../../../shared/export/schemas'
import type { ValidationReport } from '../../../shared/export/validation'

/** 1,234: numbers as the manager reads them. */
export const count = (n: number) => n.toLocaleString('en-GB')

/** "1 record", "1,234 records". */
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`

/** "Full", "Incremental, pseudonymised". */
export const kindLabel = (run: Pick<ExportRun, 'kind' | 'pseudonymised'>) =>
  `${run.kind === 'full' ? 'Full' : 'Incremental'}${run.pseudonymised ? ', pseudonymised' : ''}`

/** The change feed's range a package covers: after changeFrom, up to and including changeTo. */
export const changeRange = (run: Pick<ExportRun, 'changeFrom' | 'changeTo'>) =>
  run.changeTo === null ? 'Not known' : run.changeTo <= run.changeFrom ? 'No changes' : `${count(run.changeFrom + 1)} to ${count(run.changeTo)}`

/** Where a package was written: the folder IT set, and the package's own folder in it, with the folder's own separator. */
export const packagePath = (run: Pick<ExportRun, 'exportFolder' | 'packageName'>) => {
  if (!run.packageName) return run.exportFolder
  const separator = /^[A-Za-z]:\\|^\\\\/.test(run.exportFolder) ? '\\' : '/'
  return `${run.exportFolder.replace(/[\\/]+$/, '')}${separator}${run.packageName}`
}

/** What the progress bar says in words: "1,234 of 5,678 records". */
export const progressText = (run: Pick<ExportRun, 'recordsDone' | 'recordsTotal'>) =>
  run.recordsTotal === null ? 'Counting the records to send…' : `${count(Math.min(run.recordsDone, run.recordsTotal))} of ${plural(run.recordsTotal, 'record')}`

/** Why the export cannot start now, in the manager's words; null when it can. */
export function whyNot(overview: ExportOverview | null, report: ValidationReport | null, checking: boolean): string | null {
  if (!overview) return 'Wait a moment: Casebook is finding out where packages go.'
  if (overview.running) return 'An export is running.'
  if (!overview.folder || overview.folderProblem) return 'There is no export folder this computer can write the package to: see the warning at the top.'
  if (!report || checking) return 'Wait for the checks to finish.'
  if (report.blocked) return `Fix the ${plural(report.counts.error, 'error')} in the checks above first.`
  return null
}
