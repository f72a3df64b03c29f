// Backups for the restore and recovery tests, made as the backup engine makes them (SQLite's online
// backup into a plaintext copy, checked, encrypted into the backup folder), with a chance to change
// the copy before it is encrypted: a backup of a damaged database, of a newer Casebook's, of a trail
// someone altered. Not a second backup engine: the parts are the engine's own (../backup).
import { mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import sqlite3 from 'sqlite3'
import { encryptFile, loadBackupKey, type BackupHeader, type BackupKey } from '../backup/crypto'
import { backupFileNameFor, backupFolderFor } from '../backup/folder'
import { checkCopy, copyDatabase } from '../backup/sqliteBackup'
import type { BackupSettings } from '../core/config'
import { DEFAULT_BACKUP_EVERY_HOURS } from '../core/config'
import { openCasebook } from '../core/casebook'
import { closeRaw, openRaw } from '../core/opening'
import { TEST_SCRYPT } from '../testing/tempCasebook'

export const NO_SETTINGS: BackupSettings = { folder: null, keyFile: null, key: null, everyHours: DEFAULT_BACKUP_EVERY_HOURS }

export interface TestBackup {
  fileName: string
  path: string
  header: Omit<BackupHeader, 'format' | 'keyId'>
}

/** Runs SQL on a plaintext database (a copy before it is encrypted, or any file a test damages). */
export async function execOn(path: string, sql: string): Promise<void> {
  const db = await openRaw(path, sqlite3.OPEN_READWRITE)
  try {
    await new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())))
  } finally {
    await closeRaw(db)
  }
}

/**
 * A backup of the database at `databasePath` (open or closed) in its backup folder, encrypted with the
 * machine's key (made beside the database when there is none, as the first backup makes it).
 */
export async function backupForTests(
  databasePath: string,
  options: {
    settings?: BackupSettings
    key?: BackupKey
    at?: Date
    /** Changes the plaintext copy before it is encrypted. */
    alter?: (copyPath: string) => Promise<void>
    /** What the header says the last migration is (else the copy's own). */
    schemaVersion?: string
  } = {}
): Promise<TestBackup> {
  const settings = options.settings ?? NO_SETTINGS
  const key = options.key ?? loadBackupKey(settings, databasePath, true)
  const folder = backupFolderFor(settings, databasePath)
  mkdirSync(folder, { recursive: true })
  const at = options.at ?? new Date()
  const copyPath = `${databasePath}.test-backup-${at.getTime()}.tmp`
  try {
    await copyDatabase(databasePath, copyPath)
    const facts = await checkCopy(copyPath)
    await options.alter?.(copyPath)
    const fileName = backupFileNameFor(facts.hubCode, at)
    const header = {
      takenAt: at.toISOString(),
      reason: 'manual' as const,
      hubCode: facts.hubCode ?? '',
      schemaVersion: options.schemaVersion ?? facts.schemaVersion,
      auditHead: facts.auditHead,
      plainBytes: facts.bytes
    }
    await encryptFile(copyPath, join(folder, fileName), key, header)
    return { fileName, path: join(folder, fileName), header }
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) await rm(copyPath + suffix, { force: true })
  }
}

/**
 * A backup of ANOTHER hub (its own database, with hub code `code`, beside `databasePath` in a folder of
 * its own), put in `databasePath`'s backup folder under its key: what a share several hubs use holds.
 */
export async function otherHubsBackup(databasePath: string, code: string, at = new Date()): Promise<TestBackup> {
  const folder = join(dirname(databasePath), `hub-${code.toLowerCase()}`)
  mkdirSync(folder, { recursive: true })
  const path = join(folder, `${code}.sqlite`)
  const casebook = await openCasebook({
    databasePath: path,
    mode: 'create',
    passwordCost: TEST_SCRYPT,
    hub: { name: `Hub ${code}`, code, localAuthorityCode: '999' }
  })
  await casebook.close()
  return backupForTests(path, {
    settings: { ...NO_SETTINGS, folder: backupFolderFor(NO_SETTINGS, databasePath) },
    key: loadBackupKey(NO_SETTINGS, databasePath, true),
    at
  })
}
