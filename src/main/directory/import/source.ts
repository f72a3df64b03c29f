// Where a feed is and how its JSON is read: over http(s) with Node's fetch (a time limit and a size
// limit on every answer), or from a file IT saved. Every failure is an AppError saying what and
// where, and that nothing in the directory changed.
import { readFile, stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { AppError } from '../../core/errors'
import { MAX_DOCUMENT_BYTES, REQUEST_TIMEOUT_MS } from './limits'

export const NOTHING_CHANGED = 'Nothing in the directory was changed.'

export type FeedLocation = { kind: 'url'; url: URL } | { kind: 'file'; path: string }

/** A feed that is not in the shape of Open Referral UK, or breaks a limit: refused whole. */
export function feedRefused(reason: string): AppError {
  return new AppError('VALIDATION', `The directory feed was not imported: ${reason}. ${NOTHING_CHANGED}`)
}

/**
 * An address as Casebook writes it in messages and on the audit trail: a feed's key or password (in
 * its query or before its host) is IT's secret, so its values are left out. Paging is not a secret.
 */
export function shownAddress(url: URL): string {
  const shown = new URL(url)
  shown.username = ''
  shown.password = ''
  for (const key of [...new Set(shown.searchParams.keys())]) if (key !== 'page') shown.searchParams.set(key, '…')
  return decodeURI(shown.href)
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

export function feedLocation(feed: string): FeedLocation {
  const text = feed.trim()
  if (/^https?:\/\//i.test(text)) {
    try {
      return { kind: 'url', url: new URL(text) }
    } catch {
      throw feedRefused(`its address, ${text}, is not a web address`)
    }
  }
  if (/^file:\/\//i.test(text)) return { kind: 'file', path: fileURLToPath(text) }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) throw feedRefused(`Casebook reads a feed over https or http, or from a file, and ${text} is neither`)
  return { kind: 'file', path: text }
}

/** The JSON at an address: one GET, within the time and size limits. */
export async function fetchJson(url: URL): Promise<unknown> {
  const unreachable = (why: string) =>
    new AppError(
      'UNAVAILABLE',
      `Casebook could not read the directory feed at ${shownAddress(url)}: ${why}. ${NOTHING_CHANGED} Try again later, or ask IT to check the address.`
    )
  let response: Response
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, redirect: 'follow', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  } catch (error) {
    throw unreachable(networkProblem(error))
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined)
    throw unreachable(`it answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`)
  }
  const declared = Number(response.headers.get('content-length'))
  if (declared > MAX_DOCUMENT_BYTES) {
    await response.body?.cancel().catch(() => undefined)
    throw feedRefused(`the answer from ${shownAddress(url)} is ${megabytes(declared)}, more than the ${megabytes(MAX_DOCUMENT_BYTES)} Casebook reads`)
  }
  let text: string
  try {
    text = await boundedText(response, url)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw unreachable(networkProblem(error))
  }
  return parseJson(text, shownAddress(url))
}

async function boundedText(response: Response, url: URL): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder('utf-8')
  let size = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_DOCUMENT_BYTES) {
      await reader.cancel().catch(() => undefined)
      throw feedRefused(`the answer from ${shownAddress(url)} is more than the ${megabytes(MAX_DOCUMENT_BYTES)} Casebook reads`)
    }
    text += decoder.decode(value, { stream: true })
  }
  return text + decoder.decode()
}

function networkProblem(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `it did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`
  const code = e?.cause?.code
  if (code === 'ECONNREFUSED') return 'nothing answered there (connection refused)'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'its name could not be found (no network, or a mistyped address)'
  if (code) return `the connection failed (${code})`
  return 'the connection failed'
}

/** The JSON in a file IT saved. */
export async function readJsonFile(path: string): Promise<unknown> {
  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) throw feedRefused(`${path} is a folder, not a file`)
    size = info.size
  } catch (error) {
    if (error instanceof AppError) throw error
    throw fileProblem(path, error)
  }
  if (size > MAX_DOCUMENT_BYTES) throw feedRefused(`the file ${path} is ${megabytes(size)}, more than the ${megabytes(MAX_DOCUMENT_BYTES)} Casebook reads`)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw fileProblem(path, error)
  }
  return parseJson(text, path)
}

function fileProblem(path: string, error: unknown): AppError {
  const code = (error as { code?: string })?.code
  if (code === 'ENOENT')
    return new AppError('NOT_FOUND', `There is no directory feed file at ${path}. ${NOTHING_CHANGED} Ask IT to check the directoryFeed setting.`)
  const why = code === 'EACCES' || code === 'EPERM' ? 'this user may not read it' : `it could not be read${code ? ` (${code})` : ''}`
  return new AppError('UNAVAILABLE', `Casebook could not read the directory feed file ${path}: ${why}. ${NOTHING_CHANGED}`)
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    // The parser's own wording is for developers; where it stopped is what helps.
    const at = /position (\d+)/.exec(String((error as Error).message))?.[1]
    throw feedRefused(`${where} is not JSON${at ? ` (it goes wrong at character ${Number(at) + 1})` : ''}`)
  }
}
