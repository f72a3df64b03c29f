// IT's PostgreSQL settings, good and bad, each bad one refused with the message IT reads: real files in a
// temporary folder for the password and the CA, with the permissions a desk would have.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { postgresConnection } from './postgresSettings'
import { readMachineConfig, resolveDatabasePath } from './config'

const dir = mkdtempSync(join(tmpdir(), 'pg-settings-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const file = (name: string, text: string, mode = 0o600) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  chmodSync(path, mode)
  return path
}
const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'
const ca = file('ca.pem', CA_PEM, 0o644)
const notPem = file('ca.txt', 'not a certificate', 0o644)
const secret = file('password', 'desk secret\n')
const openToAll = file('password-644', 'desk secret\n', 0o644)
const emptyPassword = file('password-empty', '')
const missing = join(dir, 'no-such-file')
mkdirSync(join(dir, 'folder'))
const env = { CASEBOOK_PG_PASSWORD: 'from the environment' }

const server = { host: 'db.hub.local', database: 'casebook', user: 'casebook_desk', caFile: ca }

describe('a good PostgreSQL section gives the connection', () => {
  it.each([
    [
      'verify-full by default, the password from a variable',
      { ...server, passwordEnv: 'CASEBOOK_PG_PASSWORD' },
      {
        host: 'db.hub.local',
        port: 5432,
        database: 'casebook',
        user: 'casebook_desk',
        password: 'from the environment',
        ssl: { rejectUnauthorized: true, ca: CA_PEM }
      }
    ],
    [
      'the password from a file only its owner reads (first line only)',
      { ...server, port: 6543, passwordFile: secret },
      { port: 6543, password: 'desk secret', ssl: { rejectUnauthorized: true, ca: CA_PEM } }
    ],
    [
      'require: encrypted, the server not checked, no CA needed',
      { host: 'db.hub.local', database: 'casebook', user: 'd', tls: 'require' },
      { ssl: { rejectUnauthorized: false }, password: null }
    ],
    ['disable on loopback', { host: '127.0.0.1', database: 'casebook', user: 'd', tls: 'disable' }, { host: '127.0.0.1', ssl: false }],
    ['disable on localhost', { host: 'localhost', database: 'casebook', user: 'd', tls: 'disable' }, { ssl: false }],
    ['disable over a Unix socket', { host: '/var/run/postgresql', database: 'casebook', user: 'd', tls: 'disable' }, { ssl: false }],
    [
      'an address without a password',
      { url: 'postgres://casebook_desk@db.hub.local:5433/hub%20one', caFile: ca },
      { host: 'db.hub.local', port: 5433, database: 'hub one', user: 'casebook_desk' }
    ]
  ])('%s', (_name, section, expected) => {
    expect(postgresConnection(section, { env, platform: 'linux' })).toMatchObject(expected)
  })

  it('checks the server against the CA but not its name with verify-ca', () => {
    const ssl = postgresConnection({ ...server, tls: 'verify-ca' }, { env }).ssl
    expect(ssl).toMatchObject({ rejectUnauthorized: true, ca: CA_PEM })
    expect(ssl && ssl.checkServerIdentity?.()).toBeUndefined()
  })

  it("leaves a password file's permissions to its ACL on Windows, which Node cannot read", () => {
    expect(postgresConnection({ ...server, passwordFile: openToAll }, { env, platform: 'win32' }).password).toBe('desk secret')
  })
})

describe('a bad PostgreSQL section is refused, saying why', () => {
  it.each([
    [
      'a password in the file',
      { ...server, password: 'hunter2' },
      'The PostgreSQL settings have a problem: password: the password is never kept in the config file, which every account on the desk can read: name an environment variable that holds it with passwordEnv, or a file only the account running Casebook can read with passwordFile'
    ],
    [
      'a password in the address',
      { url: 'postgres://casebook_desk:hunter2@db.hub.local/casebook', caFile: ca },
      'url: holds a password (after the colon that follows the user name): remove it from the address, because the password is never kept in the config file'
    ],
    [
      'settings in the address',
      { url: 'postgres://d@db.hub.local/casebook?sslmode=disable', caFile: ca },
      'url: has settings after a "?": put TLS settings in tls and caFile'
    ],
    [
      'not a PostgreSQL address',
      { url: 'https://db.hub.local/casebook', caFile: ca },
      'url: not a PostgreSQL address: write it as postgres://user@server:5432/database'
    ],
    ['an address without its database', { url: 'postgres://d@db.hub.local', caFile: ca }, 'url: needs the user, the server and the database'],
    ['an address and its parts', { ...server, url: 'postgres://d@db.hub.local/casebook' }, 'url: give either url, or host, port, database and user, not both'],
    ['no server', { database: 'casebook', user: 'd', caFile: ca }, 'host: needed (or give url: postgres://user@server:5432/database)'],
    ['no user', { host: 'db.hub.local', database: 'casebook', caFile: ca }, 'user: needed'],
    [
      'disable over the network',
      { ...server, tls: 'disable' },
      "tls: disable is allowed only for a server on this computer (localhost), and db.hub.local is not one: the password and the hub's records would cross the network unencrypted. Use verify-full with caFile"
    ],
    ['an unknown TLS mode', { ...server, tls: 'prefer' }, 'tls: one of disable, require, verify-ca or verify-full'],
    [
      'verify-full without a CA',
      { host: 'db.hub.local', database: 'casebook', user: 'd' },
      "caFile: needed for tls verify-full: the file (PEM) holding the certificate of the authority that signed the server's certificate"
    ],
    ['verify-ca without a CA', { host: 'db.hub.local', database: 'casebook', user: 'd', tls: 'verify-ca' }, 'caFile: needed for tls verify-ca'],
    ['both a variable and a file', { ...server, passwordEnv: 'X', passwordFile: secret }, 'passwordFile: give passwordEnv or passwordFile, not both'],
    [
      'the password where its variable goes',
      { ...server, passwordEnv: 'hunter 2!' },
      'passwordEnv: the name of an environment variable (letters, digits and _), not the password'
    ],
    ['a port out of range', { ...server, port: 70000 }, 'port:'],
    ['a misspelt setting', { ...server, pasword_file: secret }, 'Unrecognized key: "pasword_file"'],
    [
      'a variable that is not set',
      { ...server, passwordEnv: 'CASEBOOK_NOT_SET' },
      'The environment variable CASEBOOK_NOT_SET (passwordEnv in the PostgreSQL settings) is not set for the account running Casebook, so it has no password for casebook_desk. Set it for that account, or use passwordFile.'
    ],
    [
      'a password file others can read',
      { ...server, passwordFile: openToAll },
      `The password file ${openToAll} can be read or changed by other accounts on this computer (its mode is 644). Make it readable only by the account running Casebook: chmod 600 ${openToAll}, owned by that account.`
    ],
    [
      'a password file that is not there',
      { ...server, passwordFile: missing },
      `Casebook cannot read the password file ${missing} (passwordFile in the PostgreSQL settings): there is no such file.`
    ],
    [
      'an empty password file',
      { ...server, passwordFile: emptyPassword },
      `The password file ${emptyPassword} is empty: its first line must be the password for casebook_desk.`
    ],
    [
      'a CA file that is not there',
      { ...server, caFile: missing },
      `Casebook cannot read the CA file ${missing} (caFile in the PostgreSQL settings): there is no such file.`
    ],
    [
      'a CA file that is a folder',
      { ...server, caFile: join(dir, 'folder') },
      `Casebook cannot read the CA file ${join(dir, 'folder')} (caFile in the PostgreSQL settings): it is a folder.`
    ],
    [
      'a CA file with no certificate',
      { ...server, caFile: notPem },
      `The CA file ${notPem} (caFile in the PostgreSQL settings) holds no certificate: it must be PEM text beginning -----BEGIN CERTIFICATE-----.`
    ]
  ])('%s', (_name, section, message) => {
    expect(() => postgresConnection(section, { env, platform: 'linux' })).toThrow(message)
  })
})

describe('the machine-wide config file', () => {
  const config = (name: string, json: unknown) => file(name, JSON.stringify(json), 0o644)

  it('names the shared database for every desk, without its password', () => {
    const path = config('pg.json', { postgres: { ...server, passwordEnv: 'CASEBOOK_PG_PASSWORD' } })
    expect(resolveDatabasePath({ env: { CASEBOOK_CONFIG: path } })).toMatchObject({
      path: 'postgres://casebook_desk@db.hub.local:5432/casebook',
      source: 'machine config',
      postgres: { host: 'db.hub.local', tls: 'verify-full', passwordEnv: 'CASEBOOK_PG_PASSWORD' }
    })
    // A file named on the command line still wins, as it always has.
    expect(resolveDatabasePath({ argv: ['--db', '/desk/own.sqlite'], env: { CASEBOOK_CONFIG: path } })).toEqual({
      path: '/desk/own.sqlite',
      source: 'argument'
    })
  })

  it("takes the README's example as it stands", () => {
    const example = join(__dirname, '../../../resources/casebook.machine.postgres.example.json')
    expect(readMachineConfig(example).postgres).toEqual({
      host: 'casebook-db.hub.example.gov.uk',
      port: 5432,
      database: 'casebook',
      user: 'casebook_desk',
      tls: 'verify-full',
      caFile: 'C:\\ProgramData\\Casebook\\hub-ca.pem',
      passwordFile: 'C:\\ProgramData\\Casebook\\postgres-password.txt'
    })
  })

  it('refuses a password in it, naming the file', () => {
    const path = config('password.json', { postgres: { ...server, password: 'hunter2' } })
    expect(() => readMachineConfig(path)).toThrow(
      `The machine-wide config file ${path} has a problem: postgres.password: the password is never kept in the config file`
    )
  })

  it('refuses both a file and a server, saying which to remove', () => {
    const path = config('both.json', { databasePath: 'C:\\Casebook\\casebook.sqlite', postgres: { ...server, passwordEnv: 'X' } })
    expect(() => readMachineConfig(path)).toThrow(
      `The machine-wide config file ${path} names two databases: databasePath (a file) and postgres (a shared server). Remove databasePath if this desk shares the hub's PostgreSQL database, or postgres if it keeps its own file.`
    )
  })
})
