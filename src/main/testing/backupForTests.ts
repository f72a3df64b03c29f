// Backups for the restore, recovery and audit tests, made as the backup engine makes them (SQLite's
// online backup into a plaintext copy, checked, encrypted into the backup folder), with a chance to
// change the copy before it is encrypted (a backup of a damaged database, of a newer Casebook's, of a
// trail someone altered) or what its header says (another hub's, an anchor from elsewhere), and a copy
// of a backup with its clear header rewritten, as someone with the share could. Not a second backup
// engine: the parts are the engine's own (../backup).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { encryptFile, loadBackupKey, readBackupHeader, type BackupHeader, type BackupKey } from '../backup/crypto'
import { backupFileNameFor, backupFolderFor } from '../backup/folder'
import { checkCopy, copyDatabase } from '../backup/sqliteBackup'
import type { BackupSettings } from '../core/config'
import { DEFAULT_BACKUP_SETTINGS } from '../core/config'
import { openCasebook } from '../core/casebook'
import { TEST_SCRYPT } from './tempCasebook'

export const NO_SETTINGS: BackupSettings = DEFAULT_BACKUP_SETTINGS

export interface TestBackup {
  fileName: string
  path: string
  header: Omit<BackupHeader, 'format' | 'keyId'>
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
    /** What the header says instead of what the copy holds (its hub, its trail's end, its last migration); the file is named for the hub it says. */
    header?: Partial<Pick<BackupHeader, 'hubCode' | 'auditHead' | 'schemaVersion'>>
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
    const header = {
      takenAt: at.toISOString(),
      reason: 'manual' as const,
      hubCode: facts.hubCode ?? '',
      schemaVersion: facts.schemaVersion,
      auditHead: facts.auditHead,
      plainBytes: facts.bytes,
      ...options.header
    }
    const fileName = backupFileNameFor(options.header?.hubCode ?? facts.hubCode, at)
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

/**
 * Copies the backup at `from` to `to` with its clear header changed and the rest as it was (then
 * `tail`): what someone with the share could do. Decryption refuses the copy (the header is part of
 * what the encryption authenticates); a listing, or an anchor's MAC, must find it out for itself.
 */
export async function rewriteBackupHeader(
  from: string,
  to: string,
  change: (header: BackupHeader) => BackupHeader,
  tail: Uint8Array = new Uint8Array()
): Promise<void> {
  const { header, headerEnd } = await readBackupHeader(from)
  const bytes = readFileSync(from)
  writeFileSync(to, Buffer.concat([headerBytes(change(header)), bytes.subarray(headerEnd), tail]))
}

/**
 * The magic, format byte, length and header JSON that begin a backup file: the same bytes as
 * ../backup/crypto.ts's own headerBytes, which is not exported. Once it is, this goes and that is imported.
 */
function headerBytes(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  return Buffer.concat([Buffer.from('CBBACKUP', 'latin1'), Buffer.from([header.format]), length, json])
}
