// Writes a whole package into the export folder so that it is either there complete or not there at all.
//
// The files go into a hidden sibling, `.partial-<random>`, inside the export folder (the same file system,
// so the final step is a rename, not a copy): every CSV, then datapackage.json last, each fsynced, then
// the folder itself; then the rename to the package's name and an fsync of the export folder so the
// rename survives a power cut. An importer that waits for a folder with the package's name sees only
// complete packages, and inside a partial folder datapackage.json appears only after every CSV is whole.
//
// The package's name is made here from values the caller has validated, and checked again, so that no
// record value can steer a path: <HUBCODE>-<YYYYMMDDTHHMMSSZ>-<sequence padded to 6>.
//
// The analysts' spreadsheet copies go in a `spreadsheet/` folder inside the package: they travel and
// appear atomically with the exact files they copy, under the same name, time and sequence, and the
// package's top level stays the exact files an importer reads. datapackage.json does not list them as
// resources (their values are changed); it names them under `casebook.spreadsheetCopies`.
import { createHash, randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { CsvFileWriter, csvLine, eachRow, quotableFields } from './csvFile'
import {
  checkPackageResources,
  dataPackageDescriptor,
  DESCRIPTOR_FILE,
  sha256Hash,
  type CasebookMetadata,
  type DataPackageDescriptor,
  type DescribedResource,
  type SpreadsheetCopyEntry
} from './datapackage'
import { PackageError } from './errors'
import type { ResourceDefinition, Row } from './resource'
import { compileRowEncoder } from './rowEncoder'
import { compileSameLine, compileSpreadsheetLine, neutralise, SPREADSHEET_FOLDER, spreadsheetPath } from './spreadsheetCopy'
import { tableSchemaOf } from './tableSchema'
import { processAlive } from '../../core/files'
import { HUB_CODE_PATTERN } from '../../../shared/hub/schemas'

export const PARTIAL_PREFIX = '.partial-'
/** A whole package whose run could not be recorded, moved out of sight under this prefix (../exporter.ts). */
export const FAILED_PREFIX = '.failed-'
const OWNER_SUFFIX = '.owner'
/** A package folder's name as packageFolderName makes it; the hub code is its first group. */
const PACKAGE_FOLDER_PATTERN = new RegExp(`^(${HUB_CODE_PATTERN.source.replace(/^\^|\$$/g, '')})-\\d{8}T\\d{6}Z-\\d{6}$`)
const MAX_SEQUENCE = 999_999
/** A partial folder of another machine (a shared export folder) is left alone for this long. */
const FOREIGN_PARTIAL_MAX_AGE_MS = 24 * 60 * 60 * 1000

export interface PackageResource {
  definition: ResourceDefinition
  /** Called when this resource's turn comes, so a query starts only then. */
  rows: () => AsyncIterable<Row> | Iterable<Row>
  /** For the progress bar (a COUNT(*) made before the export); leave out when not known. */
  expectedRows?: number
}

/** A row of a group, with the position in the group's `definitions` of the file it goes to. */
export type PackageRow = readonly [file: number, row: Row]

/**
 * Several files written in one pass of one source: a parent record's file and the files of its rows
 * (a plan, its outcomes and its actions), read together a page at a time instead of once per file.
 * The rows come a page at a time, so the writer awaits once per page (and per flush), not per row.
 */
export interface PackageGroup {
  definitions: ResourceDefinition[]
  rows: () => AsyncIterable<readonly PackageRow[]>
  expectedRows?: number
}

export interface PackageProgress {
  /** The resource being written. */
  resource: string
  /** 0-based position of that resource, of resourceCount. */
  resourceIndex: number
  resourceCount: number
  /** Rows written so far in the whole package. */
  rowsWritten: number
  /** Sum of expectedRows, when every resource gave one. */
  totalRows?: number
}

export interface WritePackageOptions {
  /** The export folder set by IT. It must exist: a missing share is reported, not created locally. */
  exportFolder: string
  /** The run's instant: the package's name and its `created`. */
  createdAt: Date
  title: string
  description?: string
  /** hubCode and packageSequence here also make the folder's name. */
  metadata: CasebookMetadata
  /** In the order they are listed in datapackage.json; a group's files in the order of its definitions. */
  resources: (PackageResource | PackageGroup)[]
  /** Write the analysts' copies in spreadsheet/ (default true). */
  spreadsheetCopies?: boolean
  /** Called at the start, about every 256 KiB written, and at the end of each resource. */
  onProgress?: (progress: PackageProgress) => void
  signal?: AbortSignal
  /** Called when every file is whole, just before the rename: the caller records what is about to appear. */
  beforeRename?: (name: string) => Promise<void>
}

export interface WrittenPackageFile {
  resource: string
  /** Relative to the package folder, with forward slashes as in datapackage.json. */
  path: string
  bytes: number
  sha256: string
  rows: number
}

export interface WrittenPackage {
  /** Absolute path of the package folder. */
  folder: string
  name: string
  descriptor: DataPackageDescriptor
  files: WrittenPackageFile[]
  spreadsheetCopies: WrittenPackageFile[]
  /** datapackage.json's own size and hash, for the run's history. */
  descriptorFile: { bytes: number; sha256: string }
}

/** `<HUBCODE>-<YYYYMMDDTHHMMSSZ>-<000001>`, refusing anything that could make another path. */
export function packageFolderName(hubCode: string, createdAt: Date, packageSequence: number): string {
  if (typeof hubCode !== 'string' || !HUB_CODE_PATTERN.test(hubCode)) {
    throw new PackageError('INVALID_PACKAGE_NAME', `The hub code must be 2 to 5 capital letters to name a package, not ${JSON.stringify(hubCode)}`)
  }
  if (!Number.isSafeInteger(packageSequence) || packageSequence < 1 || packageSequence > MAX_SEQUENCE) {
    throw new PackageError('INVALID_PACKAGE_NAME', `The package sequence must be a whole number from 1 to ${MAX_SEQUENCE}, not ${packageSequence}`)
  }
  if (!(createdAt instanceof Date) || Number.isNaN(createdAt.getTime()) || createdAt.getUTCFullYear() < 2000 || createdAt.getUTCFullYear() > 9999) {
    throw new PackageError('INVALID_PACKAGE_NAME', 'The package time is not a real date')
  }
  const stamp = createdAt
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
  return `${hubCode}-${stamp}-${String(packageSequence).padStart(6, '0')}`
}

/** The hub code in a package folder's name, or in one moved aside with FAILED_PREFIX; null for any other name. */
export function hubOfPackageFolder(name: string): string | null {
  return PACKAGE_FOLDER_PATTERN.exec(name.startsWith(FAILED_PREFIX) ? name.slice(FAILED_PREFIX.length) : name)?.[1] ?? null
}

export async function writePackage(options: WritePackageOptions): Promise<WrittenPackage> {
  const { metadata, signal } = options
  const name = packageFolderName(metadata.hubCode, options.createdAt, metadata.packageSequence)
  // Every source as a group of its files (a plain resource is a group of one).
  const units = options.resources.map((source) => {
    const definitions = 'definitions' in source ? source.definitions : [source.definition]
    return { source, expectedRows: source.expectedRows, files: definitions.map((definition) => ({ definition, schema: tableSchemaOf(definition) })) }
  })
  const planned = units.flatMap((unit) => unit.files)
  checkPackageResources(planned)
  const withCopies = options.spreadsheetCopies ?? true

  const exportFolder = resolve(options.exportFolder)
  const folderStat = await stat(exportFolder).catch(() => undefined)
  if (!folderStat?.isDirectory()) throw new PackageError('EXPORT_FOLDER_MISSING', `The export folder ${exportFolder} does not exist or is not a folder`)
  await removeStalePartials(exportFolder)
  const finalFolder = join(exportFolder, name)
  await refuseExisting(finalFolder, name)

  const partialName = `${PARTIAL_PREFIX}${randomBytes(8).toString('hex')}`
  const partial = join(exportFolder, partialName)
  const ownerFile = join(exportFolder, partialName + OWNER_SUFFIX)
  const openFiles: CsvFileWriter[] = []
  const settling: Promise<void>[] = [] // files written, being fsynced and closed
  const settle = (durable: Promise<void>) => {
    durable.catch(() => undefined) // its failure is reported where settling is awaited, not as unhandled
    settling.push(durable)
  }
  let renamed = false
  try {
    await writeDurably(ownerFile, JSON.stringify({ host: hostname(), pid: process.pid, startedAt: new Date().toISOString() }))
    await mkdir(partial)
    if (withCopies) await mkdir(join(partial, SPREADSHEET_FOLDER))

    const expected = units.map((unit) => unit.expectedRows)
    const totalRows = expected.every((n) => typeof n === 'number') ? expected.reduce<number>((sum, n) => sum + n!, 0) : undefined
    let rowsBefore = 0 // in the sources already written
    let rowsWritten = 0
    let resourceIndex = 0
    const described: DescribedResource[] = []
    const copies: WrittenPackageFile[] = []

    for (const unit of units) {
      const resourceName = unit.files[0]!.definition.name
      // A count made before the export can fall short of the rows read (a record added meanwhile): the
      // total then grows with them, so a progress bar never passes its end.
      const report = () =>
        options.onProgress?.({
          resource: resourceName,
          resourceIndex,
          resourceCount: planned.length,
          rowsWritten,
          totalRows: totalRows === undefined ? undefined : Math.max(totalRows, rowsWritten)
        })
      report()
      const open = await Promise.all(
        unit.files.map(async ({ definition, schema }) => {
          const header = schema.fields.map((field) => field.name)
          const exact = await CsvFileWriter.create(join(partial, `${definition.name}.csv`))
          openFiles.push(exact)
          const copy = withCopies ? await CsvFileWriter.create(join(partial, spreadsheetPath(definition.name)), { bom: true }) : undefined
          if (copy) openFiles.push(copy)
          exact.add(csvLine(header))
          copy?.add(csvLine(header.map(neutralise)))
          return {
            definition,
            schema,
            encode: compileRowEncoder(definition.name, schema),
            sheetLine: compileSpreadsheetLine(schema),
            sameLine: compileSameLine(schema),
            quotable: quotableFields(schema),
            exact,
            copy,
            rows: 0
          }
        })
      )
      let unitRows = 0
      const write = (file: (typeof open)[number], row: Row) => {
        file.rows++
        unitRows++
        let cells: string[]
        try {
          cells = file.encode(row, file.rows)
        } catch (error) {
          // Named by its key too, so that the record can be found and put right.
          const key = (file.definition.primaryKey ?? []).map((field) => `${field} ${String(row[field])}`).join(', ')
          throw error instanceof PackageError && key ? new PackageError(error.code, `${error.message} (the record with ${key})`) : error
        }
        const exactFull = file.exact.add(csvLine(cells, file.quotable))
        const copyFull = file.copy ? (file.sameLine(cells) ? file.copy.addLastOf(file.exact) : file.copy.add(file.sheetLine(cells))) : false
        if (exactFull || copyFull) return flush(file, exactFull, copyFull)
      }
      const flush = async (file: (typeof open)[number], exactFull: boolean, copyFull: boolean) => {
        if (signal?.aborted) throw new PackageError('ABORTED', 'The export was stopped')
        await Promise.all([exactFull ? file.exact.flush() : undefined, copyFull ? file.copy!.flush() : undefined])
        rowsWritten = rowsBefore + unitRows
        report()
      }
      if ('definitions' in unit.source) {
        for await (const page of unit.source.rows()) {
          for (const [index, row] of page) {
            const file = open[index]
            if (!file) throw new PackageError('INVALID_ROW', `A row of ${resourceName}'s group was sent to file ${index}, which it does not have`)
            const pending = write(file, row)
            if (pending) await pending
          }
        }
      } else {
        await eachRow(unit.source.rows(), (row) => write(open[0]!, row))
      }
      for (const file of open) {
        const name = file.definition.name
        const written = await file.exact.finish()
        described.push({ definition: file.definition, schema: file.schema, path: `${name}.csv`, bytes: written.bytes, sha256: written.sha256, rows: file.rows })
        // Each file's fsync runs while the next file is written: one after another, a package of many
        // small files (an incremental run) would spend most of its time waiting on the disk.
        settle(file.exact.durable())
        if (file.copy) {
          const copied = await file.copy.finish()
          copies.push({ resource: name, path: spreadsheetPath(name), bytes: copied.bytes, sha256: copied.sha256, rows: file.rows })
          settle(file.copy.durable())
        }
        resourceIndex++
      }
      rowsBefore += unitRows
      rowsWritten = rowsBefore
      report()
      if (signal?.aborted) throw new PackageError('ABORTED', 'The export was stopped')
    }

    await Promise.all(settling)
    const spreadsheetCopies: SpreadsheetCopyEntry[] = copies.map((c) => ({ resource: c.resource, path: c.path, bytes: c.bytes, hash: sha256Hash(c.sha256) }))
    const descriptor = dataPackageDescriptor({
      name: name.toLowerCase(),
      title: options.title,
      description: options.description,
      created: options.createdAt,
      metadata,
      resources: described,
      spreadsheetCopies
    })
    // Last: a folder holding datapackage.json has every file it lists, whole.
    const descriptorFile = await writeDurably(join(partial, DESCRIPTOR_FILE), `${JSON.stringify(descriptor, null, 2)}\n`)
    if (withCopies) await fsyncDirectory(join(partial, SPREADSHEET_FOLDER))
    await fsyncDirectory(partial)

    await options.beforeRename?.(name)
    // Checked again just before: POSIX rename would quietly replace an empty folder of that name.
    await refuseExisting(finalFolder, name)
    await renameFolder(partial, finalFolder)
    renamed = true
    await fsyncDirectory(exportFolder)
    await rm(ownerFile, { force: true }).catch(() => undefined) // a note left behind is cleared by the next run
    return {
      folder: finalFolder,
      name,
      descriptor,
      files: described.map((r) => ({ resource: r.definition.name, path: r.path, bytes: r.bytes, sha256: r.sha256, rows: r.rows })),
      spreadsheetCopies: copies,
      descriptorFile
    }
  } catch (error) {
    await Promise.allSettled(settling)
    await Promise.all(openFiles.map((file) => file.abort()))
    // Renamed but not made durable (the export folder's fsync failed): the package goes too, so that what
    // is there matches what the caller is told, and the run is simply made again.
    await rm(renamed ? finalFolder : partial, { recursive: true, force: true }).catch(() => undefined)
    await rm(ownerFile, { force: true }).catch(() => undefined)
    throw error
  }
}

/**
 * Removes what killed runs left: partial folders whose owner is no longer running on this machine (or,
 * from another machine sharing the folder, after a day), and owner notes without a folder. A partial
 * of a run still going on this machine is left alone. Returns the names removed.
 */
export async function removeStalePartials(exportFolder: string): Promise<string[]> {
  const removed: string[] = []
  const entries = await readdir(exportFolder, { withFileTypes: true })
  const names = new Set(entries.map((entry) => entry.name))
  for (const entry of entries) {
    if (!entry.name.startsWith(PARTIAL_PREFIX)) continue
    const isOwnerNote = entry.name.endsWith(OWNER_SUFFIX)
    const partialName = isOwnerNote ? entry.name.slice(0, -OWNER_SUFFIX.length) : entry.name
    if (isOwnerNote && names.has(partialName)) continue // handled with its folder
    const ownerFile = join(exportFolder, partialName + OWNER_SUFFIX)
    if (await ownerIsRunning(ownerFile)) continue
    await rm(join(exportFolder, partialName), { recursive: true, force: true })
    await rm(ownerFile, { force: true })
    removed.push(partialName)
  }
  return removed
}

async function ownerIsRunning(ownerFile: string): Promise<boolean> {
  let owner: { host?: unknown; pid?: unknown; startedAt?: unknown }
  try {
    owner = JSON.parse(await readFile(ownerFile, 'utf8'))
  } catch {
    return false // no note (or half of one): its writer died before or while writing it
  }
  if (owner.host !== hostname()) {
    const started = typeof owner.startedAt === 'string' ? Date.parse(owner.startedAt) : NaN
    return Number.isFinite(started) && Date.now() - started < FOREIGN_PARTIAL_MAX_AGE_MS
  }
  return typeof owner.pid === 'number' && processAlive(owner.pid)
}

async function refuseExisting(folder: string, name: string): Promise<void> {
  const existing = await lstat(folder).catch(() => undefined)
  if (existing) throw new PackageError('PACKAGE_EXISTS', `A package named ${name} is already in the export folder; it is never replaced`)
}

async function writeDurably(path: string, text: string): Promise<{ bytes: number; sha256: string }> {
  const buffer = Buffer.from(text, 'utf8')
  const handle = await open(path, 'wx')
  try {
    await handle.writeFile(buffer)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return { bytes: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex') }
}

/** Makes a folder's entries (a new file, a rename) durable. Windows cannot open a folder to fsync it. */
async function fsyncDirectory(path: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } catch (error) {
    // Some network file systems refuse fsync on a folder; the rename is still atomic there.
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR') throw error
  } finally {
    await handle.close()
  }
}

// On Windows a virus scanner or the search indexer briefly holding a new file makes a folder's rename
// fail with EPERM, EACCES or EBUSY; it succeeds a moment later. Elsewhere these are real and stay so.
async function renameFolder(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (process.platform !== 'win32' || attempt >= 10 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw error
      await new Promise((resolveWait) => setTimeout(resolveWait, 100 * (attempt + 1)))
    }
  }
}
