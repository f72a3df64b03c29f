import { defineHandlers } from '../core/router'
import { recordConsent, withdrawConsent } from './service'

export const consentHandlers = defineHandlers({
  'consent.record': recordConsent,
  'consent.withdraw': withdrawConsent
})
