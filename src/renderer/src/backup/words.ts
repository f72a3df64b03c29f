// How backups read on the Backups and recovery screens, in words: kept apart from the components so
// that the phrases can be tested without a page.
import type { BackupFile, BackupOverview, BackupReason } from '../../../shared/backup/schemas'
import { formatDate, utcToLondon } from '../../../shared/dates'
import { count, plural } from '../export/words'

/** A backup older than this is a warning: the "older than a day". */
export const STALE_AFTER_HOURS = 24

/** "less than a minute ago", "25 minutes ago", "2 hours ago", "3 days ago": the age the core measured, as people say it. */
export function ageInWords(hours: number): string {
  const minutes = Math.floor(hours * 60)
  if (minutes < 1) return 'less than a minute ago'
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`
  const whole = Math.floor(hours)
  if (whole < 48) return `${plural(whole, 'hour')} ago`
  return `${plural(Math.floor(hours / 24), 'day')} ago`
}

/** No good backup, or none for more than a day: the screens say so in a warning's colours. */
export const isStale = (ageHours: number | null) => ageHours === null || ageHours > STALE_AFTER_HOURS

/** An instant as the hub's clocks (England's) read it: "24 November 2026, 09:05", whatever zone the desk is set to. */
export function londonDateTime(instant: string): string {
  const wall = utcToLondon(instant)
  return `${formatDate(wall.slice(0, 10))}, ${wall.slice(11, 16)}`
}

/** A file's size in megabytes (as Windows counts them), to one decimal place: "12.4 MB". */
export function megabytes(bytes: number): string {
  const mb = bytes / 1_048_576
  if (mb < 0.1) return 'less than 0.1 MB'
  return `${mb.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`
}

const REASONS: Record<BackupReason, string> = {
  'sign-in': 'First sign-in of the day',
  schedule: 'On the schedule',
  'before-upgrade': 'Before an upgrade',
  manual: 'Backed up now',
  command: 'Command line'
}

/** Why a backup was taken, as an administrator reads it. */
export const reasonLabel = (reason: BackupReason) => REASONS[reason]

/** "every 2 hours", "every hour", "every 15 minutes". */
export function everyInWords(hours: number): string {
  if (hours === 1) return 'every hour'
  if (Number.isInteger(hours)) return `every ${count(hours)} hours`
  return `every ${plural(Math.round(hours * 60), 'minute')}`
}

/** When backups are taken, in a sentence. */
export const scheduleInWords = (overview: Pick<BackupOverview, 'everyHours'>) =>
  `At the first sign-in of each day, ${everyInWords(overview.everyHours)} while Casebook is open, and before every upgrade.`

/** Where the encryption key comes from; `warn` when IT has not set one of their own. */
export function keySourceInWords(source: BackupOverview['keySource']): { text: string; warn: boolean } {
  switch (source) {
    case 'config':
      return { text: 'Set by IT in Casebook’s machine-wide configuration.', warn: false }
    case 'key file':
      return { text: 'A key file IT set in Casebook’s machine-wide configuration.', warn: false }
    case 'beside the database':
      return {
        text: 'A key Casebook made itself, kept beside the database. Anyone who copies the database’s folder has the key too, and if that folder is lost the backups cannot be read. IT should set a key of their own (the README says how).',
        warn: true
      }
  }
}

/** A backup as one line: "the backup taken 24 November 2026, 09:05". */
export const backupName = (file: Pick<BackupFile, 'takenAt'>) => `the backup taken ${londonDateTime(file.takenAt)}`
