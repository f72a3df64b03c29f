// What the backup folder and the database's own folder hold after a backup was killed part way, for
// the fault tests: every file named as a backup must be one (it decrypts with the machine's key and
// SQLite finds the copy sound); anything else of the backups' must be a file still being written
// (`<name>.partial`) or a run's plaintext copy or alive note beside the database, which no listing
// takes for a backup and the next run removes.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { BACKUP_FILE_NAME } from '../../shared/backup/schemas'
import { decryptFile, keyBesideDatabase, loadBackupKey, type BackupKey } from '../backup/crypto'
import { backupFolderFor, PARTIAL_SUFFIX, runFilePattern } from '../backup/folder'
import { DEFAULT_BACKUP_SETTINGS } from '../core/config'
import { checkFile } from './integrity'
import { rawAll } from './rawDb'

export interface BackupInside {
  fileName: string
  /** PRAGMA integrity_check and foreign_key_check of the decrypted copy. */
  checks: { integrity: string[]; foreignKeys: unknown[] }
  /** The migrations the copy has run, in order. */
  migrations: string[]
  /** Its families' marker e-mail addresses (the fault tests mark each family they register). */
  familyEmails: string[]
}

export interface BackupLeftovers {
  /** Each file named as a backup, decrypted and looked into (those in `seen` are not opened again). */
  backups: BackupInside[]
  /** `<name>.partial` in the backup folder: a backup being written, or left by a killed run. */
  partial: string[]
  /** A run's plaintext copy (and SQLite's side files of it) or its alive note, beside the database. */
  runFiles: string[]
  /** Anything else in either folder that is not the database's own. */
  other: string[]
}

async function lookInside(plainPath: string): Promise<Omit<BackupInside, 'fileName'>> {
  return {
    checks: await checkFile(plainPath),
    migrations: (await rawAll<{ name: string }>(plainPath, 'SELECT name FROM migrations ORDER BY id')).map((m) => m.name),
    familyEmails: (await rawAll<{ email: string | null }>(plainPath, 'SELECT email FROM family ORDER BY email')).map((f) => String(f.email))
  }
}

/** Looks at the default backup folder of the database at `databasePath` (as the fault tests' desks have it) and at the files beside the database. */
export async function backupLeftovers(databasePath: string, seen: ReadonlySet<string> = new Set()): Promise<BackupLeftovers> {
  const settings = DEFAULT_BACKUP_SETTINGS
  const folder = backupFolderFor(settings, databasePath)
  // Read once, and only when there is a backup to open: a folder with none needs no key.
  let key: BackupKey | null = null
  const found: BackupLeftovers = { backups: [], partial: [], runFiles: [], other: [] }
  const names = (dir: string) => {
    try {
      return readdirSync(dir)
    } catch {
      return []
    }
  }
  const scratch = mkdtempSync(join(tmpdir(), 'backup-inside-'))
  try {
    for (const name of names(folder).sort()) {
      if (BACKUP_FILE_NAME.test(name)) {
        if (seen.has(name)) continue
        const plain = join(scratch, `${name}.sqlite`)
        key ??= loadBackupKey(settings, databasePath, false)
        await decryptFile(join(folder, name), plain, key)
        found.backups.push({ fileName: name, ...(await lookInside(plain)) })
      } else if (name.endsWith(PARTIAL_SUFFIX) && BACKUP_FILE_NAME.test(name.slice(0, -PARTIAL_SUFFIX.length))) found.partial.push(name)
      else found.other.push(join(folder, name))
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  const database = basename(databasePath)
  const own = new Set([database, `${database}-wal`, `${database}-shm`, `${database}-journal`, basename(keyBesideDatabase(databasePath)), basename(folder)])
  const runFile = runFilePattern(databasePath)
  for (const name of names(dirname(databasePath))) {
    if (own.has(name)) continue
    if (runFile.test(name)) found.runFiles.push(name)
    else found.other.push(join(dirname(databasePath), name))
  }
  return found
}
