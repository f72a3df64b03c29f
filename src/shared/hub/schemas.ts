import { z } from 'zod'

export const hubRecord = z.object({
  name: z.string(),
  code: z.string(),
  localAuthorityCode: z.string()
})
export type HubRecord = z.infer<typeof hubRecord>

export const hubCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,5}$/, { error: 'Hub code must be 2 to 5 letters' })
