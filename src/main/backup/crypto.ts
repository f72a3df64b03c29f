// A backup file is the database encrypted with AES-256-GCM (Node's own crypto) under a key IT holds.
// Layout: "CBBACKUP", a format byte, the header's length (4 bytes, big-endian), the header (JSON,
// readable without the key, so a folder can be listed and a wrong key named), a 12-byte IV, the
// ciphertext, and GCM's 16-byte tag. Everything before the IV is authenticated data: a header that
// was altered fails the tag as a changed byte of the database would. The tag is only known at the
// end, so a backup is always decrypted to a file that is used only once decryption has finished.
import { createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import { auditAnchor, backupReason, type BACKUP_KEY_SOURCES } from '../../shared/backup/schemas'
import type { BackupSettings } from '../core/config'
import { AppError } from '../core/errors'
import { anchorMac, anchorMacMatches, backupAnchorKey } from '../audit/anchorMac'
import { encryptOnThread } from './encryptThread'

const MAGIC = Buffer.from('CBBACKUP', 'latin1')
const FORMAT = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_BYTES = 32
/** The most a header may be: it is read before anything is authenticated. */
const MAX_HEADER_BYTES = 64 * 1024

/** A whole backup file's size: its header, the IV, the ciphertext (as long as the database) and the tag. */
export const backupFileBytes = (headerEnd: number, plainBytes: number) => headerEnd + IV_BYTES + plainBytes + TAG_BYTES

const backupHeader = z.object({
  format: z.literal(FORMAT),
  takenAt: z.string(),
  reason: backupReason,
  hubCode: z.string(),
  /** The last migration the database had. */
  schemaVersion: z.string(),
  auditHead: auditAnchor.nullable(),
  /** Which key encrypted it (a hash of the key, not the key). */
  keyId: z.string(),
  /** The database's size before encryption. */
  plainBytes: z.number().int(),
  /**
   * A MAC of auditHead (with hubCode and takenAt) under a key derived from the backup key: the header
   * is read without decrypting, so audit verification believes its anchor only when this checks
   * (../audit/anchorMac.ts). Written by encryptFile; absent from headers written before it was.
   */
  anchorMac: z.string().optional()
})
export type BackupHeader = z.infer<typeof backupHeader>

export type KeySource = (typeof BACKUP_KEY_SOURCES)[number]
export interface BackupKey {
  key: Buffer
  keyId: string
  source: KeySource
  /** The key file's path (IT's, or the one beside the database); null for a key in the config. */
  path: string | null
}

export const keyIdOf = (key: Buffer) => createHash('sha256').update('casebook backup key id\0').update(key).digest('hex').slice(0, 16)

/** A new key, as IT stores it (base64 of 32 random bytes). */
export const newKeyText = () => randomBytes(KEY_BYTES).toString('base64')

/** The file Casebook makes when IT has set no key: beside the database, where the database's own protection covers it. */
export const keyBesideDatabase = (databasePath: string) => join(dirname(databasePath), 'casebook.backup-key')

function parseKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64')
  if (key.length !== KEY_BYTES || key.toString('base64') !== text.trim())
    throw new AppError(
      'UNAVAILABLE',
      `The backup key ${where} is not a key Casebook can use: it must be 32 random bytes written as base64 (44 characters). Make one with: npm run casebook -- backup new-key`
    )
  return key
}

/**
 * The key, from IT's config, IT's key file, or (when IT set neither) a key file Casebook makes beside
 * the database the first time, so that backups are never written unencrypted. Reading a key never makes one
 * unless `make` says so (restore must not invent a key a backup was never encrypted with).
 */
export function loadBackupKey(settings: BackupSettings, databasePath: string, make = true): BackupKey {
  if (settings.key) {
    const key = parseKey(settings.key, 'in the machine-wide config (backupKey)')
    return { key, keyId: keyIdOf(key), source: 'config', path: null }
  }
  const path = settings.keyFile ?? keyBesideDatabase(databasePath)
  const source: KeySource = settings.keyFile ? 'key file' : 'beside the database'
  if (!existsSync(path)) {
    if (settings.keyFile)
      throw new AppError('UNAVAILABLE', `The backup key file ${path} (backupKeyFile in the machine-wide config) does not exist. Ask IT to check the path.`)
    if (!make) throw new AppError('UNAVAILABLE', `There is no backup key: IT has not set one, and there is none beside the database (${path}).`)
    writeFileSync(path, `${newKeyText()}\n`, { mode: 0o600, flag: 'wx' })
  }
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new AppError('UNAVAILABLE', `Casebook cannot read the backup key file ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`)
  }
  const key = parseKey(text, `in ${path}`)
  return { key, keyId: keyIdOf(key), source, path }
}

/** The magic, the format byte, the header's length and the header: everything before the IV, which GCM authenticates. */
export function headerBytes(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  return Buffer.concat([MAGIC, Buffer.from([FORMAT]), length, json])
}

/** Counts bytes as they pass, for a progress bar. */
function counting(onBytes: (bytes: number) => void): Transform {
  let total = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      total += chunk.length
      onBytes(total)
      done(null, chunk)
    }
  })
}

/**
 * Written bytes are flushed to the disk this often. One flush of a whole large file at the end held
 * the live database's commits (their own fsync waits behind it) for about 90 ms on a 300 MB file;
 * flushing every 8 MB kept them under 6 ms. See sqliteBackup.ts.
 */
const SYNC_EVERY_BYTES = 8 * 1024 * 1024

/**
 * Encrypts the database copy at `plainPath` into `targetPath` (a new file: never one that is there),
 * flushed to the disk before it answers, on a thread of its own (./encryptThread.ts says why).
 * Answers the file's size and SHA-256, counted as it was written. `signal` stops it part way (the
 * caller removes what was written).
 */
export async function encryptFile(
  plainPath: string,
  targetPath: string,
  key: BackupKey,
  header: Omit<BackupHeader, 'format' | 'keyId'>,
  onBytes?: (bytes: number) => void,
  signal?: AbortSignal
): Promise<{ bytes: number; sha256: string }> {
  const mac = header.auditHead ? anchorMac(backupAnchorKey(key.key), { hubCode: header.hubCode, takenAt: header.takenAt, anchor: header.auditHead }) : undefined
  const prefix = headerBytes({ format: FORMAT, keyId: key.keyId, ...header, anchorMac: mac })
  return encryptOnThread({ plainPath, targetPath, key: key.key, iv: randomBytes(IV_BYTES), prefix, syncEveryBytes: SYNC_EVERY_BYTES }, onBytes, signal)
}

/** Whether a header's anchor is the one a holder of `key` wrote: false without a key, for another key's backup, or without a MAC. */
export function backupAnchorAuthentic(header: BackupHeader, key: BackupKey | null): boolean {
  if (!key || !header.auditHead || header.keyId !== key.keyId) return false
  return anchorMacMatches(backupAnchorKey(key.key), { hubCode: header.hubCode, takenAt: header.takenAt, anchor: header.auditHead }, header.anchorMac)
}

/** The key this machine holds, or null when it holds none or cannot read it (nothing is made). */
export function heldBackupKey(settings: BackupSettings, databasePath: string): BackupKey | null {
  try {
    return loadBackupKey(settings, databasePath, false)
  } catch {
    return null
  }
}

/** Reads a backup's header, unauthenticated: for listing and for naming a wrong key. Decryption authenticates it. */
export async function readBackupHeader(path: string): Promise<{ header: BackupHeader; headerEnd: number }> {
  const notBackup = new AppError('VALIDATION', `${path} is not a Casebook backup, or it is damaged.`)
  const handle = await open(path, 'r')
  try {
    const start = Buffer.alloc(MAGIC.length + 5)
    const { bytesRead } = await handle.read(start, 0, start.length, 0)
    if (bytesRead < start.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) throw notBackup
    if (start[MAGIC.length] !== FORMAT)
      throw new AppError('VALIDATION', `${path} was made by a newer Casebook (backup format ${start[MAGIC.length]}): install it to restore this backup.`)
    const length = start.readUInt32BE(MAGIC.length + 1)
    if (length > MAX_HEADER_BYTES) throw notBackup
    const json = Buffer.alloc(length)
    const read = await handle.read(json, 0, length, start.length)
    if (read.bytesRead < length) throw notBackup
    let parsed: unknown
    try {
      parsed = JSON.parse(json.toString('utf8'))
    } catch {
      throw notBackup
    }
    const header = backupHeader.safeParse(parsed)
    if (!header.success) throw notBackup
    return { header: header.data, headerEnd: start.length + length }
  } finally {
    await handle.close()
  }
}

/**
 * Decrypts a backup into `outPath` (a new file). A different key is named as such; a file altered or
 * cut short fails GCM's tag, and then `outPath` is removed by the caller's tidy-up, never used.
 */
export async function decryptFile(path: string, outPath: string, key: BackupKey, onBytes?: (bytes: number) => void): Promise<BackupHeader> {
  const { header, headerEnd } = await readBackupHeader(path)
  if (header.keyId !== key.keyId)
    throw new AppError(
      'VALIDATION',
      `This backup was encrypted with a different key (key ${header.keyId}); the key this machine holds is ${key.keyId} (${key.source}${key.path ? `: ${key.path}` : ''}). Ask IT for the key it was made with, and set backupKeyFile to it.`
    )
  const { size } = await stat(path)
  const ivEnd = headerEnd + IV_BYTES
  if (size < ivEnd + TAG_BYTES) throw new AppError('VALIDATION', `The backup ${path} is cut short: it cannot be restored.`)
  const handle = await open(path, 'r')
  const iv = Buffer.alloc(IV_BYTES)
  const tag = Buffer.alloc(TAG_BYTES)
  const prefix = Buffer.alloc(headerEnd)
  try {
    await handle.read(prefix, 0, headerEnd, 0)
    await handle.read(iv, 0, IV_BYTES, headerEnd)
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES)
  } finally {
    await handle.close()
  }
  const decipher = createDecipheriv('aes-256-gcm', key.key, iv)
  decipher.setAAD(prefix)
  decipher.setAuthTag(tag)
  const stages = [createReadStream(path, { start: ivEnd, end: size - TAG_BYTES - 1 }), ...(onBytes ? [counting(onBytes)] : []), decipher] as const
  try {
    await pipeline(...(stages as unknown as [NodeJS.ReadableStream, NodeJS.ReadWriteStream]), createWriteStream(outPath, { flags: 'wx' }))
  } catch (error) {
    if (/unable to authenticate|auth/i.test((error as Error).message ?? ''))
      throw new AppError('VALIDATION', `The backup ${path} is damaged or has been altered: its contents fail the encryption's check, so it cannot be restored.`)
    throw error
  }
  return header
}
