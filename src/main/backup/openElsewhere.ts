// Which processes hold a database file open, asked just before a restore renames a checked copy over
// it. A process that opened the file but has not read it yet holds no lock and has no -wal, so neither
// SQLite's locks nor the side files show it; when it reads after the swap, SQLite opens `<path>-wal`
// by name, beside the NEW file, and fills it with pages of the old one: the restored database is
// damaged. An exclusive lock held across the swap does not help in WAL mode (such a process waits
// for the lock on the old file, then does the same). So the swap is refused while anything holds the
// file: Linux lists every process's open files under /proc, macOS answers through lsof. Windows needs
// no check: it refuses to rename over a file another program has open (restore.ts turns that into
// the same refusal). The limit: a process that opens the file between this check and the rename
// (microseconds), or one this user may not look at (another account's; it could not open the file
// either, unless IT gave it rights), is not seen.
import { execFile } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'

async function linuxHolders(path: string): Promise<number[]> {
  const target = await stat(path)
  const holders: number[] = []
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((name) => /^\d+$/.test(name))
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[])
    for (const fd of fds) {
      const opened = await stat(`/proc/${pid}/fd/${fd}`).catch(() => null)
      if (opened && opened.ino === target.ino && opened.dev === target.dev) {
        holders.push(Number(pid))
        break
      }
    }
  }
  return holders
}

function macHolders(path: string): Promise<number[]> {
  return new Promise((resolve) => {
    // lsof exits 1 when nobody has the file open; missing or failing, there is nothing more to learn.
    execFile('lsof', ['-t', '--', path], { timeout: 10_000 }, (_error, stdout) => {
      resolve(
        String(stdout ?? '')
          .split(/\s+/)
          .filter((pid) => /^\d+$/.test(pid))
          .map(Number)
      )
    })
  })
}

/** The processes (this one included) that have `path` open; none where the system cannot say. */
export async function processesHolding(path: string): Promise<number[]> {
  if (process.platform === 'linux') return linuxHolders(path).catch(() => [])
  if (process.platform === 'darwin') return macHolders(path)
  return []
}
