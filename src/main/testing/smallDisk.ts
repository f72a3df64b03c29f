// A small disk of the test's own, for the full-disk tests: a size-limited tmpfs mounted on a new
// folder, which a filler file fills to the last byte, so that the operating system itself says
// ENOSPC (not a limit SQLite was told to keep: e2e/harness/disk.ts does that, for the browser
// journeys). Mounting needs root, as CI runs; anywhere else the test fails and says why rather than
// passing without having tested anything.
import { execFileSync } from 'node:child_process'
import { closeSync, fstatSync, ftruncateSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SmallDisk {
  /** The mounted folder. */
  dir: string
  /** Fills what is left of the disk with a file, to the last byte but `spare`; answers how many bytes that took. */
  fill(spare?: number): number
  /** Deletes the filler: the space is back. */
  makeSpace(): void
  /** Unmounts it and removes the folder; the test's afterAll calls this whatever happened. */
  unmount(): void
}

const FILLER = '.filler'

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })

export function mountSmallDisk(name: string, bytes: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`))
  try {
    run('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir])
  } catch (error) {
    rmdirSync(dir)
    const said = String((error as { stderr?: Buffer }).stderr ?? error).trim()
    throw new Error(
      `This test needs a small disk of its own: it mounts a ${bytes}-byte tmpfs, which needs root (CI runs as root; run it as root, or in CI). mount said: ${said}`,
      { cause: error }
    )
  }
  let mounted = true
  return {
    dir,
    fill(spare = 0) {
      const fd = openSync(join(dir, FILLER), 'a')
      let written = 0
      try {
        // Big writes until the disk refuses one, then smaller ones for what is left of the last pages.
        for (let chunk = 1 << 20; chunk >= 1;) {
          try {
            written += writeSync(fd, Buffer.alloc(chunk))
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
            chunk >>= 2
          }
        }
        if (spare > 0) {
          ftruncateSync(fd, fstatSync(fd).size - spare)
          written -= spare
        }
      } finally {
        closeSync(fd)
      }
      return written
    },
    makeSpace() {
      rmSync(join(dir, FILLER), { force: true })
    },
    unmount() {
      if (!mounted) return
      try {
        run('umount', [dir])
      } catch {
        // Something still has a file open there (a test that failed before it closed its database):
        // detach it now, and the kernel frees it when the last file closes.
        run('umount', ['--lazy', dir])
      }
      mounted = false
      rmdirSync(dir)
    }
  }
}
