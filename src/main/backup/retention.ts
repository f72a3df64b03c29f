// Which backups are kept: every one from the last 2 days, the newest of each day for 30 days, the
// newest of each month for a year (days and months on the hub's clock, England's). The newest backup
// of all is always kept, however old. Only this hub's files with names Casebook gives are considered,
// so nothing IT or another hub put in the folder is ever deleted. Taking the newest of a day or a
// month means a file kept for its day or month stays kept: no later backup can fall in a past day.
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { hubDay } from '../../shared/dates'
import { nameHubOf, parseBackupFileName } from './folder'

/** The policy, in days: RETENTION_WORDS says it to the Backups screen. */
const POLICY = { allForDays: 2, dailyForDays: 30, monthlyForDays: 365 }
export const RETENTION_WORDS = 'Every backup from the last 2 days, one a day for 30 days, and one a month for a year.'

const DAY_MS = 86_400_000

export interface DatedFile {
  fileName: string
  takenAt: Date
}

/** The files to delete at `now`; the rest are kept. */
export function toPrune(files: readonly DatedFile[], now: Date): string[] {
  const newestFirst = [...files].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.fileName.localeCompare(a.fileName))
  const keep = new Set<string>(newestFirst.slice(0, 1).map((f) => f.fileName))
  const daysSeen = new Set<string>()
  const monthsSeen = new Set<string>()
  for (const file of newestFirst) {
    const age = now.getTime() - file.takenAt.getTime()
    // A day on the hub's clock (YYYY-MM-DD), and its month (YYYY-MM).
    const day = hubDay(file.takenAt)
    const month = day.slice(0, 7)
    if (age <= POLICY.allForDays * DAY_MS) keep.add(file.fileName)
    if (age <= POLICY.dailyForDays * DAY_MS && !daysSeen.has(day)) keep.add(file.fileName)
    if (age <= POLICY.monthlyForDays * DAY_MS && !monthsSeen.has(month)) keep.add(file.fileName)
    // Only files inside a window claim its day or month: an older one must not shadow a newer one that is.
    if (age <= POLICY.dailyForDays * DAY_MS) daysSeen.add(day)
    if (age <= POLICY.monthlyForDays * DAY_MS) monthsSeen.add(month)
  }
  return newestFirst.filter((f) => !keep.has(f.fileName)).map((f) => f.fileName)
}

/**
 * Applies the policy to `hubCode`'s backups in `folder`: deletes what it does not keep, and answers
 * the names deleted. A file that cannot be deleted (in use, a share gone read-only) is left for the
 * next run; the folder not being readable deletes nothing.
 */
export async function applyRetention(folder: string, hubCode: string, now: Date): Promise<string[]> {
  const hub = nameHubOf(hubCode)
  const files: DatedFile[] = []
  for (const fileName of await readdir(folder).catch(() => [] as string[])) {
    const parsed = parseBackupFileName(fileName)
    if (parsed && parsed.hub === hub) files.push({ fileName, takenAt: parsed.takenAt })
  }
  const deleted: string[] = []
  for (const fileName of toPrune(files, now)) {
    try {
      await rm(join(folder, fileName))
      deleted.push(fileName)
    } catch {
      // Left for the next run.
    }
  }
  return deleted
}
