// The Export screen's and the command line's view of the export: what the next run would do,
// starting one, its progress, and the history of every run.
import { z } from 'zod'

export const EXPORT_KIND = ['incremental', 'full'] as const
export const exportKind = z.enum(EXPORT_KIND)
export type ExportKind = z.infer<typeof exportKind>

export const EXPORT_STATUS = ['running', 'succeeded', 'failed', 'interrupted', 'blocked'] as const
export const exportStatus = z.enum(EXPORT_STATUS)
export type ExportStatus = z.infer<typeof exportStatus>

export const startExportInput = z.object({
  kind: exportKind.default('incremental'),
  /** The package for performance reporting: no names, contact details, identifiers or free text. */
  pseudonymised: z.boolean().default(false)
})
export type StartExportInput = z.infer<typeof startExportInput>

export const exportFile = z.object({
  path: z.string(),
  resource: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string()
})

export const exportRun = z.object({
  id: z.string(),
  kind: exportKind,
  pseudonymised: z.boolean(),
  status: exportStatus,
  packageSequence: z.number().int(),
  /** The change feed's range the package covers: after changeFrom, up to and including changeTo. */
  changeFrom: z.number().int(),
  changeTo: z.number().int().nullable(),
  exportFolder: z.string(),
  packageName: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Who started it: a member of staff's name, or the command line's account on the machine. */
  startedBy: z.string(),
  startedVia: z.enum(['app', 'command-line']),
  recordsDone: z.number().int(),
  recordsTotal: z.number().int().nullable(),
  error: z.string().nullable(),
  files: z.array(exportFile)
})
export type ExportRun = z.infer<typeof exportRun>

export const exportOverview = z.object({
  /** Where packages go (IT sets it for the machine); null when nobody has. */
  folder: z.string().nullable(),
  /** Why the folder cannot be used now, in words for the manager; null when it can. */
  folderProblem: z.string().nullable(),
  /** The last run that succeeded, of the full package series; null before the first. */
  lastSucceeded: exportRun.nullable(),
  /** A run in progress, here or on another desk or from the command line. */
  running: exportRun.nullable(),
  /** Records changed since the last package (what an incremental run would send). */
  changedSince: z.number().int(),
  /** Whether case notes' text travels (the hub's setting). */
  noteText: z.boolean()
})
export type ExportOverview = z.infer<typeof exportOverview>

export const exportProgressInput = z.object({ runId: z.uuid() })

export const EXPORT_HISTORY_PAGE_SIZE = 20
export const exportHistoryInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  /** Oldest first instead of newest first: the whole history's order, taken in the query. */
  oldestFirst: z.boolean().default(false),
  /** Only the runs that ended (or stand) so. */
  status: z.preprocess((v) => (v === '' ? null : v), exportStatus.nullable()).default(null)
})
export const exportHistoryOutput = z.object({
  runs: z.array(exportRun),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int()
})
export type ExportHistoryOutput = z.infer<typeof exportHistoryOutput>
