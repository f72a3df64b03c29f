// Why a desk could not open the hub's PostgreSQL database, in words for the person at the desk and
// for IT: the server not reached, the password or the certificate refused, the role not allowed.
// The driver's own code stays in brackets, for IT; the password never appears.
import { AppError } from './errors'
import { describePostgres, type PostgresConnection } from './postgres'
import { MIGRATE_COMMAND } from './postgresRoles'
import { SERVER_LOST } from './router'

const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN'])
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/

function codeOf(error: unknown): string {
  const own = (error as { code?: unknown })?.code
  if (typeof own === 'string' && own) return own
  // Several addresses for one name (IPv4 and IPv6) fail together as one AggregateError.
  const inner = (error as { errors?: unknown[] })?.errors?.[0]
  return inner ? codeOf(inner) : ''
}

/** The refusal a desk shows (UNAVAILABLE, as any database it cannot open), or the error itself when it is already one. */
export function postgresProblem(error: unknown, connection: PostgresConnection): unknown {
  if (error instanceof AppError) return error
  const code = codeOf(error)
  const text = error instanceof Error ? error.message : String(error)
  const server = `${connection.host}:${connection.port}`
  const where = describePostgres(connection)
  const say = (message: string) => new AppError('UNAVAILABLE', message)
  // Before the server is lost in general (the router's words for it): a name that was not found is IT's to check.
  if (NOT_FOUND.has(code))
    return say(
      `Casebook cannot find the hub's database server ${connection.host} (${code}). Nothing was saved. Check this computer's network connection; if it is connected, ask IT to check the server's name (host in the machine-wide config's postgres section).`
    )
  if (CERTIFICATE.test(code))
    return say(
      `The hub's database server at ${server} did not prove who it is (${code}): its certificate is not signed by the authority in caFile, or does not name ${connection.host}. Nothing was sent to it. Ask IT to check caFile and host in the machine-wide config's postgres section.`
    )
  if (/does not support SSL/i.test(text))
    return say(`The hub's database server at ${server} does not accept encrypted connections. Nothing was sent to it. Ask IT to turn TLS on at the server.`)
  if (SERVER_LOST.test(`${code} ${text}`))
    return say(
      `Casebook cannot reach the hub's database server at ${server} (${code || 'no answer'}). Nothing was saved. Check this computer's network connection; if other desks cannot reach it either, ask IT to check the server.`
    )
  // The driver's own words when the server asks for a password and it was given none.
  if (connection.password === null && /password must be a string|no password/i.test(text))
    return say(
      `The hub's database server asks ${connection.user} for a password, and the machine-wide config's postgres section names no passwordEnv or passwordFile to take it from. Nothing was changed. Ask IT to add one of them.`
    )
  if (code === '28P01')
    return say(
      `The hub's database server refused the password for ${connection.user} (${code}). Nothing was changed. Ask IT to check the password in the variable or file the machine-wide config's postgres section names.`
    )
  if (code === '28000')
    return say(
      `The hub's database server does not let ${connection.user} connect from this computer (${code}). Nothing was changed. Ask IT to allow it (pg_hba.conf on the server).`
    )
  if (code === '3D000')
    return say(
      `There is no database ${connection.database} on the server at ${server} (${code}). Nothing was changed. Ask IT to check database in the machine-wide config's postgres section.`
    )
  if (code === '42501')
    return say(
      `The role ${connection.user} may not use the hub's database (${where}) as a desk needs to (${code}). Nothing was changed. Ask IT to grant it with: ${MIGRATE_COMMAND}`
    )
  return error
}
