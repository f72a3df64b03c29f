// The backup's encryption on its own thread: the file it writes decrypts to the copy, its size and
// SHA-256 are the file's, a system error comes back with its code, and a stop part way closes the
// thread's files and answers as an abort (the caller then removes what was written).
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decryptFile, encryptFile, keyIdOf, type BackupKey } from './crypto'

let dir: string
const key: BackupKey = (() => {
  const bytes = randomBytes(32)
  return { key: bytes, keyId: keyIdOf(bytes), source: 'config', path: null }
})()
const header = { takenAt: '2026-11-24T10:00:00.000Z', reason: 'command' as const, hubCode: 'TH', schemaVersion: 'Test1', auditHead: null, plainBytes: 0 }

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'encrypt-thread-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The files this process holds open (Linux's /proc: CI's and this machine's system). */
const openFiles = () =>
  readdirSync('/proc/self/fd').map((fd) => {
    try {
      return readlinkSync(join('/proc/self/fd', fd))
    } catch {
      return ''
    }
  })

/** A plaintext "copy" of `megabytes`, random so that nothing compresses or repeats. */
function copyOf(megabytes: number): { path: string; bytes: Buffer } {
  const bytes = randomBytes(megabytes * 1024 * 1024 + 12345)
  const path = join(dir, 'copy.sqlite')
  writeFileSync(path, bytes)
  return { path, bytes }
}

describe('encrypting a copy on its own thread', () => {
  it('writes a file that decrypts to the copy, and answers its size and SHA-256, telling the bytes read as it goes', async () => {
    const copy = copyOf(3)
    const target = join(dir, 'backup.cbbackup')
    const told: number[] = []
    const written = await encryptFile(copy.path, target, key, { ...header, plainBytes: copy.bytes.length }, (n) => told.push(n))
    const file = readFileSync(target)
    expect(written).toEqual({ bytes: file.length, sha256: createHash('sha256').update(file).digest('hex') })
    expect(told.length).toBeGreaterThanOrEqual(3)
    expect(told.at(-1)).toBe(copy.bytes.length)
    expect(told).toEqual([...told].sort((a, b) => a - b))
    const out = join(dir, 'out.sqlite')
    await decryptFile(target, out, key)
    expect(readFileSync(out).equals(copy.bytes)).toBe(true)
  })

  it('fails with the system’s code, and writes nothing over a file that is there', async () => {
    const copy = copyOf(1)
    const target = join(dir, 'backup.cbbackup')
    writeFileSync(target, 'someone else’s file')
    await expect(encryptFile(copy.path, target, key, { ...header, plainBytes: copy.bytes.length })).rejects.toMatchObject({ code: 'EEXIST' })
    expect(readFileSync(target, 'utf8')).toBe('someone else’s file')
    await expect(encryptFile(join(dir, 'no-such-copy'), join(dir, 'other.cbbackup'), key, header)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('stops part way when told to, as an abort, with its files closed so that the caller can remove them', async () => {
    const copy = copyOf(16)
    const target = join(dir, 'backup.cbbackup')
    const stop = new AbortController()
    const running = encryptFile(copy.path, target, key, { ...header, plainBytes: copy.bytes.length }, (n) => n >= 2 * 1024 * 1024 && stop.abort(), stop.signal)
    await expect(running).rejects.toMatchObject({ name: 'AbortError' })
    // Part of the file, not all of it: the stop came part way.
    expect(statSync(target).size).toBeLessThan(copy.bytes.length)
    expect(openFiles()).not.toContain(target)
    expect(openFiles()).not.toContain(copy.path)
    rmSync(target)
    await expect(encryptFile(copy.path, target, key, header, undefined, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' })
  })
})
