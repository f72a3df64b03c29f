// A core in a process of its own, for the fault tests: started with tsx as the command line is (or
// from one file ./childBundle built), told what to do by lines on its stdin (./parentLines is its
// side), reporting by lines on its stdout, and killed with SIGKILL (no shutdown, no flush, as a
// power cut or a crash ends the app). What it wrote before it died is all read before kill()
// resolves: stdout is a pipe, which Node writes synchronously on Linux, so a line the child wrote
// is in the pipe before its next step begins.
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable, Writable } from 'node:stream'
import { join, resolve } from 'node:path'

/** Where a script built by ./childBundle finds the packages it left out. */
const NODE_MODULES = join(resolve(__dirname, '../../..'), 'node_modules')
/** A safety net, not a schedule: waits end on an outcome, and this only turns a hang into a failure that says what it waited for. */
const WAIT_LIMIT_MS = 90_000
/** The end of the child's stderr, for the failure that names it. */
const STDERR_KEPT = 4000

export interface ChildCore {
  /** Every line the child has written to stdout so far, in order. */
  readonly lines: readonly string[]
  /** The first line (already written or still to come) that matches. Rejects if the child ends first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>
  /** Resolves once `count` lines match. Rejects if the child ends first. */
  waitForCount(pattern: RegExp, count: number): Promise<void>
  send(line: string): void
  /** SIGKILL; resolves once it is dead and everything it wrote has been read. */
  kill(): Promise<void>
  /** Resolves when it has ended (by itself or killed) and its output is read: its exit code, or the signal. */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export interface ChildOptions {
  /**
   * Runs it without the capabilities that let root write a read-only file or folder (util-linux's
   * setpriv drops them from its bounding set), so that file modes hold for it as for any user.
   */
  heedFileModes?: boolean
}

/** What setpriv takes away: writing and searching past file modes, and acting as any file's owner. */
const FILE_MODE_OVERRIDES = ['dac_override', 'dac_read_search', 'fowner']

interface Waiter {
  done: () => boolean
  resolve: () => void
  reject: (error: Error) => void
  what: string
}

/** Starts `script` with `args`: a .ts file under tsx, or one built by ./childBundle with Node alone. */
export function startChild(script: string, args: string[], options: ChildOptions = {}): ChildCore {
  const bundled = !script.endsWith('.ts')
  const node = bundled ? [process.execPath, script, ...args] : [process.execPath, '--import', 'tsx', script, ...args]
  // Anyone but root heeds file modes already.
  const asRoot = process.getuid?.() === 0
  const [command, ...rest] = options.heedFileModes && asRoot ? ['setpriv', '--bounding-set', FILE_MODE_OVERRIDES.map((c) => `-${c}`).join(','), ...node] : node
  const env = bundled ? { ...process.env, NODE_PATH: NODE_MODULES } : process.env
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(command!, rest, { stdio: ['pipe', 'pipe', 'pipe'], env })
  const lines: string[] = []
  let errors = ''
  let partial = ''
  let endedAs: { code: number | null; signal: NodeJS.Signals | null } | null = null
  const waiters = new Set<Waiter>()

  const settle = () => {
    for (const waiter of waiters) {
      if (waiter.done()) {
        waiters.delete(waiter)
        waiter.resolve()
      } else if (endedAs) {
        waiters.delete(waiter)
        const how = endedAs.signal ?? `exit code ${endedAs.code}`
        waiter.reject(
          new Error(`The child ${script} ended (${how}) before ${waiter.what}.\nIts last lines: ${lines.slice(-5).join(' | ')}\nIts stderr: ${errors}`)
        )
      }
    }
  }

  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n')
    partial = parts.pop()!
    lines.push(...parts)
    settle()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-STDERR_KEPT)
  })
  // The stdin pipe breaks when the child dies; a line sent to a dead child is simply lost.
  child.stdin.on('error', () => undefined)

  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject)
    // 'close' comes after the process has exited and its stdout and stderr have been read to the end.
    child.once('close', (code, signal) => {
      if (partial) lines.push(partial)
      partial = ''
      endedAs = { code, signal }
      settle()
      resolve(endedAs)
    })
  })

  const wait = (what: string, done: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter)
        reject(new Error(`Waited ${WAIT_LIMIT_MS / 1000} s for ${what} from ${script}.\nIts last lines: ${lines.slice(-5).join(' | ')}\nIts stderr: ${errors}`))
      }, WAIT_LIMIT_MS)
      const waiter: Waiter = {
        done,
        what,
        resolve: () => {
          clearTimeout(timer)
          resolve()
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        }
      }
      waiters.add(waiter)
      settle()
    })

  return {
    lines,
    ended,
    async waitFor(pattern) {
      let found: RegExpExecArray | null = null
      await wait(`a line like ${pattern}`, () => {
        for (const line of lines) if ((found = pattern.exec(line))) return true
        return false
      })
      return found!
    },
    async waitForCount(pattern, count) {
      await wait(`${count} lines like ${pattern}`, () => lines.filter((line) => pattern.test(line)).length >= count)
    },
    send(line) {
      if (!endedAs) child.stdin.write(`${line}\n`)
    },
    async kill() {
      if (!endedAs) child.kill('SIGKILL')
      await ended
    }
  }
}
