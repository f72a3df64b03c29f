// `migrate --postgres`: IT creates or upgrades the hub's shared tables, as the owner role, at install
// and after every upgrade of Casebook, then gives the desks' role exactly what it needs
// (../core/postgresRoles). The server, database, TLS and CA come from the machine-wide config's
// postgres section; the owner's name and password from the command, never from the desks' config.
import { openCasebook } from '../core/casebook'
import { describePostgres } from '../core/postgres'
import { postgresConnection, type PostgresSettings } from '../core/postgresSettings'
import { grantDeskRole } from '../core/postgresRoles'
import type { HubRecord } from '../../shared/hub/schemas'
import type { Log } from '../log/log'

export interface MigrateOptions {
  /** The machine-wide config's postgres section: its user is the desks' role. */
  settings: PostgresSettings
  owner: string
  ownerPasswordEnv?: string
  ownerPasswordFile?: string
  /** The hub's settings, for a database that has none yet. */
  hub: HubRecord
  env?: NodeJS.ProcessEnv
  log: Log
  out: (line: string) => void
}

export async function migrateCommand(options: MigrateOptions): Promise<number> {
  const { settings, out } = options
  const deskRole = settings.user
  if (options.owner === deskRole) {
    out(
      `The owner role must not be the desks' role (${deskRole}): a desk that owned the tables could drop them. Give the owner role, which IT keeps for migrating, with --owner.`
    )
    return 2
  }
  const connection = postgresConnection(
    { ...settings, user: options.owner, passwordEnv: options.ownerPasswordEnv, passwordFile: options.ownerPasswordFile },
    { env: options.env }
  )
  const where = describePostgres(connection)
  const casebook = await openCasebook({
    databasePath: where,
    postgres: connection,
    mode: 'create',
    source: 'machine config',
    hub: options.hub,
    log: options.log
  })
  try {
    const ran = (await casebook.core.db.query(`SELECT name FROM migrations ORDER BY id`)) as { name: string }[]
    out(`Tables up to date: ${where} (${ran.length} migrations, the last ${ran.at(-1)?.name ?? 'none'})`)
    const granted = await grantDeskRole(casebook.core.db, deskRole)
    options.log.info('database.granted', { role: deskRole, tables: granted.length })
    out(`The desks' role ${deskRole} may now read and write records in ${granted.length} tables, and cannot alter or drop any of them.`)
    return 0
  } finally {
    await casebook.close()
  }
}
