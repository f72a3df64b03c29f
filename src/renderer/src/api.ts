// The renderer's only way to the core: window.casebook.invoke, typed by the contract.
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract'
import type { Result } from '../../shared/result'

export function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  return window.casebook.invoke(channel, input).catch((error: unknown) => ({
    ok: false as const,
    error: { code: 'UNAVAILABLE' as const, message: `Casebook could not be reached: ${String(error)}` }
  }))
}
