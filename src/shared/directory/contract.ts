// The agency directory's channels (prefix directory.): see contract.ts.
import { channel, type ChannelSpec } from '../channel'
import { directorySearchInput, directorySearchOutput } from './schemas'

export const directoryChannels = {
  'directory.search': channel(directorySearchInput, directorySearchOutput, 'directory.read')
} as const satisfies Record<string, ChannelSpec>
