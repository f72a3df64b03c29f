// Copies of a database made beside it (same disk, same protection as the file itself), each kind
// named `<database file>.<mark>-…` so that what a crash left behind is found and removed by the next
// one of its kind, and never taken for another kind's.
import { constants, existsSync } from 'node:fs'
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * restoring: a restore's decrypted backup (../backup/restore). hub-check: a copy read for its hub code
 * (./hubOfFile). read-only-copy: what can be read of a damaged database (./readOnlyCopy).
 */
export type BesideMark = 'restoring' | 'hub-check' | 'read-only-copy'

/** The start of every name of that kind beside the database. */
export const markedName = (databasePath: string, mark: BesideMark) => `${basename(databasePath)}.${mark}-`

/** Removes every file or folder of that kind beside the database; nothing when the folder cannot be listed. */
export async function removeMarked(databasePath: string, mark: BesideMark): Promise<void> {
  const folder = dirname(databasePath)
  const names = await readdir(folder).catch(() => [] as string[])
  for (const name of names.filter((n) => n.startsWith(markedName(databasePath, mark)))) await rm(join(folder, name), { recursive: true, force: true })
}

/**
 * Copies the database and its -wal (which may hold the last saves) into a new folder of that kind
 * beside it, after removing the ones a crash left. The database itself is only read, byte for byte.
 */
export async function copyBeside(databasePath: string, mark: BesideMark): Promise<{ path: string; remove(): Promise<void> }> {
  await removeMarked(databasePath, mark)
  const folder = await mkdtemp(join(dirname(databasePath), markedName(databasePath, mark)))
  const path = join(folder, basename(databasePath))
  const remove = () => rm(folder, { recursive: true, force: true })
  try {
    await copyFile(databasePath, path, constants.COPYFILE_EXCL)
    if (existsSync(`${databasePath}-wal`)) await copyFile(`${databasePath}-wal`, `${path}-wal`, constants.COPYFILE_EXCL)
  } catch (error) {
    await remove()
    throw error
  }
  return { path, remove }
}
