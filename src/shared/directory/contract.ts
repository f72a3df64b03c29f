// The agency directory's channels (prefix directory.): see contract.ts.
import type { ChannelSpec } from '../channel'

export const directoryChannels = {} as const satisfies Record<string, ChannelSpec>
