// The recovery screen's channels (prefix recovery.): see contract.ts. Public, because a database that
// cannot be opened has no accounts to sign in with; restoring asks for an administrator's sign-in as
// the chosen backup holds it.
import { z } from 'zod'
import { channel, type ChannelSpec } from '../channel'
import { recoveryRestoreInput, recoveryRestoreResult, recoveryStatus } from './schemas'

export const recoveryChannels = {
  'recovery.status': channel(z.object({}), recoveryStatus, 'public'),
  'recovery.restore': channel(recoveryRestoreInput, recoveryRestoreResult, 'public'),
  /** Opens a copy of what can be read, read-only; the window then signs in as usual and nothing can be saved. */
  'recovery.openReadOnly': channel(z.object({}), recoveryStatus, 'public')
} as const satisfies Record<string, ChannelSpec>
