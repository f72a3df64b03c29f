// The hub's kind of service (SERVICE_TYPE), and the national referral-source code where one fits,
// guessed from the taxonomy terms a feed files a service under. Feeds use many vocabularies (the
// LGA's, DfE's "Connect families to support", a council's own), so terms are matched by the words in
// them, the most particular kinds first ("mental health" before "health"). No match is OTHER with no
// code: a manager sets it. The guess is made when a service is first imported; after that the type
// and code are the hub's, and an import leaves them as the hub set them.
import type { z } from 'zod'
import type { REFERRAL_SOURCE, SERVICE_TYPE } from '../../../shared/referrals/codes'

type ServiceType = z.infer<typeof SERVICE_TYPE.schema>
type ReferralSource = z.infer<typeof REFERRAL_SOURCE.schema>

const RULES: readonly [RegExp, ServiceType, ReferralSource | null][] = [
  [/domestic (abuse|violence)|coercive control/i, 'DOMESTIC_ABUSE', null],
  [/\bdrugs?\b|alcohol|substance (use|misuse)/i, 'SUBSTANCE_USE', null],
  [/mental health|counsel+ing|emotional (health|wellbeing)|\bcamhs\b/i, 'MENTAL_HEALTH', '3F'],
  [/health visit/i, 'HEALTH', '3B'],
  [/school nurs/i, 'HEALTH', '3C'],
  [/\bgps?\b|general practi/i, 'HEALTH', '3A'],
  [/midwi|maternity/i, 'HEALTH', '3D'],
  [/health|\bnhs\b|dental|dentist|hospital|pharmac|nursing|speech and language/i, 'HEALTH', '3F'],
  [/social care|safeguarding|social work/i, 'SOCIAL_CARE', '5A'],
  [/early years|childcare|child care|nurser(y|ies)|pre-?school|childminde?r|stay and play|play ?group|pregnancy|\bbirth\b/i, 'EARLY_YEARS', null],
  [/\bschools?\b/i, 'EDUCATION', '2A'],
  [/education|learning|\bsend\b|special educational|tuition|college/i, 'EDUCATION', '2B'],
  [/money|debt|benefits?\b|financ|welfare rights|budget/i, 'MONEY', null],
  [/housing|homeless|tenan(t|cy)/i, 'HOUSING', '4'],
  [/police|youth justice|offend|probation/i, 'POLICE', '6'],
  [/communit|voluntary|charit|youth club|activit|leisure|food bank|volunteer|clubs? and groups/i, 'COMMUNITY', null]
]

export function classify(terms: readonly string[]): { serviceType: ServiceType; referralSource: ReferralSource | null } {
  for (const [pattern, serviceType, referralSource] of RULES) {
    if (terms.some((term) => pattern.test(term))) return { serviceType, referralSource }
  }
  return { serviceType: 'OTHER', referralSource: null }
}
