// Password hashing with scrypt at OWASP's parameters (N=2^17, r=8, p=1), a per-user salt, and a
// constant-time comparison. scrypt runs on libuv's thread pool, so a sign-in never blocks the core.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

export interface ScryptCost {
  N: number
  r: number
  p: number
}

export const OWASP_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }
const KEY_LENGTH = 32

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is below OWASP's 128 MiB.
  const maxmem = 256 * cost.N * cost.r
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)))
  )
}

export async function hashPassword(password: string, cost: ScryptCost = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export function hashCost(stored: string): ScryptCost | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  return { N: Number(parts[1]), r: Number(parts[2]), p: Number(parts[3]) }
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const cost = hashCost(stored)
  const parts = stored.split('$')
  if (!cost) return false
  const expected = Buffer.from(parts[5] as string, 'base64')
  const actual = await derive(password, Buffer.from(parts[4] as string, 'base64'), cost)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

let common: Set<string> | null = null

/**
 * True for a password on the list of the commonest (zxcvbn's, about 49,000), as typed or with
 * the digits and symbols people add to the end removed ("Sunshine2026!" is "sunshine").
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  if (!common) {
    const { dictionary } = await import('@zxcvbn-ts/language-common')
    common = new Set((dictionary as Record<string, string[]>)['passwords-common'])
  }
  const lower = password.toLowerCase()
  const stem = lower.replace(/[\d\W_]+$/, '')
  return common.has(lower) || (stem.length >= 4 && common.has(stem)) || /^(.)\1+$/.test(lower)
}
