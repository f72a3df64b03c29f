// Requests for help, screening, referrals on and step-ups (prefix referrals.): see contract.ts.
import type { ChannelSpec } from '../channel'

export const referralChannels = {} as const satisfies Record<string, ChannelSpec>
