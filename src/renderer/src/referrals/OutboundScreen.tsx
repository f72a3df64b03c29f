// Referrals on, by route: App.tsx hands every #/outbound route here.
import { OutboundPage } from './OutboundPage'
import { OutboundPrintPage } from './OutboundPrintPage'
import { OverridesPage } from './OverridesPage'
import { ReferOnPage } from './ReferOnPage'
import type { OutboundRoute } from './outboundRoutes'

export function OutboundScreen({ route }: { route: OutboundRoute }) {
  switch (route.name) {
    case 'referOn':
      return <ReferOnPage key={`${route.familyId}|${route.episodeId ?? ''}|${route.requestId ?? ''}`} {...route} />
    case 'outbound':
      return <OutboundPage key={`${route.referralId}|${route.notice ?? ''}`} referralId={route.referralId} notice={route.notice} />
    case 'printOutbound':
      return <OutboundPrintPage key={route.referralId} referralId={route.referralId} />
    case 'overrides':
      return <OverridesPage key={route.page} page={route.page} />
  }
}
