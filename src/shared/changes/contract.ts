// The changes channel (prefix changes.): how a window hears that another desk saved something, so its
// lists and the family it shows are read again without anyone restarting (issue 13). Any signed-in
// window may ask; the answer says only that something changed, never what or whose.
import { z } from 'zod'
import { channel, type ChannelSpec } from '../channel'
import { LARGEST_STORED_INTEGER } from '../fields'

/** The change feed's numbers (src/main/changes): the last one a window has seen, or null for none yet. */
export const changesWaitInput = z.object({ after: z.number().int().min(0).max(LARGEST_STORED_INTEGER).nullable() })

export const changesWaitOutput = z.object({
  /** false on a one-desk (SQLite) hub: nobody else saves there, so the window need not ask again. */
  shared: z.boolean(),
  /** The number of the latest saved change this desk has heard of. */
  latest: z.number().int().min(0)
})

export const changesChannels = {
  /**
   * Answers as soon as a change later than `after` is saved by any desk, or after about 25 seconds
   * with nothing new; at once when `after` is null or already behind.
   */
  'changes.wait': channel(changesWaitInput, changesWaitOutput, 'signedIn')
} as const satisfies Record<string, ChannelSpec>
