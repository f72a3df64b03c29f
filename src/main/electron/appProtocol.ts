// The page comes from app://casebook/, a privileged scheme of the app's own, rather than file://:
// a file:// page shares its origin with every other file on the disk (and with file://anyhost/),
// and Electron grants it extra privileges. The handler serves files from the built renderer folder
// and nothing else, each with its MIME type and the Content-Security-Policy header.
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'
import type { CustomScheme } from 'electron'
import { CONTENT_SECURITY_POLICY } from './security'

export const APP_SCHEME = 'app'
export const APP_HOST = 'casebook'
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Standard: relative URLs, and an origin of its own (app://casebook), as https has. Secure: a
 * secure context, as a page on https is. supportFetchAPI: the page's module scripts load from its
 * own origin. Not corsEnabled: that would let any other origin read it. Not bypassCSP: the policy
 * applies to it like any page.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.json': 'application/json'
}

const answer = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/**
 * The file a URL names inside `root`, or null for anything else: another scheme or host, a user
 * or port, a segment that is empty, `.` or `..` (plain or percent-encoded), or one that hides a
 * separator, a drive or a NUL. Checked segment by segment, then again on the resolved path.
 */
export function appFilePath(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null
  const segments = parsed.pathname === '/' ? ['index.html'] : parsed.pathname.slice(1).split('/')
  const names: string[] = []
  for (const segment of segments) {
    let name: string
    try {
      name = decodeURIComponent(segment)
    } catch {
      return null
    }
    if (name === '' || name === '.' || name === '..' || /[/\\:\0]/.test(name)) return null
    names.push(name)
  }
  const base = resolve(root)
  const file = resolve(base, join(...names))
  const inside = relative(base, file)
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? file : null
}

/** What protocol.handle calls for app://: GET and HEAD of the renderer's own files. */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed')
    if (!URL.canParse(request.url)) return answer(404, 'Not found')
    const url = new URL(request.url)
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return answer(403, 'Forbidden')
    const file = appFilePath(root, request.url)
    if (!file) return answer(404, 'Not found')
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return answer(404, 'Not found')
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff'
      }
    })
  }
}
