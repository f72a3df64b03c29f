// `casebook backup`, `backup list`, `backup new-key`: the same channels the Backups screen uses
// (backup.start, then backup.progress until the run ends: ./followRun; backup.list), so a scheduled
// task and an administrator's click do exactly the same thing. One line says how it went; the exit
// code (the export's: RUN_EXIT) says it to Task Scheduler.
import { writeFile } from 'node:fs/promises'
import type { Connection } from '../core/casebook'
import type { BackupListOutput, BackupRun } from '../../shared/backup/schemas'
import { newKeyText } from '../backup/crypto'
import { followRun, RUN_EXIT } from './followRun'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export async function backupCommand(connection: Connection, folder: string, out: (line: string) => void): Promise<number> {
  const followed = await followRun<BackupRun>(
    {
      start: () => connection.invoke('backup.start', {}),
      poll: (run) => connection.invoke('backup.progress', { id: run.id }),
      progressOf: (run) => [Math.round(run.progress * 100), 100],
      label: 'Backing up',
      failed: 'Backup failed'
    },
    out
  )
  if ('exit' in followed) return followed.exit
  const { run, seconds } = followed
  if (run.status !== 'ok') {
    out(`Backup failed after ${seconds} s: ${run.message ?? 'it stopped before it finished.'}`)
    return RUN_EXIT.failed
  }
  out(`Backed up to ${folder}: ${run.fileName} (${megabytes(run.bytes ?? 0)}, checked and encrypted) in ${seconds} s`)
  return RUN_EXIT.written
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
