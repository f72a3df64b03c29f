// A backup's encryption, on a worker thread of its own. Encrypting and hashing a 584 MB copy is about
// 4 s of CPU in 1 MB steps; on the main thread each step held every callback behind it, and a save
// is a dozen database calls, each waiting its turn: beside a backup, saves waited up to 124 ms on a
// quiet machine (the event loop held up to 610 ms on a busy one). On a thread of its own the work
// runs beside the desk's saves instead of between their steps.
//
// The thread runs `encryptCopy`, sent as its source text (`eval`), so that the same code runs under
// Node, the tests and the app's bundle without a second entry point to build. It may therefore use
// nothing from outside itself but the three modules it is given, and declares no inner functions
// (a bundler's keepNames would wrap them in a helper the thread does not have).
import { Worker } from 'node:worker_threads'

export interface EncryptJob {
  plainPath: string
  targetPath: string
  key: Buffer
  iv: Buffer
  /** Written first, and authenticated by GCM (the header and its framing). */
  prefix: Buffer
  /** The written bytes are flushed to the disk at least this often (see crypto.ts). */
  syncEveryBytes: number
}

/** A word the caller sets to 1 to stop the thread, which closes its files and says so. */
interface ThreadData extends EncryptJob {
  stop: SharedArrayBuffer
}

/** What the thread posts: bytes of the copy read so far, then its result or its failure. */
type Message = { read: number } | { done: { bytes: number; sha256: string } } | { failed: { message: string; code?: string } }

function encryptCopy(threads: typeof import('node:worker_threads'), fs: typeof import('node:fs'), crypto: typeof import('node:crypto')): void {
  const job = threads.workerData as ThreadData
  const stop = new Int32Array(job.stop)
  const port = threads.parentPort!
  let fd = -1
  // Said only once both files are closed: the caller may then remove them.
  let outcome: Message
  try {
    const cipher = crypto.createCipheriv('aes-256-gcm', job.key, job.iv)
    cipher.setAAD(job.prefix)
    const hash = crypto.createHash('sha256')
    fd = fs.openSync(job.targetPath, 'wx')
    const input = fs.openSync(job.plainPath, 'r')
    const chunk = Buffer.alloc(1024 * 1024)
    let bytes = 0
    let unsynced = 0
    let read = 0
    try {
      const parts: Buffer[] = [job.prefix, job.iv]
      for (;;) {
        const n = fs.readSync(input, chunk, 0, chunk.length, read)
        if (n > 0) parts.push(cipher.update(chunk.subarray(0, n)))
        else parts.push(cipher.final(), cipher.getAuthTag())
        for (const part of parts) {
          for (let at = 0; at < part.length;) at += fs.writeSync(fd, part, at, part.length - at)
          hash.update(part)
          bytes += part.length
          unsynced += part.length
        }
        parts.length = 0
        if (unsynced >= job.syncEveryBytes) {
          fs.fdatasyncSync(fd)
          unsynced = 0
        }
        if (n === 0) break
        if (Atomics.load(stop, 0) === 1) throw Object.assign(new Error('Stopped'), { code: 'STOPPED' })
        read += n
        port.postMessage({ read })
      }
    } finally {
      fs.closeSync(input)
    }
    // The bytes are on the disk before anyone is told the backup exists.
    fs.fsyncSync(fd)
    outcome = { done: { bytes, sha256: hash.digest('hex') } }
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    outcome = { failed: { message: String(e?.message ?? error), code: typeof e?.code === 'string' ? e.code : undefined } }
  } finally {
    if (fd >= 0) fs.closeSync(fd)
  }
  port.postMessage(outcome)
}

const SOURCE = `(${encryptCopy.toString()})(require('node:worker_threads'), require('node:fs'), require('node:crypto'))`

/** The thread's failure as the caller's: an Error with the system's code (ENOSPC, EACCES...) kept. */
function failure(failed: { message: string; code?: string }): Error {
  return Object.assign(new Error(failed.message), failed.code ? { code: failed.code } : {})
}

/**
 * Encrypts `job.plainPath` into `job.targetPath` on a worker thread: the file's size and SHA-256 once
 * it is flushed. `signal` stops the thread part way (the caller removes what was written).
 */
export function encryptOnThread(job: EncryptJob, onRead?: (bytes: number) => void, signal?: AbortSignal): Promise<{ bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error)
    const stopWord = new SharedArrayBuffer(4)
    const worker = new Worker(SOURCE, { eval: true, workerData: { ...job, stop: stopWord } satisfies ThreadData })
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', stop)
      outcome()
    }
    // Told to stop, the thread closes its files before it answers: the caller can then remove them (Windows will not remove an open file).
    const stop = () => Atomics.store(new Int32Array(stopWord), 0, 1)
    signal?.addEventListener('abort', stop, { once: true })
    worker.on('message', (message: Message) => {
      if ('read' in message) onRead?.(message.read)
      else if ('done' in message) settle(() => resolve(message.done))
      else settle(() => reject(message.failed.code === 'STOPPED' ? (signal!.reason as Error) : failure(message.failed)))
    })
    worker.on('error', (error) => settle(() => reject(error)))
    worker.on('exit', (code) => settle(() => reject(new Error(`The backup's encryption stopped (thread exit code ${code}) before it finished.`))))
  })
}
