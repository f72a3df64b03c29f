// `casebook backup`, `backup list`, `backup new-key`: the same channels the Backups screen uses
// (backup.start, then backup.progress until the run ends; backup.list), so a scheduled task and an
// administrator's click do exactly the same thing. One line says how it went; the exit code says it
// to Task Scheduler.
import { writeFile } from 'node:fs/promises'
import type { Connection } from '../core/casebook'
import type { BackupListOutput, BackupRun } from '../../shared/backup/schemas'
import { newKeyText } from '../backup/crypto'
import { progressBar } from './progress'

export const BACKUP_EXIT = { written: 0, failed: 1, busy: 4 } as const

const POLL_MS = 250
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export async function backupCommand(connection: Connection, folder: string, out: (line: string) => void): Promise<number> {
  const started = performance.now()
  const start = await connection.invoke('backup.start', {})
  if (!start.ok) {
    out(`Backup failed: ${start.error.message}`)
    return start.error.code === 'CONFLICT' ? BACKUP_EXIT.busy : BACKUP_EXIT.failed
  }
  // A bar only for a person watching; a scheduled task's log gets the one line.
  const bar = process.stdout.isTTY ? progressBar('Backing up') : null
  let run = start.value as BackupRun
  while (run.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    const progress = await connection.invoke('backup.progress', { id: run.id })
    if (!progress.ok) {
      out(`Backup failed: ${progress.error.message}`)
      return BACKUP_EXIT.failed
    }
    run = progress.value as BackupRun
    bar?.(Math.round(run.progress * 100), 100)
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (run.status !== 'ok') {
    out(`Backup failed after ${seconds} s: ${run.message ?? 'it stopped before it finished.'}`)
    return BACKUP_EXIT.failed
  }
  out(`Backed up to ${folder}: ${run.fileName} (${megabytes(run.bytes ?? 0)}, checked and encrypted) in ${seconds} s`)
  return BACKUP_EXIT.written
}

export async function backupListCommand(connection: Connection, folder: string, out: (line: string) => void): Promise<number> {
  const listed = await connection.invoke('backup.list', {})
  if (!listed.ok) {
    out(listed.error.message)
    return 1
  }
  const { files } = listed.value as BackupListOutput
  if (files.length === 0) {
    out(`No backups yet in ${folder}.`)
    return 0
  }
  for (const f of files) {
    out(
      `${f.fileName}  ${f.takenAt}  ${f.reason}  ${megabytes(f.bytes)}${f.keyMatches ? '' : '  (encrypted with another key: this machine cannot restore it)'}`
    )
  }
  out(`${files.length} backup${files.length === 1 ? '' : 's'} in ${folder}`)
  return 0
}

/**
 * A new key (32 random bytes, base64). Printed alone on its line, or written to a new file (never over
 * one: a key that encrypted backups must not be lost), readable only by its owner where the system allows.
 */
export async function newKeyCommand(to: string | null, out: (line: string) => void): Promise<number> {
  const key = newKeyText()
  if (!to) {
    out(key)
    return 0
  }
  try {
    await writeFile(to, `${key}\n`, { flag: 'wx', mode: 0o600 })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    out(
      code === 'EEXIST'
        ? `${to} is already there: a key is never written over. Choose a new file.`
        : `The key could not be written to ${to} (${code ?? 'error'}).`
    )
    return 1
  }
  out(
    `A new backup key is in ${to}. Set backupKeyFile to this path in the machine-wide config, and keep a copy of the file somewhere safe: backups cannot be restored without it.`
  )
  return 0
}
