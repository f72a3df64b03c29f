// A real PostgreSQL server for the tests and the bench (../../../../shared/PLATFORM.md): Debian's
// binaries, a cluster made in a temporary folder, listening on loopback on a free port and on a
// socket in that folder, stopped and deleted afterwards. Never an imitation: the tests are about what
// the real server does under several desks. The server refuses to run as root, so as root (CI) it
// runs as the `postgres` account, with the folder handed to it.
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, chownSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PostgresServer {
  host: string
  port: number
  /** The superuser the cluster was made with (trust authentication on loopback: a test server only). */
  user: string
  /** A connection URL for one database on this server. */
  url(database: string): string
  /** Stops the server as a power cut or a lost network would seem to a desk (its data kept). */
  pause(): Promise<void>
  /** Starts it again on the same port with the same data. */
  resume(): Promise<void>
  stop(): Promise<void>
}

const SUPERUSER = 'casebook'
/** Where Debian puts each major version's programs; PG_BIN overrides it. */
const DEBIAN_PROGRAMS = '/usr/lib/postgresql'

function programFolder(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  if (existsSync(DEBIAN_PROGRAMS)) {
    const newest = readdirSync(DEBIAN_PROGRAMS)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))[0]
    if (newest) return join(DEBIAN_PROGRAMS, newest, 'bin')
  }
  throw new Error(
    `PostgreSQL's programs were not found in ${DEBIAN_PROGRAMS}: install Debian's postgresql package (apt-get install postgresql), or set PG_BIN to the folder holding initdb and pg_ctl.`
  )
}

/** Who runs the server: this process, unless it is root, which PostgreSQL refuses. */
function serverAccount(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function run(program: string, args: string[], account: { uid: number; gid: number } | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(account ?? {}), env: { ...process.env, LC_ALL: 'C' } })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${program} ${args.join(' ')} failed (${code}):\n${output.slice(-3000)}`))))
  })
}

function tlsSettings(folder: string, tls: { certFile: string; keyFile: string }, account: { uid: number; gid: number } | null): string[] {
  const cert = join(folder, 'server.crt')
  const key = join(folder, 'server.key')
  copyFileSync(tls.certFile, cert)
  copyFileSync(tls.keyFile, key)
  for (const file of [cert, key]) {
    chmodSync(file, 0o600)
    if (account) chownSync(file, account.uid, account.gid)
  }
  return ['-c ssl=on', `-c ssl_cert_file=${cert}`, `-c ssl_key_file=${key}`]
}

/**
 * Starts a server of its own. `durable: false` (tests) turns off fsync and synchronous commit, which
 * only matter after a power cut, to keep a suite of hundreds of small databases quick; the bench keeps
 * them on, as a hub's server has them. `tls`: the server's certificate and key (PEM files), to accept
 * encrypted connections as a hub's server does; copied into the server's folder, where only its account
 * may read the key, as the server insists. `passwords`: every role but the superuser must give its
 * password (SCRAM), as on a hub's server, so that a desk's password from its variable or file is
 * really checked; the superuser stays trusted on loopback to set things up.
 */
export async function startPostgresServer(
  options: { durable?: boolean; tls?: { certFile: string; keyFile: string }; passwords?: boolean } = {}
): Promise<PostgresServer> {
  const bin = programFolder()
  const account = serverAccount()
  const folder = mkdtempSync(join(tmpdir(), 'casebook-pg-'))
  const data = join(folder, 'data')
  if (account) {
    chownSync(folder, account.uid, account.gid)
    chmodSync(folder, 0o700)
  }
  // C collation: the same byte order SQLite sorts text in, so both engines list things alike.
  await run(join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-instructions'], account)
  if (options.passwords) {
    // The first line that matches decides: the superuser is trusted, anyone else gives a password.
    const hba = join(data, 'pg_hba.conf')
    writeFileSync(
      hba,
      [
        `local all ${SUPERUSER} trust`,
        `host all ${SUPERUSER} 127.0.0.1/32 trust`,
        'local all all scram-sha-256',
        'host all all 127.0.0.1/32 scram-sha-256',
        ''
      ].join('\n')
    )
    if (account) chownSync(hba, account.uid, account.gid)
  }
  const settings = [
    '-c listen_addresses=127.0.0.1',
    `-k ${folder}`,
    '-c max_connections=200',
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ...(options.tls ? tlsSettings(folder, options.tls, account) : []),
    // A client that gives up mid-handshake (the driver, given no password to send, keeps its socket
    // open: brianc/node-postgres#2907) holds a backend until this runs out, and DROP DATABASE waits for it.
    ...(options.passwords ? ['-c authentication_timeout=2s'] : [])
  ]
  let port = 0
  const start = () =>
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} ${settings.join(' ')}`, 'start'], account)
  for (let attempt = 0; ; attempt++) {
    port = await freePort()
    try {
      await start()
      break
    } catch (error) {
      // Another process took the port between the probe and the start: try another, a few times.
      const log = existsSync(join(folder, 'server.log')) ? readFileSync(join(folder, 'server.log'), 'utf8') : ''
      if (attempt >= 3 || !/could not bind|Address already in use/i.test(log)) throw error
    }
  }
  let stopped = false
  return {
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    url: (database) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    pause: () => run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], account),
    resume: start,
    async stop() {
      if (stopped) return
      stopped = true
      await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], account).catch(() => undefined)
      rmSync(folder, { recursive: true, force: true })
    }
  }
}
