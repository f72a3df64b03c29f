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

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  const result = await window.casebook.invoke(channel, input).catch((error: unknown) => ({
    ok: false as const,
    error: { code: 'UNAVAILABLE' as const, message: `Casebook could not be reached: ${String(error)}` }
  }))
  if (!result.ok) {
    const code = result.error.code
    if (code === 'UNAUTHENTICATED' || code === 'LOCKED' || code === 'PASSWORD_CHANGE_REQUIRED') for (const l of listeners) l(code)
  }
  return result
}
