// Where each line of the validation report sends the manager to put the record right: the page that
// shows (and changes) it, through the same address helpers the other screens use.
import type { ValidationItem } from '../../../shared/export/validation'
import { episodeHref, familyHref, requestHref } from '../app/router'
import { outboundHref } from '../referrals/outboundRoutes'
import { stepUpHref } from '../referrals/stepUpRoutes'

export interface RecordLink {
  href: string
  /** What the link opens, as its visible text says it. */
  text: string
}

/**
 * A family's own details, its people and their consents are changed from the family's page; a plan,
 * a review or a case note from its episode, which the family's page leads to. Staff have no page a
 * manager can open (IT manages accounts), so a rule about them has no link.
 */
export function recordLink(item: ValidationItem): RecordLink | null {
  switch (item.recordType) {
    case 'episode':
      return item.familyId ? { href: episodeHref(item.familyId, item.recordId), text: 'Open the episode' } : null
    case 'request-for-help':
      return { href: requestHref(item.recordId), text: 'Open the request' }
    case 'outbound-referral':
      return { href: outboundHref(item.recordId), text: 'Open the referral' }
    case 'step-up':
      return { href: stepUpHref(item.recordId), text: 'Open the step-up' }
    case 'staff':
      return null
    default:
      return item.familyId ? { href: familyHref(item.familyId), text: 'Open the family' } : null
  }
}
