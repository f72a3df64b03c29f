// Small facts about files and processes that the export and the backups both need.
import { createHash } from 'node:crypto'
import { constants, createReadStream } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { isAbsolute } from 'node:path'

/** A file's SHA-256, read as a stream (a backup or a package file may be hundreds of megabytes). */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Whether a process with this id is running (EPERM: it is, and belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Why files cannot be written into a folder IT named; each caller words it for its own setting. */
export type FolderProblem = 'not a full path' | 'not a folder' | 'unreachable' | 'not writable'

/** Why files cannot be written into `folder` now; null when they can. */
export async function writableFolderProblem(folder: string): Promise<FolderProblem | null> {
  // A relative path would be resolved against whichever folder the process started in.
  if (!isAbsolute(folder)) return 'not a full path'
  try {
    if (!(await stat(folder)).isDirectory()) return 'not a folder'
  } catch {
    return 'unreachable'
  }
  try {
    await access(folder, constants.W_OK)
  } catch {
    return 'not writable'
  }
  return null
}
