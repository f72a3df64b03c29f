// The router every caller goes through (Electron IPC, the browser harness, the CLI, tests):
// contract lookup → session (signed in, not locked) → permission → input size and shape → input
// schema → service → output schema. It answers a Result and never throws.
import type { z } from 'zod'
import { contract, isChannel, type Channel, type ChannelOutput, type Contract } from '../../shared/contract'
import { NOTHING_SAVED, type AppErrorValue, type Result } from '../../shared/result'
import { AppError, fieldErrors, savedAtTheSameMoment } from './errors'
import { isUniqueViolation } from './dialect'
import type { CallContext } from './context'
import { inputProblem } from './inputGuard'
import { auditRefusal } from './refusals'
import { errorFields, type Log } from '../log/log'

export type Handler<C extends Channel> = (input: z.output<Contract[C]['input']>, ctx: CallContext) => Promise<ChannelOutput<C>>
export type Handlers<K extends Channel = Channel> = { [C in K]: Handler<C> }

/** Typed help for a feature's handler table. */
export const defineHandlers = <K extends Channel>(handlers: Handlers<K>): Handlers<K> => handlers

export class Router {
  private readonly handlers = new Map<Channel, Handler<Channel>>()
  private sealed = false

  register(handlers: Partial<Handlers>): this {
    if (this.sealed) throw new Error('The router is sealed')
    for (const [name, handler] of Object.entries(handlers)) {
      if (!isChannel(name)) throw new Error(`No channel named ${name} in the contract`)
      if (this.handlers.has(name)) throw new Error(`Channel ${name} is registered twice`)
      this.handlers.set(name, handler as Handler<Channel>)
    }
    return this
  }

  /** Refuses to start with a channel in the contract that nothing serves. */
  seal(): this {
    const missing = Object.keys(contract).filter((c) => !this.handlers.has(c as Channel))
    if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`)
    this.sealed = true
    return this
  }

  /** Always resolves: whatever the input, whatever a service throws, the answer is a Result. */
  async dispatch(channel: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
    try {
      return await this.answer(channel, input, ctx)
    } catch (error) {
      return { ok: false, error: unexpectedError(String(channel), error, ctx.core.log) }
    }
  }

  private async answer(channel: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Casebook does not know that request.' } }
    }
    const spec = contract[channel]
    // Who is asking comes before what they sent: a signed-out or locked window's input is never
    // validated or handled (only the id of the record it named is noted with the refusal).
    const refusal = accessRefusal(spec.permission, ctx)
    if (refusal) {
      if (channel !== 'auth.lock' && channel !== 'auth.activity') {
        await auditSessionRefusal(ctx, channel, input, refusal)
        logRefusal(ctx, channel, refusal.code)
      }
      return { ok: false, error: refusal }
    }
    if (spec.permission !== 'public' && spec.permission !== 'signedIn' && !ctx.actor.permissions.has(spec.permission)) {
      // The refusal is itself on record: who tried what, and when.
      await auditRefusal(ctx, { recordType: 'channel', recordId: channel })
      logRefusal(ctx, channel, 'FORBIDDEN')
      return { ok: false, error: { code: 'FORBIDDEN', message: 'You do not have permission to do that' } }
    }
    const handler = this.handlers.get(channel) as Handler<Channel>
    return answer(channel, input, (data) => handler(data, ctx), ctx.core.log)
  }
}

/**
 * A call past its access checks (the Router's, or none: the recovery core's channels): the input's
 * size and shape, its schema, the handler, then the output's schema. Always resolves.
 */
export async function answer(channel: Channel, input: unknown, handler: (input: never) => Promise<unknown>, log: Log): Promise<Result<unknown>> {
  const spec = contract[channel]
  const problem = inputProblem(input) ?? ''
  // A rule that throws on a shape it did not expect is still an input it cannot accept.
  const parsed = problem ? null : safely(() => spec.input.safeParse(input))
  if (!parsed) {
    const why = problem || 'it is not in the form this request needs'
    return { ok: false, error: { code: 'VALIDATION', message: `Casebook could not read what was sent (${why}). Nothing was saved.` } }
  }
  if (!parsed.success) {
    return { ok: false, error: { code: 'VALIDATION', message: 'There is a problem with some answers', fields: fieldErrors(parsed.error) } }
  }
  try {
    const output = spec.output.safeParse(await handler(parsed.data as never))
    if (!output.success) {
      console.error(`casebook: ${channel} answered outside its contract`, output.error.issues)
      log.error('call.failed', { channel, code: 'INTERNAL', error: 'OUTPUT_OUTSIDE_CONTRACT' })
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Nothing was saved.' } }
    }
    return { ok: true, value: output.data }
  } catch (error) {
    return { ok: false, error: unexpectedError(channel, error, log) }
  }
}

function safely<T>(parse: () => T): T | null {
  try {
    return parse()
  } catch (error) {
    console.error('casebook: a schema threw instead of answering', error)
    return null
  }
}

/** Signed in, not locked, password changed if it had to be: before any permission is looked at. */
function accessRefusal(permission: string, ctx: CallContext): AppErrorValue | null {
  if (permission === 'public') return null
  if (!ctx.signedIn) return { code: 'UNAUTHENTICATED', message: ctx.session.signedOutBecause ?? 'Sign in to continue' }
  if (ctx.session.locked) return { code: 'LOCKED', message: 'The screen is locked. Enter your password to continue.' }
  if (ctx.session.user?.mustChangePassword && permission !== 'signedIn') {
    return { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choose a new password to continue' }
  }
  return null
}

const REASONS: Partial<Record<AppErrorValue['code'], string>> = {
  UNAUTHENTICATED: 'not signed in',
  LOCKED: 'screen locked',
  PASSWORD_CHANGE_REQUIRED: 'password change required'
}

/** The record a refused call named, if it named one: its id, family or episode. */
function recordNamed(input: unknown): string | null {
  if (!input || typeof input !== 'object') return null
  for (const key of ['id', 'familyId', 'episodeId']) {
    const value = (input as Record<string, unknown>)[key]
    if (typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value)) return value
  }
  return null
}

/**
 * A call refused because the window is signed out, locked or must change its password is on the
 * trail like a permission refusal, with the record it named.
 */
function auditSessionRefusal(ctx: CallContext, channel: string, input: unknown, refusal: AppErrorValue): Promise<void> {
  const changes: Record<string, unknown> = { reason: REASONS[refusal.code] ?? refusal.code }
  const record = recordNamed(input)
  if (record) changes.record = record
  return auditRefusal(ctx, { recordType: 'channel', recordId: channel, changes })
}

/**
 * A desk that has lost the hub's PostgreSQL server: the network's and node-postgres's words for a
 * connection that failed or ended, and PostgreSQL's connection-exception class (08), its shutdowns
 * (57P01-57P03) and a server with no connection left (53300). The pool connects again by itself, so
 * the same call works once the server is back.
 */
export const SERVER_LOST =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|Connection terminated|timeout exceeded when trying to connect|\b(08[0-9A-Z]{3}|57P0[123]|53300)\b/
export const SERVER_LOST_MESSAGE = `Casebook cannot reach the hub's database server. ${NOTHING_SAVED} Casebook carries on by itself when the server is back; if this goes on, tell IT.`

/**
 * Storage failures people can act on, by the codes SQLite and the operating system give them, and
 * PostgreSQL's for the same on the hub's server: its disk full (53100) and a server taking no
 * changes (25006: read-only, as a standby or a database IT has made read-only is).
 */
const STORAGE_PROBLEMS: [RegExp, string][] = [
  [/SQLITE_BUSY|SQLITE_LOCKED/, `The database is busy. ${NOTHING_SAVED} Try again in a moment.`],
  [/SQLITE_FULL|ENOSPC/, `The disk is full. ${NOTHING_SAVED} Ask IT to make space on the disk.`],
  [/\bsqlstate:53100$/, `The disk of the hub's database server is full. ${NOTHING_SAVED} Ask IT to make space on the server.`],
  [
    /SQLITE_READONLY|SQLITE_PERM|SQLITE_CANTOPEN|EROFS|EACCES|EPERM/,
    `Casebook cannot write to its database: the file or its folder is read-only. ${NOTHING_SAVED} Ask IT to check the folder.`
  ],
  [
    /\bsqlstate:25006$/,
    `Casebook cannot write to the hub's database: the server is taking no changes (read-only). ${NOTHING_SAVED} Ask IT to check the server.`
  ],
  [/SQLITE_IOERR|EIO\b/, `The disk could not be written to. ${NOTHING_SAVED} Ask IT to check the disk.`],
  [/SQLITE_CORRUPT|SQLITE_NOTADB/, 'The database file is damaged. Nothing was saved. Ask IT to check it and restore it from a backup.']
]

/**
 * A refused call in IT's log: the channel and the code, never what was sent. Written at the rate the
 * refusal was audited (./refusals: a window calling in a loop is written down at a steady rate), which
 * left `suppressed` at 0 when it wrote the refusal down.
 */
function logRefusal(ctx: CallContext, channel: Channel, code: string): void {
  if (ctx.session.refusals.suppressed === 0) ctx.core.log.warn('call.refused', { channel, code })
}

/**
 * A call that failed for a reason IT may have to act on, in its log: the channel and the codes. A
 * service's own refusals (VALIDATION, CONFLICT, NOT_FOUND...) are answers, not failures; a channel
 * that is not in the contract is named only as unknown (its name is whatever was sent).
 */
function logFailure(log: Log, channel: string, code: AppErrorValue['code'], error: unknown): void {
  const named = isChannel(channel) ? channel : 'unknown'
  if (code === 'FORBIDDEN') log.warn('call.refused', { channel: named, code })
  else if (code === 'UNAVAILABLE' || code === 'OFFLINE' || code === 'INTERNAL') log.error('call.failed', { channel: named, code, ...errorFields(error) })
}

/** What a caller is told about an error no service meant to raise. */
export function unexpectedError(channel: string, error: unknown, log: Log): AppErrorValue {
  if (error instanceof AppError) {
    logFailure(log, channel, error.code, error)
    return error.toValue()
  }
  // The database's own unique rules hold when two desks save at once: the second is told, as of a stale version.
  if (isUniqueViolation(error)) return savedAtTheSameMoment().toValue()
  const text = `${String((error as { code?: unknown })?.code ?? '')} ${String((error as { message?: unknown })?.message ?? error)}`
  const driverCode = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code
  if (SERVER_LOST.test(`${text} ${String(driverCode ?? '')}`)) {
    logFailure(log, channel, 'OFFLINE', error)
    return { code: 'OFFLINE', message: SERVER_LOST_MESSAGE }
  }
  for (const [pattern, message] of STORAGE_PROBLEMS) {
    // PostgreSQL's code is looked for where the server put it, never in its message (which may quote a value).
    if (!pattern.test(`${text} sqlstate:${String(driverCode ?? '')}`)) continue
    logFailure(log, channel, 'UNAVAILABLE', error)
    return { code: 'UNAVAILABLE', message }
  }
  logFailure(log, channel, 'INTERNAL', error)
  // The error's name and stack frames, and the message only when it is SQLite's own (a code and the
  // constraint, never values): a database error also carries its statement's parameters, and a
  // message made by code may quote a record. Standard error may end up in IT's scheduled task's file.
  const { name, message, stack } = (error ?? {}) as { name?: string; message?: string; stack?: string }
  const said = typeof message === 'string' && /^SQLITE_[A-Z_]+:/.test(message) ? message : (postgresSaid(error) ?? '(message withheld: it may quote a record)')
  console.error(`casebook: ${channel} failed: ${name ?? 'Error'}: ${said}${stack ? `\n${stack.split('\n').slice(1).join('\n')}` : ''}`)
  return { code: 'INTERNAL', message: 'Something went wrong. Nothing was saved.' }
}

/**
 * What PostgreSQL said, as far as it never quotes a record: its SQLSTATE code and the names of the
 * constraint, table, column or routine it blames (its message and detail may hold the values).
 */
function postgresSaid(error: unknown): string | null {
  const e = ((error as { driverError?: unknown })?.driverError ?? error) as Record<string, unknown> | null
  if (!e || typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code) || typeof e.severity !== 'string') return null
  const named = ['constraint', 'table', 'column', 'routine'].filter((k) => typeof e[k] === 'string').map((k) => `${k} ${String(e[k])}`)
  return `PostgreSQL ${e.code}${named.length ? ` (${named.join(', ')})` : ''}`
}
