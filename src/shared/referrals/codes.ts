// The code lists of requests for help, referrals and step-ups: the national referral-source codes
// (Children in Need census), and the hub's own lists. One copy, read by forms, core and export.
import { codeList } from '../codes'

/** Children in Need census referral source (N00152). A family's own request is 1C; a step-down from social care 5A. */
export const REFERRAL_SOURCE = codeList([
  { code: '1A', label: 'Family member, relative or carer' },
  { code: '1B', label: 'Acquaintance' },
  { code: '1C', label: 'The family themselves' },
  { code: '1D', label: 'Other individual' },
  { code: '2A', label: 'School' },
  { code: '2B', label: 'Education services' },
  { code: '3A', label: 'GP' },
  { code: '3B', label: 'Health visitor' },
  { code: '3C', label: 'School nurse' },
  { code: '3D', label: 'Other primary health services' },
  { code: '3E', label: 'A&E' },
  { code: '3F', label: 'Other health services' },
  { code: '4', label: 'Housing' },
  { code: '5A', label: "Local authority: children's social care" },
  { code: '5B', label: 'Local authority: other internal services' },
  { code: '5C', label: 'Local authority: external services' },
  { code: '5D', label: 'Early help' },
  { code: '6', label: 'Police' },
  { code: '7', label: 'Other legal agency' },
  { code: '8', label: "Other, including children's centres" },
  { code: '9', label: 'Anonymous' },
  { code: '10', label: 'Unknown' }
] as const)

/** How the authority codes the hub's step-ups to children's social care (Hub settings). */
export const STEP_UP_SOURCE = codeList([
  { code: '5D', label: '5D: the local authority’s early help' },
  { code: '8', label: "8: a children's centre or voluntary provider" }
] as const)

/** How a request for help reached the hub. */
export const REQUEST_CHANNEL = codeList([
  { code: 'PHONE', label: 'Phone' },
  { code: 'EMAIL', label: 'Email' },
  { code: 'LETTER', label: 'Letter' },
  { code: 'IN_PERSON', label: 'In person' },
  { code: 'ONLINE_FORM', label: 'Online form' }
] as const)

/** What the family knows of the request. */
export const FAMILY_AWARENESS = codeList([
  { code: 'AWARE_AGREES', label: 'They know about it and agree' },
  { code: 'AWARE_NOT_AGREED', label: 'They know about it but have not agreed' },
  { code: 'NOT_AWARE', label: 'They do not know about it' },
  { code: 'NOT_KNOWN', label: 'Not known' }
] as const)

export const URGENCY = codeList([
  { code: 'ROUTINE', label: 'Routine' },
  { code: 'URGENT', label: 'Urgent' }
] as const)

/** What screening decided about a request. */
export const SCREENING_DECISION = codeList([
  { code: 'ACCEPT', label: 'Accept for early help' },
  { code: 'SIGNPOST', label: 'Signpost to another service' },
  { code: 'DECLINE', label: 'Decline' },
  { code: 'ESCALATE', label: "Escalate to children's social care" }
] as const)

/** How someone was told what happened to their request, or sent a referral. */
export const CONTACT_METHOD = codeList([
  { code: 'PHONE', label: 'Phone' },
  { code: 'SECURE_EMAIL', label: 'Secure email' },
  { code: 'EMAIL', label: 'Email' },
  { code: 'LETTER', label: 'Letter' },
  { code: 'IN_PERSON', label: 'In person' }
] as const)

/** Open Referral UK service status. */
export const SERVICE_STATUS = codeList([
  { code: 'active', label: 'Active' },
  { code: 'inactive', label: 'Inactive' },
  { code: 'defunct', label: 'Closed for good' },
  { code: 'temporarily closed', label: 'Temporarily closed' }
] as const)

/** What kind of service an organisation offers, for the directory's lists. */
export const SERVICE_TYPE = codeList([
  { code: 'HEALTH', label: 'Health' },
  { code: 'EDUCATION', label: 'Education' },
  { code: 'EARLY_YEARS', label: 'Early years and childcare' },
  { code: 'SOCIAL_CARE', label: "Children's social care" },
  { code: 'HOUSING', label: 'Housing' },
  { code: 'MONEY', label: 'Money, debt and benefits' },
  { code: 'DOMESTIC_ABUSE', label: 'Domestic abuse' },
  { code: 'MENTAL_HEALTH', label: 'Mental health' },
  { code: 'SUBSTANCE_USE', label: 'Drugs and alcohol' },
  { code: 'POLICE', label: 'Police and justice' },
  { code: 'COMMUNITY', label: 'Community and voluntary' },
  { code: 'OTHER', label: 'Other' }
] as const)

/** Where a request for help has got to: what reception sees of it. */
export const REQUEST_STATUS = codeList([
  { code: 'waiting', label: 'Waiting for a decision' },
  { code: 'decided', label: 'Decided' }
] as const)

/**
 * The lawful basis for sharing without consent, UK GDPR Article 6(1): recorded with a safeguarding
 * override. Consent (6(1)(a)) is not among them: an override is sharing without it.
 */
export const LAWFUL_BASIS_6 = codeList([
  { code: '6_1_C', label: 'Article 6(1)(c): legal obligation' },
  { code: '6_1_D', label: 'Article 6(1)(d): vital interests' },
  { code: '6_1_E', label: 'Article 6(1)(e): public task' }
] as const)

/**
 * The condition for sharing special category data (health, ethnicity) without consent, UK GDPR
 * Article 9 with the Data Protection Act 2018: typically Schedule 1 paragraph 18, safeguarding.
 */
export const LAWFUL_BASIS_9 = codeList([
  { code: 'DPA_S1_P18', label: 'DPA 2018 Schedule 1 paragraph 18: safeguarding of children and of individuals at risk' },
  { code: 'DPA_S1_P6', label: 'DPA 2018 Schedule 1 paragraph 6: statutory and government purposes' },
  { code: '9_2_C', label: 'Article 9(2)(c): vital interests, where consent cannot be given' }
] as const)

/** Children in Need census: why a child's UPN is not known (N00135). */
export const UPN_UNKNOWN = codeList([
  { code: 'UN1', label: 'UN1: aged under 6 and not yet at school' },
  { code: 'UN2', label: 'UN2: never attended school in England, no UPN given' },
  { code: 'UN3', label: 'UN3: educated outside England' },
  { code: 'UN4', label: 'UN4: newly arrived in the UK, UPN not yet given' },
  { code: 'UN5', label: 'UN5: the sources of UPNs disagree' },
  { code: 'UN6', label: 'UN6: an unaccompanied asylum-seeking child, no UPN given' },
  { code: 'UN7', label: 'UN7: a referral with no further action' }
] as const)
