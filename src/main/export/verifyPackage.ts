// For a run that was killed after its package was renamed into place but before the run was
// recorded as done: the package is accepted only if datapackage.json is there and every file it
// lists has the bytes and hash it says. Otherwise the folder is renamed out of the way (hidden, so
// it no longer looks like a package) and the run counts as interrupted.
import { createHash } from 'node:crypto'
import { readFile, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256OfFile } from '../core/files'
import type { ExportRun } from '../../shared/export/schemas'
import type { RunFile } from './runs'

interface Listed {
  path: string
  name?: string
  resource?: string
  bytes: number
  hash: string
}

async function check(folder: string, listed: Listed): Promise<RunFile | null> {
  if (typeof listed.path !== 'string' || listed.path.includes('..') || listed.path.startsWith('/')) return null
  const path = join(folder, listed.path)
  const size = await stat(path)
    .then((s) => s.size)
    .catch(() => -1)
  if (size !== listed.bytes) return null
  const sha256 = await sha256OfFile(path)
  if (`sha256:${sha256}` !== listed.hash) return null
  return { path: listed.path, resource: listed.name ?? listed.resource ?? listed.path, rows: 0, bytes: size, sha256 }
}

export async function verifyWrittenPackage(run: ExportRun): Promise<RunFile[] | null> {
  if (!run.packageName) return null
  const folder = join(run.exportFolder, run.packageName)
  if (
    !(await stat(folder)
      .then((s) => s.isDirectory())
      .catch(() => false))
  )
    return null
  try {
    const descriptorText = await readFile(join(folder, 'datapackage.json'), 'utf8')
    const descriptor = JSON.parse(descriptorText) as {
      resources: Listed[]
      casebook: { packageSequence: number; rowCounts: Record<string, number>; spreadsheetCopies?: Listed[] }
    }
    if (descriptor.casebook.packageSequence !== run.packageSequence) throw new Error('another run’s package')
    const files: RunFile[] = []
    for (const listed of [...descriptor.resources, ...(descriptor.casebook.spreadsheetCopies ?? [])]) {
      const file = await check(folder, listed)
      if (!file) throw new Error(`${listed.path} is not as datapackage.json says`)
      files.push({ ...file, rows: descriptor.casebook.rowCounts[file.resource] ?? 0 })
    }
    const bytes = Buffer.byteLength(descriptorText)
    files.push({ path: 'datapackage.json', resource: 'datapackage', rows: 0, bytes, sha256: createHash('sha256').update(descriptorText).digest('hex') })
    return files
  } catch {
    await rename(folder, join(run.exportFolder, `.interrupted-${run.packageName}`)).catch(() => undefined)
    return null
  }
}
