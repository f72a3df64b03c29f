// The router every caller goes through (Electron IPC, the browser harness, the CLI, tests):
// contract lookup → input validation → permission → service → output validation. It answers a
// Result and never throws.
import type { z } from 'zod'
import { contract, isChannel, type Channel, type ChannelOutput, type Contract } from '../../shared/contract'
import type { AppErrorValue, Result } from '../../shared/result'
import { AppError, fieldErrors } from './errors'
import type { CallContext } from './context'
import { writeAudit } from '../audit/audit'

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

  async dispatch(channel: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel)}` } }
    }
    const spec = contract[channel]
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: 'There is a problem with some answers', fields: fieldErrors(parsed.error) }
      }
    }
    const refusal = accessRefusal(spec.permission, ctx)
    if (refusal) return { ok: false, error: refusal }
    if (spec.permission !== 'public' && spec.permission !== 'signedIn' && !ctx.actor.permissions.has(spec.permission)) {
      // The refusal is itself on record: who tried what, and when.
      await ctx.core.writes
        .run((manager) => writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action: 'permission-refused', recordType: 'channel', recordId: channel }))
        .catch((error: unknown) => console.error('casebook: could not audit a refused call', error))
      return { ok: false, error: { code: 'FORBIDDEN', message: 'You do not have permission to do that' } }
    }
    try {
      const handler = this.handlers.get(channel) as Handler<Channel>
      const value = await handler(parsed.data as never, ctx)
      const output = spec.output.safeParse(value)
      if (!output.success) {
        console.error(`casebook: ${channel} answered outside its contract`, output.error.issues)
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Nothing was saved.' } }
      }
      return { ok: true, value: output.data }
    } catch (error) {
      return { ok: false, error: toErrorValue(channel, error) }
    }
  }
}

/** Signed in, not locked, password changed if it had to be: before any permission is looked at. */
function accessRefusal(permission: string, ctx: CallContext): AppErrorValue | null {
  if (permission === 'public') return null
  if (!ctx.signedIn) return { code: 'UNAUTHENTICATED', message: 'Sign in to continue' }
  if (ctx.session.locked) return { code: 'LOCKED', message: 'The screen is locked. Enter your password to continue.' }
  if (ctx.session.user?.mustChangePassword && permission !== 'signedIn') {
    return { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choose a new password to continue' }
  }
  return null
}

function toErrorValue(channel: string, error: unknown) {
  if (error instanceof AppError) return error.toValue()
  const text = String((error as { message?: unknown })?.message ?? error)
  if (/SQLITE_BUSY|SQLITE_LOCKED/.test(text)) {
    return { code: 'UNAVAILABLE' as const, message: 'The database is busy. Nothing was saved; please try again.' }
  }
  console.error(`casebook: ${channel} failed`, error)
  return { code: 'INTERNAL' as const, message: 'Something went wrong. Nothing was saved.' }
}
