// `move-to-postgres --from <file.sqlite> --to <config file or postgresql:// address>`: IT moves a
// single-desk hub into the hub's new, empty shared database (../move/moveToPostgres). The target is
// reached as the owner role, as `migrate --postgres` reaches it: from a machine-wide config file's
// postgres section (server, database, TLS and CA; its user is the desks' role, granted afterwards)
// with --owner, or from an address naming the owner role itself. The owner's password comes from
// --owner-password-env or --owner-password-file, never from the command line or the config.
import { existsSync } from 'node:fs'
import { resolve as resolvePath } from 'node:path'
import { readMachineConfig } from '../core/config'
import type { PostgresConnection } from '../core/postgres'
import { isLoopback, postgresConnection } from '../core/postgresSettings'
import { MIGRATE_COMMAND } from '../core/postgresRoles'
import { moveToPostgres, MoveRefusal } from '../move/moveToPostgres'
import type { Log } from '../log/log'

export interface MoveCommandOptions {
  from?: string
  to?: string
  owner?: string
  ownerPasswordEnv?: string
  ownerPasswordFile?: string
  /** The CA's certificate, for an address of a server on another computer (a config file names its own). */
  caFile?: string
  env?: NodeJS.ProcessEnv
  /** Who runs it, for the move's audit entry (`cli:<user>`). */
  actor: string
  log: Log
  out: (line: string) => void
  onProgress?: (done: number, total: number) => void
}

const ADDRESS = /^postgres(ql)?:\/\//i

/** The owner's connection and the desks' role, or why they cannot be had. */
function targetOf(options: MoveCommandOptions, to: string): { connection: PostgresConnection; deskRole: string | null } | string {
  const password = { passwordEnv: options.ownerPasswordEnv, passwordFile: options.ownerPasswordFile }
  if (ADDRESS.test(to)) {
    if (options.owner) return `--to ${to} names the role the copy connects as (its user, the owner role): leave out --owner.`
    let host = ''
    try {
      host = new URL(to).hostname
    } catch {
      // postgresConnection says what is wrong with the address.
    }
    // Unencrypted only to a server on this computer, as for a desk: anywhere else, checked against IT's CA.
    const tls = isLoopback(host) ? 'disable' : 'verify-full'
    return { connection: postgresConnection({ url: to, tls, caFile: options.caFile, ...password }, { env: options.env }), deskRole: null }
  }
  const file = resolvePath(to)
  if (!existsSync(file))
    return `There is no config file ${file}. Give --to a machine-wide config file with a postgres section, or an address: postgresql://<owner role>@<server>:5432/<database>.`
  const settings = readMachineConfig(file).postgres
  if (!settings) return `The config file ${file} has no postgres section naming the hub's database.`
  if (!options.owner) return `move-to-postgres --to <config file> needs --owner <role>: the role that owns the tables, not the desks' role (${settings.user}).`
  if (options.owner === settings.user)
    return `The owner role must not be the desks' role (${settings.user}): a desk that owned the tables could drop them. Give the owner role, which IT keeps for migrating, with --owner.`
  return { connection: postgresConnection({ ...settings, user: options.owner, ...password }, { env: options.env }), deskRole: settings.user }
}

export async function moveCommand(options: MoveCommandOptions): Promise<number> {
  const { out } = options
  if (!options.from || !options.to) {
    out(
      "move-to-postgres needs --from <the hub's SQLite file> and --to <a machine-wide config file with a postgres section, or postgresql://<owner role>@<server>:5432/<database>>."
    )
    return 2
  }
  const from = resolvePath(options.from)
  let target: ReturnType<typeof targetOf>
  try {
    target = targetOf(options, options.to)
  } catch (error) {
    out(error instanceof Error ? error.message : String(error))
    return 2
  }
  if (typeof target === 'string') {
    out(target)
    return 2
  }
  try {
    const moved = await moveToPostgres({
      from,
      to: target.connection,
      deskRole: target.deskRole,
      actor: options.actor,
      log: options.log,
      onProgress: options.onProgress
    })
    out(`Copied ${moved.tables.length} tables, ${moved.rows.toLocaleString('en-GB')} rows, from ${from} to ${moved.target} in ${moved.seconds} s.`)
    out(
      `Rows: ${moved.tables
        .filter((t) => t.rows > 0)
        .map((t) => `${t.name} ${t.rows.toLocaleString('en-GB')}`)
        .join(', ')}.`
    )
    out(
      `Checked on the server before the copy was committed: every table has as many rows as in the file, and the audit trail verifies (${moved.audit.entries.toLocaleString('en-GB')} entries, ending where the file's ends). People search was built from the copied people.`
    )
    if (moved.replacedHub) out(`The hub settings made by migrate (${moved.replacedHub.name}, ${moved.replacedHub.code}) were replaced by the file's.`)
    out(
      moved.granted === null
        ? `No desks' role was named (--to gave an address): grant it from a desk's config with: ${MIGRATE_COMMAND}`
        : `The desks' role ${target.deskRole} may read and write records in ${moved.granted} tables.`
    )
    out(
      `The file is unchanged. Now point every desk at the server (the machine-wide config's postgres section, with no databasePath), and keep the file where no desk opens it: what is saved in it from now on is not on the server.`
    )
    return 0
  } catch (error) {
    if (error instanceof MoveRefusal) {
      out(error.message)
      return 1
    }
    throw error
  }
}
