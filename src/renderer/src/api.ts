// The renderer's only way to the core: window.casebook.invoke, typed by the contract.
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract'
import type { ErrorCode, Result } from '../../shared/result'

export type SessionProblem = Extract<ErrorCode, 'UNAUTHENTICATED' | 'LOCKED' | 'PASSWORD_CHANGE_REQUIRED'>
const listeners = new Set<(code: SessionProblem) => void>()

/**
 * Told when any call finds the session signed out (the core may have ended it: an account disabled,
 * a password reset, a new role), locked (the core locks a window idle too long, whatever its page
 * does) or needing a new password.
 */
export function onSessionProblem(listener: (code: SessionProblem) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether the last call found the hub's shared database server out of reach (OFFLINE). */
let serverLost = false
const reachListeners = new Set<(lost: boolean) => void>()

/**
 * Told when calls start or stop finding the hub's PostgreSQL server out of reach: any call answered
 * OFFLINE means it is gone, any other answer that it is back.
 */
export function onServerReach(listener: (lost: boolean) => void): () => void {
  reachListeners.add(listener)
  listener(serverLost)
  return () => reachListeners.delete(listener)
}

function heard(lost: boolean): void {
  if (lost === serverLost) return
  serverLost = lost
  for (const l of reachListeners) l(lost)
}

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  let result: Result<ChannelOutput<C>>
  try {
    result = await window.casebook.invoke(channel, input)
  } catch (error) {
    // The window could not make the call at all: that says nothing about the server or the session.
    return { ok: false, error: { code: 'UNAVAILABLE', message: `Casebook could not be reached: ${String(error)}` } }
  }
  heard(!result.ok && result.error.code === 'OFFLINE')
  if (!result.ok) {
    const code = result.error.code
    if (code === 'UNAUTHENTICATED' || code === 'LOCKED' || code === 'PASSWORD_CHANGE_REQUIRED') for (const l of listeners) l(code)
  }
  return result
}
