// One channel of the IPC contract: its input schema, output schema and permission. The contract
// (contract.ts) is the one table of them; a feature with many channels keeps its part of the table
// in its own folder (directory/contract.ts, referrals/contract.ts), which contract.ts joins.
import type { z } from 'zod'
import type { Permission } from './roles'

export interface ChannelSpec {
  readonly input: z.ZodType
  readonly output: z.ZodType
  readonly permission: Permission
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, permission: Permission) => ({ input, output, permission }) as const
