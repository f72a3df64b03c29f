// The desks' password, really checked: a server of its own that asks every role but its superuser for
// a password (SCRAM), as a hub's server does. The password comes from the variable or the file the
// machine-wide config names, never from the config; a wrong one is refused in plain words that never
// repeat it. (The project's shared server trusts loopback, so it cannot show any of this.)
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { openCasebook, type Casebook } from './casebook'
import { grantDeskRole } from './postgresRoles'
import { postgresConnection, type ConnectionOptions } from './postgresSettings'
import { startPostgresServer, type PostgresServer } from '../testing/postgresServer'
import { makeTestPostgresDatabase, type TestPostgresDatabase } from '../testing/postgresDatabase'
import { TEST_HUB, TEST_SCRYPT, unwrap } from '../testing/tempCasebook'

const DESK = 'hub_desk'
// Characters a URL or a connection string would need escaped: the driver is given it as it is.
const PASSWORD = 'correct horse: battery @ staple/#1'
const ADMIN_PASSWORD = 'a long admin passphrase'

let dir: string
let server: PostgresServer
let database: TestPostgresDatabase

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pg-passwords-'))
  server = await startPostgresServer({ passwords: true })
  const admin = new pg.Client({ connectionString: server.url('postgres') })
  await admin.connect()
  try {
    await admin.query(`CREATE ROLE ${DESK} LOGIN PASSWORD '${PASSWORD.replaceAll("'", "''")}'`)
  } finally {
    await admin.end()
  }
  // The tables made by the superuser (trusted), then the desks' role granted what it needs.
  database = await makeTestPostgresDatabase(server.url('postgres'))
  const made = await openCasebook({ databasePath: 'not used', postgres: database.connection, mode: 'create', passwordCost: TEST_SCRYPT, hub: TEST_HUB })
  try {
    await grantDeskRole(made.core.db, DESK)
    const admin = made.connect({ name: 'setup' })
    unwrap(
      await admin.invoke('auth.setUp', {
        hubName: 'Riverside Family Hub',
        hubCode: 'RV',
        localAuthorityCode: '330',
        displayName: 'Ada Admin',
        username: 'ada',
        password: ADMIN_PASSWORD,
        confirmPassword: ADMIN_PASSWORD
      })
    )
  } finally {
    await made.close()
  }
}, 60_000)
afterAll(async () => {
  await database?.drop()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const section = (more: Record<string, unknown>) => ({
  host: '127.0.0.1',
  port: server.port,
  database: database.connection.database,
  user: DESK,
  tls: 'disable',
  ...more
})

function passwordFile(name: string, content: string): string {
  const file = join(dir, name)
  writeFileSync(file, content)
  chmodSync(file, 0o600)
  return file
}

async function openDesk(settings: unknown, options: ConnectionOptions = {}): Promise<Casebook> {
  return openCasebook({ databasePath: 'not used', postgres: postgresConnection(settings, options), mode: 'existing', passwordCost: TEST_SCRYPT })
}

/** Opens as a desk, signs in and registers a family: the role's password was taken and it may write. */
async function registersAFamily(casebook: Casebook, [givenName, familyName]: [string, string]): Promise<string> {
  try {
    const desk = casebook.connect({ name: 'desk' })
    unwrap(await desk.invoke('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD }))
    const member = { kind: 'adult', givenName, familyName, dateOfBirth: '1990-02-01', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
    const family = unwrap<{ reference: string }>(
      await desk.invoke('families.register', {
        family: { addressLine1: '3 Mill Lane', town: 'Birmingham', postcode: 'B33 8TH', mainLanguage: 'English' },
        members: [{ member }]
      })
    )
    return family.reference
  } finally {
    await casebook.close()
  }
}

const refusal = (promise: Promise<Casebook>) =>
  promise.then(
    async (casebook) => {
      await casebook.close()
      return 'opened'
    },
    (error: Error) => error.message
  )

describe('a desk whose role must give its password', () => {
  it('opens with the password from the file the config names (its first line only), and saves', async () => {
    const file = passwordFile('desk.password', `${PASSWORD}\nnot the password\n`)
    expect(await registersAFamily(await openDesk(section({ passwordFile: file })), ['Nadia', 'Whitfield'])).toMatch(/^RV-\d{6}$/)
  })

  it('opens with the password from the environment variable the config names', async () => {
    const env = { ...process.env, CASEBOOK_DESK_PASSWORD: PASSWORD }
    expect(await registersAFamily(await openDesk(section({ passwordEnv: 'CASEBOOK_DESK_PASSWORD' }), { env }), ['Oluwaseun', 'Pemberton'])).toMatch(
      /^RV-\d{6}$/
    )
  })

  it('is refused without a password, and with a wrong one, in words that never repeat what was given', async () => {
    const wrong = 'Tr0ub4dor&3 not it'
    const file = passwordFile('wrong.password', `${wrong}\n`)
    const refused = `The hub's database server refused the password for ${DESK} (28P01). Nothing was changed. Ask IT to check the password in the variable or file the machine-wide config's postgres section names.`
    const message = await refusal(openDesk(section({ passwordFile: file })))
    expect(message).toBe(refused)
    expect(message).not.toContain(wrong)
    // No password at all: the server asks for one and the desk has none to give.
    expect(await refusal(openDesk(section({})))).toBe(
      `The hub's database server asks ${DESK} for a password, and the machine-wide config's postgres section names no passwordEnv or passwordFile to take it from. Nothing was changed. Ask IT to add one of them.`
    )
  })
})
