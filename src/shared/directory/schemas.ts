// The agency directory as the forms and the core see it: organisations and the services they offer.
import { z } from 'zod'
import { idField, optionalCode } from '../fields'
import { REFERRAL_SOURCE, SERVICE_STATUS, SERVICE_TYPE } from '../referrals/codes'

export const DIRECTORY_PAGE_SIZE = 25

/** Finding a service: by words of its or its organisation's name, of a kind, active ones only by default. */
export const directorySearchInput = z.object({
  text: z.string().max(100, { error: 'Search must be 100 characters or fewer' }).default(''),
  serviceType: optionalCode(SERVICE_TYPE.schema),
  activeOnly: z.boolean().default(true),
  page: z.number().int().min(1).max(100_000).default(1)
})

/** A service as a list shows it, and as a request or referral names it. */
export const serviceSummary = z.object({
  id: idField,
  organisationId: idField,
  organisationName: z.string(),
  name: z.string(),
  serviceType: SERVICE_TYPE.schema,
  referralSource: REFERRAL_SOURCE.schema.nullable(),
  status: SERVICE_STATUS.schema,
  town: z.string().nullable(),
  phone: z.string().nullable(),
  secureEmail: z.string().nullable()
})
export type ServiceSummary = z.infer<typeof serviceSummary>

export const directorySearchOutput = z.object({
  services: z.array(serviceSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int()
})
