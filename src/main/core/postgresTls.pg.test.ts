// TLS to the hub's PostgreSQL server, on a real server of its own that takes encrypted connections
// with a certificate signed by a CA made here (openssl), as IT's own authority signs its server's:
// each TLS mode connects or is refused as IT would expect, and each refusal says why in plain words.
// The project's shared server takes no TLS: it stands for a server that does not offer it.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCasebook } from './casebook'
import { postgresDataSource } from './postgres'
import { postgresConnection } from './postgresSettings'
import { startPostgresServer, type PostgresServer } from '../testing/postgresServer'
import { testPostgresAdminUrl } from '../testing/postgresDatabase'

let dir: string
let server: PostgresServer
const file = (name: string) => join(dir, name)
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' })

/** A CA, and a server certificate it signs naming `localhost` only (so 127.0.0.1 is not a name on it). */
function makeCertificates(): void {
  for (const ca of ['ca', 'other-ca'])
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=Casebook test ${ca}`,
      '-keyout',
      file(`${ca}.key`),
      '-out',
      file(`${ca}.pem`)
    )
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', file('server.key'), '-out', file('server.csr'))
  writeFileSync(file('server.ext'), 'subjectAltName=DNS:localhost\n')
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('server.ext'),
    '-out',
    file('server.crt')
  )
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pg-tls-'))
  makeCertificates()
  server = await startPostgresServer({ tls: { certFile: file('server.crt'), keyFile: file('server.key') } })
}, 60_000)
afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const settings = (tls: string, more: Record<string, unknown> = {}) => ({
  host: 'localhost',
  port: server.port,
  database: 'postgres',
  user: server.user,
  tls,
  ...more
})

/** Whether the connection the settings make is encrypted, as the server sees it. */
async function encrypted(section: unknown): Promise<boolean> {
  const dataSource = postgresDataSource(postgresConnection(section))
  await dataSource.initialize()
  try {
    const [row] = (await dataSource.query(`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`)) as { ssl: boolean }[]
    return row!.ssl
  } finally {
    await dataSource.destroy()
  }
}

/** What a desk opening with these settings is told. */
async function refusal(section: unknown): Promise<string> {
  return openCasebook({ databasePath: 'not used', postgres: postgresConnection(section), mode: 'existing' }).then(
    async (casebook) => {
      await casebook.close()
      return 'opened'
    },
    (error: Error) => error.message
  )
}

describe('TLS to the hub’s server', () => {
  it('connects encrypted, checking the server against IT’s CA and its name (verify-full)', async () => {
    expect(await encrypted(settings('verify-full', { caFile: file('ca.pem') }))).toBe(true)
  })

  it('connects encrypted to a name not on the certificate with verify-ca, and without checking with require', async () => {
    expect(await encrypted(settings('verify-ca', { host: '127.0.0.1', caFile: file('ca.pem') }))).toBe(true)
    expect(await encrypted(settings('require'))).toBe(true)
  })

  it('refuses a server whose name is not on its certificate (verify-full)', async () => {
    expect(await refusal(settings('verify-full', { host: '127.0.0.1', caFile: file('ca.pem') }))).toBe(
      `The hub's database server at 127.0.0.1:${server.port} did not prove who it is (ERR_TLS_CERT_ALTNAME_INVALID): its certificate is not signed by the authority in caFile, or does not name 127.0.0.1. Nothing was sent to it. Ask IT to check caFile and host in the machine-wide config's postgres section.`
    )
  })

  it('refuses a server whose certificate another authority signed', async () => {
    for (const tls of ['verify-full', 'verify-ca'])
      expect(await refusal(settings(tls, { caFile: file('other-ca.pem') }))).toMatch(
        new RegExp(
          `^The hub's database server at localhost:${server.port} did not prove who it is \\((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\\)`
        )
      )
  })

  it('refuses a server that takes no encrypted connections', async () => {
    const plain = new URL(testPostgresAdminUrl()!)
    expect(await refusal({ host: '127.0.0.1', port: Number(plain.port), database: 'postgres', user: 'casebook', tls: 'require' })).toBe(
      `The hub's database server at 127.0.0.1:${plain.port} does not accept encrypted connections. Nothing was sent to it. Ask IT to turn TLS on at the server.`
    )
  })
})

describe('a server a desk cannot use', () => {
  it('is said to be out of reach when nothing answers', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo
        probe.close(() => resolve(port))
      })
    })
    expect(await refusal({ host: '127.0.0.1', port, database: 'casebook', user: 'casebook', tls: 'disable' })).toBe(
      `Casebook cannot reach the hub's database server at 127.0.0.1:${port} (ECONNREFUSED). Nothing was saved. Check this computer's network connection; if other desks cannot reach it either, ask IT to check the server.`
    )
  })

  it('names a database that is not on the server', async () => {
    expect(await refusal({ host: '127.0.0.1', port: server.port, database: 'no_such_hub', user: server.user, tls: 'require' })).toBe(
      `There is no database no_such_hub on the server at 127.0.0.1:${server.port} (3D000). Nothing was changed. Ask IT to check database in the machine-wide config's postgres section.`
    )
  })
})
