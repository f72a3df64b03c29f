// Closures waiting for a manager's approval, as their own list: each says which family, when it was
// closed and why, who closed it and who led it. What the closure says in full (the outcome per
// headline, the family's view) is read on the episode itself, where the view is audited.
import { z } from 'zod'
import { idField, versionField } from '../fields'

export const CLOSURES_PAGE_SIZE = 50

/** What the list sorts by, in its query: the order is the whole list's, not one page's. */
export const CLOSURE_SORTS = ['closedOn', 'family', 'openedOn', 'lead'] as const
export type ClosureSort = (typeof CLOSURE_SORTS)[number]

export const closuresAwaitingInput = z.object({
  sort: z.enum(CLOSURE_SORTS).default('closedOn'),
  desc: z.boolean().default(false),
  page: z.number().int().min(1).max(100_000).default(1)
})

export const closureAwaiting = z.object({
  episodeId: idField,
  familyId: idField,
  familyReference: z.string(),
  /** src/shared/families/familyName.ts: "Okafor family (RV-000001)". */
  familyName: z.string(),
  openedOn: z.string(),
  closedOn: z.string(),
  /** A CLOSURE_REASON code. */
  reason: z.string(),
  /** Who recorded the closure, by display name. */
  closedBy: z.string(),
  leadName: z.string(),
  version: versionField
})
export type ClosureAwaiting = z.infer<typeof closureAwaiting>

export const closuresAwaitingOutput = z.object({
  closures: z.array(closureAwaiting),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int()
})
export type ClosuresAwaiting = z.infer<typeof closuresAwaitingOutput>
