import type { PersonRecord } from '../../../shared/families/schemas'
import { couldGiveConsent } from '../../../shared/consent/schemas'
import { todayIso } from '../../../shared/dates'
import type { CodeItem } from '../../../shared/codes'
import { personName } from '../families/format'

/** Who may be named as giving consent today: the adults, and young people of 16 or over (the core checks the day given). */
export const consentGivers = (members: PersonRecord[]): CodeItem[] =>
  members.filter((m) => couldGiveConsent(m, todayIso())).map((m) => ({ code: m.id, label: personName(m) }))
