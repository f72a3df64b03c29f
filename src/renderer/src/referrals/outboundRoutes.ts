// Referrals on: their screens and addresses (#/outbound/...). router.ts joins them to the app's.

export type OutboundRoute =
  | { name: 'referOn'; familyId: string; episodeId: string | null; requestId: string | null }
  | { name: 'outbound'; referralId: string; notice?: string }
  | { name: 'printOutbound'; referralId: string }
  | { name: 'overrides'; page: number }

export const OUTBOUND_ROUTES = ['referOn', 'outbound', 'printOutbound', 'overrides'] as const

export function isOutboundRoute(route: { name: string }): route is OutboundRoute {
  return (OUTBOUND_ROUTES as readonly string[]).includes(route.name)
}

/** The route for what follows #/outbound, or null when it is none of these. */
export function parseOutboundRoute(parts: string[], params: URLSearchParams): OutboundRoute | null {
  const [first, action] = parts
  if (first === 'new' && parts.length === 1 && params.get('family'))
    return { name: 'referOn', familyId: params.get('family')!, episodeId: params.get('episode'), requestId: params.get('request') }
  if (first === 'overrides' && parts.length === 1) {
    const page = Number(params.get('page') ?? '1')
    return { name: 'overrides', page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 }
  }
  if (first && parts.length === 1) return { name: 'outbound', referralId: first, notice: params.get('notice') ?? undefined }
  if (first && action === 'print' && parts.length === 2) return { name: 'printOutbound', referralId: first }
  return null
}

export const referOnHref = (familyId: string, from: { episodeId?: string; requestId?: string }) =>
  `#/outbound/new?${new URLSearchParams({ family: familyId, ...(from.episodeId ? { episode: from.episodeId } : {}), ...(from.requestId ? { request: from.requestId } : {}) })}`

export const outboundHref = (id: string, notice?: string) => `#/outbound/${id}${notice ? `?notice=${encodeURIComponent(notice)}` : ''}`

/** Recording the family's consent to share with the organisation, then back to the referral. */
export const consentForHref = (familyId: string, organisation: { id: string; name: string }, referralId: string) =>
  `#/families/${familyId}/consent?${new URLSearchParams({ organisation: organisation.id, name: organisation.name, referral: referralId })}`
