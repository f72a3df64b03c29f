// The backup folder: IT's (backupFolder in the machine-wide config), else `Backups` beside the
// database. The folder is the source of truth for what can be restored: each file describes itself in
// its header (readable without the key), and a restored database does not know the backups taken
// after it. Only names Casebook gives (BACKUP_FILE_NAME) are ever read as backups; a file being
// written is `<name>.partial`, which no listing takes for a backup, and is renamed when it is whole.
import { existsSync } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { BACKUP_FILE_NAME, type BackupFile, type BackupReason } from '../../shared/backup/schemas'
import type { BackupSettings } from '../core/config'
import { AppError } from '../core/errors'
import { writableFolderProblem, type FolderProblem } from '../core/files'
import { KNOWN_MIGRATIONS } from '../core/opening'
import { backupFileBytes, encryptFile, readBackupHeader, type BackupHeader, type BackupKey } from './crypto'
import { copyFiles, SIDE_SUFFIXES, type CopyFacts } from './sqliteBackup'

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

/** The hub as backup file names give it: its code in lower case, letters and digits only ('hub' when there is none). */
export const nameHubOf = (hubCode: string | null) => (hubCode ?? '').toLowerCase().replace(/[^a-z0-9]/g, '') || 'hub'

/** `casebook-<hub code>-<UTC time>[-n].cbbackup`; `n` tells apart two taken in the same millisecond. */
export function backupFileNameFor(hubCode: string | null, takenAt: Date, n = 0): string {
  return `casebook-${nameHubOf(hubCode)}-${stampOf(takenAt)}${n > 0 ? `-${n}` : ''}.cbbackup`
}

/** A name no file or file being written in the folder has (two backups in one millisecond get -1, -2...). */
export function freeName(folder: string, hubCode: string | null, at: Date): string {
  for (let n = 0; ; n++) {
    const name = backupFileNameFor(hubCode, at, n)
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, `${name}${PARTIAL_SUFFIX}`))) return name
  }
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
  const ask = isDefaultFolder(folder, databasePath)
    ? 'Ask IT to check the folder beside the database.'
    : 'Ask IT to check backupFolder in the machine-wide config.'
  if (make && isAbsolute(folder) && isDefaultFolder(folder, databasePath)) await mkdir(folder, { recursive: true }).catch(() => undefined)
  const problem = await writableFolderProblem(folder)
  return problem && `The backup folder ${folder} ${FOLDER_PROBLEMS[problem]} ${ask}`
}

const FOLDER_PROBLEMS: Record<FolderProblem, string> = {
  'not a full path': 'is not a full path.',
  'not a folder': 'is a file, not a folder.',
  unreachable: 'cannot be reached (it is not there, or the share is not connected).',
  'not writable': 'cannot be written to.'
}

/** What a backup's header says of the copy it holds (encryptFile adds the key's id and the audit head's MAC). */
export const backupHeaderFor = (facts: CopyFacts, takenAt: Date, reason: BackupReason): Omit<BackupHeader, 'format' | 'keyId'> => ({
  takenAt: takenAt.toISOString(),
  reason,
  hubCode: facts.hubCode ?? '',
  schemaVersion: facts.schemaVersion,
  auditHead: facts.auditHead,
  plainBytes: facts.bytes
})

export interface BackupFileToWrite {
  /** The plaintext copy, checked (./sqliteBackup checkCopy), and what the check read of it. */
  copy: string
  facts: CopyFacts
  folder: string
  /** Its name in the folder (freeName). */
  fileName: string
  key: BackupKey
  takenAt: Date
  reason: BackupReason
  /** The copy's bytes encrypted so far. */
  onBytes?: (bytes: number) => void
  /** Stops the encryption part way. */
  signal?: AbortSignal
  /** Called when the file is whole, just before it is given its name: what it throws stops the backup. */
  beforeRename?: () => void
}

/**
 * Encrypts the copy into `<name>.partial` in the folder (flushed), then renames it to its name and
 * flushes the folder: a file with a backup's name is always whole, and survives a power cut once
 * this answers. Answers the file's size and SHA-256. A failure, or a stop, removes the `.partial`.
 */
export async function writeBackupFile(file: BackupFileToWrite): Promise<{ bytes: number; sha256: string }> {
  const partial = join(file.folder, `${file.fileName}${PARTIAL_SUFFIX}`)
  let written: { bytes: number; sha256: string }
  try {
    written = await encryptFile(file.copy, partial, file.key, backupHeaderFor(file.facts, file.takenAt, file.reason), file.onBytes, file.signal)
    file.beforeRename?.()
    await rename(partial, join(file.folder, file.fileName))
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(file.folder)
  return written
}

/** Fsyncs a folder, so that a rename in it survives a power cut (where the system allows it: not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Not possible here: the rename stands on its own.
  }
}
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
      if (size !== backupFileBytes(headerEnd, header.plainBytes)) continue
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
export const newestGood = (files: BackupFile[]): BackupFile | null => files.find((f) => f.keyMatches && KNOWN_MIGRATIONS.has(f.schemaVersion)) ?? null

// Beside the database, a backup in progress keeps its plaintext copy and a note that it is alive, both
// named for its run: `<database file>.backup-<run id>.tmp` (SQLite's side files follow it) and
// `<database file>.backup-<run id>.alive`. The process carrying the run out touches its note every
// HEARTBEAT_MS; a note untouched for ALIVE_FOR_MS is a dead run's, whatever pid it names (after a
// restart the pid may be another process's). A run killed part way leaves them; they are removed as
// soon as it is known to be dead.
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const copyPathFor = (databasePath: string, runId: string) => `${databasePath}.backup-${runId}.tmp`
export const alivePathFor = (databasePath: string, runId: string) => `${databasePath}.backup-${runId}.alive`

/** Any run's files beside the database: its copy, the copy's side files, its alive note. The run's id is the first group. */
export const runFilePattern = (databasePath: string) =>
  new RegExp(`^${escaped(basename(databasePath))}\\.backup-([a-z0-9-]+)\\.(?:tmp(?:${SIDE_SUFFIXES.join('|')})?|alive)$`)

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
  const ours = runFilePattern(databasePath)
  const partial = new RegExp(`^casebook-${nameHubOf(hubCode)}-[a-z0-9-]+\\.cbbackup${escaped(PARTIAL_SUFFIX)}$`)
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

/** How long ago a backup was taken, in hours to one decimal place (never below 0: another desk's clock may run a little fast). */
export const ageInHours = (file: BackupFile, now: Date) => Math.max(0, Math.round(((now.getTime() - Date.parse(file.takenAt)) / 3_600_000) * 10) / 10)

/** The backup file a window named, in the backup folder; refused when there is no such file. */
export async function backupPathOf(settings: BackupSettings, databasePath: string, fileName: string): Promise<string> {
  const folder = backupFolderFor(settings, databasePath)
  const path = join(folder, fileName)
  const found = await stat(path).then(
    (s) => s.isFile(),
    () => false
  )
  if (!found) throw new AppError('NOT_FOUND', `There is no backup named ${fileName} in the backup folder (${folder}). Choose one from the list.`)
  return path
}
