// The backup folder: IT's (backupFolder in the machine-wide config), else `Backups` beside the
// database. The folder is the source of truth for what can be restored: each file describes itself in
// its header (readable without the key), and a restored database does not know the backups taken
// after it. Only names Casebook gives (BACKUP_FILE_NAME) are ever read as backups; a file being
// written is `<name>.partial`, which no listing takes for a backup, and is renamed when it is whole.
import { migrations } from '../../../migrations'
import { constants } from 'node:fs'
import { access, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { BACKUP_FILE_NAME, type BackupFile } from '../../shared/backup/schemas'
import type { BackupSettings } from '../core/config'
import { readBackupHeader } from './crypto'
import { copyFiles } from './sqliteBackup'

export const DEFAULT_BACKUP_FOLDER = 'Backups'
export const PARTIAL_SUFFIX = '.partial'

/** The folder backups go to: IT's, else `Backups` beside the database. */
export const backupFolderFor = (settings: Pick<BackupSettings, 'folder'>, databasePath: string) =>
  settings.folder ?? join(dirname(databasePath), DEFAULT_BACKUP_FOLDER)

/** Whether `folder` is the default one beside the database, which Casebook makes itself when it is not there. */
export const isDefaultFolder = (folder: string, databasePath: string) => folder === join(dirname(databasePath), DEFAULT_BACKUP_FOLDER)

/** 2026-04-02T09:30:00.123Z → 20260402t093000123z */
const stampOf = (at: Date) => at.toISOString().replace(/[-:.]/g, '').toLowerCase()
const NAME_PARTS = /^casebook-([a-z0-9]+)-(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(\d{2})(\d{3})z(?:-(\d+))?\.cbbackup$/

/** `casebook-<hub code>-<UTC time>[-n].cbbackup`; `n` tells apart two taken in the same millisecond. */
export function backupFileNameFor(hubCode: string | null, takenAt: Date, n = 0): string {
  const hub = (hubCode ?? '').toLowerCase().replace(/[^a-z0-9]/g, '') || 'hub'
  return `casebook-${hub}-${stampOf(takenAt)}${n > 0 ? `-${n}` : ''}.cbbackup`
}

/** The hub and time a name of ours says; null for any other name. */
export function parseBackupFileName(name: string): { hub: string; takenAt: Date } | null {
  const m = NAME_PARTS.exec(name)
  if (!m || !BACKUP_FILE_NAME.test(name)) return null
  const [y, mo, d, h, mi, s, ms] = m.slice(2, 9).map(Number) as [number, number, number, number, number, number, number]
  const takenAt = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms))
  return Number.isNaN(takenAt.getTime()) ? null : { hub: m[1]!, takenAt }
}

/**
 * Why backups cannot be written to `folder` now, in words for IT; null when they can. The default
 * folder is made when it is not there (unless `make` is false: a command that only reads); IT's folder
 * must be there already (an unmounted share's path made on the local disk would quietly hold the
 * backups in the wrong place).
 */
export async function folderProblem(folder: string, databasePath: string, make = true): Promise<string | null> {
  const where = `The backup folder ${folder}`
  const ask = isDefaultFolder(folder, databasePath)
    ? 'Ask IT to check the folder beside the database.'
    : 'Ask IT to check backupFolder in the machine-wide config.'
  if (!isAbsolute(folder)) return `${where} is not a full path. ${ask}`
  if (make && isDefaultFolder(folder, databasePath)) await mkdir(folder, { recursive: true }).catch(() => undefined)
  try {
    if (!(await stat(folder)).isDirectory()) return `${where} is a file, not a folder. ${ask}`
  } catch {
    return `${where} cannot be reached (it is not there, or the share is not connected). ${ask}`
  }
  try {
    await access(folder, constants.W_OK)
  } catch {
    return `${where} cannot be written to. ${ask}`
  }
  return null
}

/** AES-GCM's IV and tag around the ciphertext (crypto.ts's layout); the ciphertext is as long as the database. */
const IV_BYTES = 12
const TAG_BYTES = 16
/** A backup dated further ahead than this (another desk's clock may run a little fast) is not believed. */
const FUTURE_SLACK_MS = 24 * 3_600_000

export interface ListOptions {
  /** The key this machine holds, to say which it can restore. */
  keyId: string | null
  /** Only that hub's (a share may hold several hubs' backups). */
  hubCode?: string | null
  /** The hub's clock: a backup dated well after it is left out. */
  now?: Date
  /** The size backup_run recorded for each file name it wrote (in this folder): a file of another size is not it. */
  recordedBytes?: ReadonlyMap<string, number>
}

/**
 * The backups in `folder`, newest first, as their headers describe them: other files, files being
 * written and files whose header cannot be read are left out. The header is not authenticated until a
 * restore decrypts the file, so what can be checked without the key is checked here: the file is as
 * long as its header says (not cut short, nothing added), its name's time is the header's, it is not
 * dated in the future, and it is the size the history recorded for that name. Throws when the folder
 * cannot be read.
 */
export async function listBackups(folder: string, options: ListOptions): Promise<BackupFile[]> {
  const files: (BackupFile & { hubCode: string })[] = []
  for (const fileName of await readdir(folder)) {
    if (!BACKUP_FILE_NAME.test(fileName)) continue
    try {
      const path = join(folder, fileName)
      const [{ header, headerEnd }, { size }] = await Promise.all([readBackupHeader(path), stat(path)])
      const named = parseBackupFileName(fileName)
      const takenAt = Date.parse(header.takenAt)
      const recorded = options.recordedBytes?.get(fileName)
      if (size !== headerEnd + IV_BYTES + header.plainBytes + TAG_BYTES) continue
      if (!named || named.takenAt.getTime() !== takenAt) continue
      if (options.now && takenAt > options.now.getTime() + FUTURE_SLACK_MS) continue
      if (recorded !== undefined && recorded !== size) continue
      files.push({
        fileName,
        takenAt: header.takenAt,
        reason: header.reason,
        bytes: size,
        sha256: null,
        schemaVersion: header.schemaVersion,
        auditHead: header.auditHead,
        keyMatches: header.keyId === options.keyId,
        hubCode: header.hubCode
      })
    } catch {
      // Not a backup, or damaged, or removed while listing: nothing that can be restored.
    }
  }
  return files
    .filter((f) => !options.hubCode || f.hubCode === options.hubCode)
    .sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt) || b.fileName.localeCompare(a.fileName))
    .map(({ hubCode: _hub, ...file }) => file)
}

/**
 * The newest backup this machine's key can open and this version of Casebook can restore (files are
 * newest first, as listBackups gives them): one from a newer Casebook would only be refused.
 */
export const newestGood = (files: BackupFile[]): BackupFile | null => files.find((f) => f.keyMatches && KNOWN_VERSIONS.has(f.schemaVersion)) ?? null

const KNOWN_VERSIONS = new Set(migrations.map((m) => m.name))

// Beside the database, a backup in progress keeps its plaintext copy and a note that it is alive, both
// named for its run: `<database file>.backup-<run id>.tmp` (SQLite's side files follow it) and
// `<database file>.backup-<run id>.alive`. The process carrying the run out touches its note every
// HEARTBEAT_MS; a note untouched for ALIVE_FOR_MS is a dead run's, whatever pid it names (after a
// restart the pid may be another process's). A run killed part way leaves them; they are removed as
// soon as it is known to be dead.
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const copyPathFor = (databasePath: string, runId: string) => `${databasePath}.backup-${runId}.tmp`
export const alivePathFor = (databasePath: string, runId: string) => `${databasePath}.backup-${runId}.alive`

export const HEARTBEAT_MS = 5_000
/** Well above the heartbeat: a busy machine may be late to touch the note, never by a minute. */
export const ALIVE_FOR_MS = 60_000

/** Whether a run's alive note was touched within ALIVE_FOR_MS of `now` (file times are the system's clock, not the core's). */
export async function aliveNoteFresh(databasePath: string, runId: string, now = Date.now()): Promise<boolean> {
  return stat(alivePathFor(databasePath, runId)).then(
    (s) => now - s.mtimeMs <= ALIVE_FOR_MS,
    () => false
  )
}

/** A run's own files beside the database: its copy, the copy's side files, its alive note. */
export async function removeRunFiles(databasePath: string, runId: string): Promise<void> {
  await Promise.all([...copyFiles(copyPathFor(databasePath, runId)), alivePathFor(databasePath, runId)].map((p) => rm(p, { force: true })))
}

/** Files of ours older than this are certainly not a run's that is starting: a run makes its alive note first, and its row within moments. */
const ORPHAN_AFTER_MS = ALIVE_FOR_MS
/** A `.partial` in a shared folder may be another desk's backup being written: only one this old is certainly dead. */
const PARTIAL_ORPHAN_AFTER_MS = 60 * 60_000

/**
 * Removes what runs killed before they had a row left behind: copies and alive notes beside the
 * database of runs not in `keep` whose alive note is not fresh (the backup before an upgrade has none:
 * its copy goes once it is old enough), and, when `folder` is given, this hub's `.partial` files in it,
 * once they are old enough that no run can still be making them. Runs that had a row are tidied by their id.
 */
export async function removeOrphans(
  databasePath: string,
  folder: string | null,
  hubCode: string | null,
  keep: ReadonlySet<string>,
  now: number
): Promise<number> {
  const ours = new RegExp(`^${escaped(basename(databasePath))}\\.backup-([a-z0-9-]+)\\.(?:tmp(?:-journal|-wal|-shm)?|alive)$`)
  const partial = new RegExp(`^casebook-${escaped((hubCode ?? '').toLowerCase())}-[a-z0-9-]+\\.cbbackup${escaped(PARTIAL_SUFFIX)}$`)
  const orphans: string[] = []
  const old = async (path: string, ms: number) => now - (await stat(path)).mtimeMs > ms
  const deadRun = async (name: string) => {
    const runId = ours.exec(name)?.[1]
    return runId !== undefined && !keep.has(runId) && !(await aliveNoteFresh(databasePath, runId, now))
  }
  for (const [dir, test, ms] of [
    [dirname(databasePath), deadRun, ORPHAN_AFTER_MS],
    ...(folder ? [[folder, async (n: string) => Boolean(hubCode) && partial.test(n), PARTIAL_ORPHAN_AFTER_MS] as const] : [])
  ] as const) {
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names) {
      const path = join(dir, name)
      if ((await test(name)) && (await old(path, ms).catch(() => false))) orphans.push(path)
    }
  }
  await Promise.all(orphans.map((path) => rm(path, { force: true })))
  return orphans.length
}
