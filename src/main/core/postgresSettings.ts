// How IT points a desk at the hub's shared PostgreSQL database (issue 13): the machine-wide config's
// `postgres` section, and the connection made from it. The config file is readable by every account
// on the desk, so the password is never in it: it comes from an environment variable or from a file
// only the account running Casebook can read. TLS is on, and checks the server against IT's CA,
// unless IT says otherwise; unencrypted is allowed only to a server on the desk itself.
import { readFileSync, statSync } from 'node:fs'
import { z } from 'zod'
import type { PostgresConnection } from './postgres'

export const POSTGRES_TLS_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const
export type PostgresTlsMode = (typeof POSTGRES_TLS_MODES)[number]

const NOT_HERE =
  'the password is never kept in the config file, which every account on the desk can read: name an environment variable that holds it with passwordEnv, or a file only the account running Casebook can read with passwordFile'
const ADDRESS = 'postgres://user@server:5432/database'

/** A server on the desk itself: a connection to it never crosses the network (a folder is a Unix socket's). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === '[::1]' || host.startsWith('/')
}

interface Parts {
  host: string
  port: number
  database: string
  user: string
}

/** The parts of `url`, or why it cannot be used. */
function partsOfUrl(text: string): Parts | string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return `not an address Casebook can read: write it as ${ADDRESS}`
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return `not a PostgreSQL address: write it as ${ADDRESS}`
  if (url.password) return `holds a password (after the colon that follows the user name): remove it from the address, because ${NOT_HERE}`
  if (url.search) return 'has settings after a "?": put TLS settings in tls and caFile, and nothing else in the address'
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  const user = decodeURIComponent(url.username)
  if (!url.hostname || !database || !user) return `needs the user, the server and the database: ${ADDRESS}`
  return { host: url.hostname, port: url.port ? Number(url.port) : 5432, database, user }
}

/** The machine-wide config's `postgres` section, as IT writes it. */
export const postgresSettingsSchema = z
  .strictObject({
    /** The server, database and user as one address (no password), instead of host, port, database and user. */
    url: z.string().min(1).optional(),
    host: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    database: z.string().min(1).optional(),
    /** The desks' role: see the README for what it may do. */
    user: z.string().min(1).optional(),
    tls: z.enum(POSTGRES_TLS_MODES, { error: 'one of disable, require, verify-ca or verify-full' }).default('verify-full'),
    /** The certificate (PEM) of the authority that signed the server's certificate: needed for verify-ca and verify-full. */
    caFile: z.string().min(1).optional(),
    /** The name of the environment variable holding the password. */
    passwordEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'the name of an environment variable (letters, digits and _), not the password' })
      .optional(),
    /** A file holding the password (only its first line is read), readable only by the account running Casebook. */
    passwordFile: z.string().min(1).optional(),
    password: z.never({ error: NOT_HERE }).optional()
  })
  .superRefine((s, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    let host = s.host
    if (s.url !== undefined) {
      if (s.host !== undefined || s.port !== undefined || s.database !== undefined || s.user !== undefined)
        problem('url', 'give either url, or host, port, database and user, not both')
      const parts = partsOfUrl(s.url)
      if (typeof parts === 'string') problem('url', parts)
      else host = parts.host
    } else {
      for (const key of ['host', 'database', 'user'] as const) if (s[key] === undefined) problem(key, `needed (or give url: ${ADDRESS})`)
    }
    if (s.passwordEnv !== undefined && s.passwordFile !== undefined) problem('passwordFile', 'give passwordEnv or passwordFile, not both')
    if (s.tls === 'disable' && host !== undefined && !isLoopback(host))
      problem(
        'tls',
        `disable is allowed only for a server on this computer (localhost), and ${host} is not one: the password and the hub's records would cross the network unencrypted. Use verify-full with caFile`
      )
    if ((s.tls === 'verify-ca' || s.tls === 'verify-full') && s.caFile === undefined)
      problem('caFile', `needed for tls ${s.tls}: the file (PEM) holding the certificate of the authority that signed the server's certificate`)
  })
  .transform((s) => {
    const parts = s.url !== undefined ? (partsOfUrl(s.url) as Parts) : { host: s.host!, port: s.port ?? 5432, database: s.database!, user: s.user! }
    return { ...parts, tls: s.tls, caFile: s.caFile, passwordEnv: s.passwordEnv, passwordFile: s.passwordFile }
  })
export type PostgresSettings = z.output<typeof postgresSettingsSchema>

export interface ConnectionOptions {
  env?: NodeJS.ProcessEnv
  /** Whose file permissions apply: POSIX modes are checked; Windows' ACLs cannot be from Node (the README says what they must be). */
  platform?: NodeJS.Platform
}

/**
 * The connection a desk (or IT's migrate command) opens, from IT's settings: the password read from
 * its variable or file, the CA file read, TLS set as IT asked. Everything is read now, at start, and
 * a problem is refused with a message naming the setting, the file or the variable, and the fix.
 */
export function postgresConnection(section: unknown, options: ConnectionOptions = {}): PostgresConnection {
  const parsed = postgresSettingsSchema.safeParse(section)
  if (!parsed.success)
    throw new Error(`The PostgreSQL settings have a problem: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'postgres'}: ${i.message}`).join('; ')}`)
  const s = parsed.data
  const env = options.env ?? process.env
  const platform = options.platform ?? process.platform
  return {
    host: s.host,
    port: s.port,
    database: s.database,
    user: s.user,
    password: passwordOf(s, env, platform),
    ssl: tlsOf(s)
  }
}

function passwordOf(s: PostgresSettings, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  if (s.passwordEnv !== undefined) {
    const value = env[s.passwordEnv]
    if (!value)
      throw new Error(
        `The environment variable ${s.passwordEnv} (passwordEnv in the PostgreSQL settings) is not set for the account running Casebook, so it has no password for ${s.user}. Set it for that account, or use passwordFile.`
      )
    return value
  }
  if (s.passwordFile === undefined) return null
  const file = s.passwordFile
  let mode: number
  try {
    mode = statSync(file).mode
  } catch (error) {
    throw new Error(`Casebook cannot read the password file ${file} (passwordFile in the PostgreSQL settings): ${codeOf(error)}.`, { cause: error })
  }
  // A password others on the desk can read is one they can use: refused before it is read.
  if (platform !== 'win32' && (mode & 0o077) !== 0)
    throw new Error(
      `The password file ${file} can be read or changed by other accounts on this computer (its mode is ${(mode & 0o777).toString(8)}). Make it readable only by the account running Casebook: chmod 600 ${file}, owned by that account.`
    )
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new Error(`Casebook cannot read the password file ${file} (passwordFile in the PostgreSQL settings): ${codeOf(error)}.`, { cause: error })
  }
  const password = text.split(/\r?\n/)[0] ?? ''
  if (!password) throw new Error(`The password file ${file} is empty: its first line must be the password for ${s.user}.`)
  return password
}

function tlsOf(s: PostgresSettings): PostgresConnection['ssl'] {
  if (s.tls === 'disable') return false
  // Encrypted, but whoever answers is believed: IT's choice where it has no CA to give.
  if (s.tls === 'require') return { rejectUnauthorized: false }
  const file = s.caFile!
  let ca: string
  try {
    ca = readFileSync(file, 'utf8')
  } catch (error) {
    throw new Error(`Casebook cannot read the CA file ${file} (caFile in the PostgreSQL settings): ${codeOf(error)}.`, { cause: error })
  }
  if (!ca.includes('-----BEGIN CERTIFICATE-----'))
    throw new Error(`The CA file ${file} (caFile in the PostgreSQL settings) holds no certificate: it must be PEM text beginning -----BEGIN CERTIFICATE-----.`)
  // verify-ca: signed by IT's authority, whatever name the certificate gives (a server reached by an address not on it).
  return s.tls === 'verify-ca' ? { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined } : { rejectUnauthorized: true, ca }
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'there is no such file'
  if (code === 'EACCES' || code === 'EPERM') return `this account may not read it (${code})`
  if (code === 'EISDIR') return 'it is a folder'
  return code ?? String(error)
}
