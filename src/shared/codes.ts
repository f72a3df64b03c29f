// National code lists (DfE Children in Need census) and the hub's own local lists. This is the
// one copy: forms, validators, search results and the export all read them from here.
import { z } from 'zod'

export interface CodeItem<C extends string = string> {
  readonly code: C
  readonly label: string
}

export function codeList<const C extends string>(items: readonly CodeItem<C>[]) {
  const codes = items.map((i) => i.code) as [C, ...C[]]
  const labels = new Map<string, string>(items.map((i) => [i.code, i.label]))
  return {
    items,
    schema: z.enum(codes),
    label: (code: string | null | undefined): string => (code ? (labels.get(code) ?? code) : '')
  }
}

/** Each of `codes` once, in the list's order (the order its form shows them); a code the list no longer has goes last. */
export function inListOrder(list: { items: readonly CodeItem[] }, codes: Iterable<string>): string[] {
  const order = new Map<string, number>(list.items.map((item, i) => [item.code, i]))
  const rank = (code: string) => order.get(code) ?? order.size
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/** Census sex codes from 2024-25. */
export const SEX = codeList([
  { code: 'F', label: 'Female' },
  { code: 'M', label: 'Male' },
  { code: 'U', label: 'Unknown or not recorded' }
] as const)

/** DfE ethnicity codes. */
export const ETHNICITY = codeList([
  { code: 'WBRI', label: 'White British' },
  { code: 'WIRI', label: 'White Irish' },
  { code: 'WIRT', label: 'Traveller of Irish heritage' },
  { code: 'WOTH', label: 'Any other White background' },
  { code: 'WROM', label: 'Gypsy/Roma' },
  { code: 'MWBC', label: 'White and Black Caribbean' },
  { code: 'MWBA', label: 'White and Black African' },
  { code: 'MWAS', label: 'White and Asian' },
  { code: 'MOTH', label: 'Any other mixed background' },
  { code: 'AIND', label: 'Indian' },
  { code: 'APKN', label: 'Pakistani' },
  { code: 'ABAN', label: 'Bangladeshi' },
  { code: 'AOTH', label: 'Any other Asian background' },
  { code: 'BCRB', label: 'Black Caribbean' },
  { code: 'BAFR', label: 'Black African' },
  { code: 'BOTH', label: 'Any other Black background' },
  { code: 'CHNE', label: 'Chinese' },
  { code: 'OOTH', label: 'Any other ethnic group' },
  { code: 'REFU', label: 'Refused' },
  { code: 'NOBT', label: 'Information not yet obtained' }
] as const)

/** DfE disability codes. */
export const DISABILITY = codeList([
  { code: 'NONE', label: 'No disability' },
  { code: 'MOB', label: 'Mobility' },
  { code: 'HAND', label: 'Hand function' },
  { code: 'PC', label: 'Personal care' },
  { code: 'INC', label: 'Incontinence' },
  { code: 'COMM', label: 'Communication' },
  { code: 'LD', label: 'Learning' },
  { code: 'HEAR', label: 'Hearing' },
  { code: 'VIS', label: 'Vision' },
  { code: 'BEH', label: 'Behaviour' },
  { code: 'CON', label: 'Consciousness' },
  { code: 'AUT', label: 'Autism or Asperger syndrome' },
  { code: 'DDA', label: 'Other DDA' }
] as const)

/** Local list: how a family first heard of the hub. */
export const HEARD_ABOUT = codeList([
  { code: 'HEALTH_VISITOR', label: 'Health visitor or midwife' },
  { code: 'SCHOOL', label: 'School or nursery' },
  { code: 'GP', label: 'GP or other health service' },
  { code: 'FRIEND_FAMILY', label: 'Friend or family' },
  { code: 'PROFESSIONAL', label: 'Another professional' },
  { code: 'ONLINE', label: 'Website or social media' },
  { code: 'WALKED_IN', label: 'Walked in or saw the building' },
  { code: 'OTHER', label: 'Other' }
] as const)

/** How an adult is related to the household. */
export const ADULT_RELATIONSHIP = codeList([
  { code: 'PARENT_CARER', label: 'Parent or carer' },
  { code: 'OTHER_ADULT', label: 'Other adult in the household' }
] as const)

export const MEMBER_KIND = codeList([
  { code: 'adult', label: 'Adult' },
  { code: 'child', label: 'Child' },
  { code: 'unborn', label: 'Unborn baby' }
] as const)

/** What a consent covers. Sharing names the agency it was given for. */
export const CONSENT_SCOPE = codeList([
  { code: 'REGISTRATION', label: 'Registration with the hub' },
  { code: 'SHARING', label: 'Sharing information with a named agency' },
  { code: 'CONTACT', label: 'Being contacted by the hub' },
  { code: 'EARLY_HELP', label: 'Early help: an assessment and a family plan with the Team Around the Family' }
] as const)

export const CONSENT_METHOD = codeList([
  { code: 'VERBAL', label: 'Verbal' },
  { code: 'WRITTEN', label: 'Written' }
] as const)

export type SexCode = z.infer<typeof SEX.schema>
export type EthnicityCode = z.infer<typeof ETHNICITY.schema>
export type DisabilityCode = z.infer<typeof DISABILITY.schema>

/** Supporting Families headline outcomes (2022–25 framework). */
export const HEADLINE = codeList([
  { code: 'EDUCATION', label: 'Getting a good education' },
  { code: 'EARLY_YEARS', label: 'Good early years development' },
  { code: 'HEALTH', label: 'Improved mental and physical health' },
  { code: 'SUBSTANCE_USE', label: 'Promoting recovery and reducing harm from substance use' },
  { code: 'RELATIONSHIPS', label: 'Improved family relationships' },
  { code: 'SAFE_FROM_ABUSE', label: 'Children safe from abuse and exploitation' },
  { code: 'CRIME', label: 'Crime prevention and tackling crime' },
  { code: 'DOMESTIC_ABUSE', label: 'Safe from domestic abuse' },
  { code: 'HOUSING', label: 'Secure housing' },
  { code: 'FINANCIAL', label: 'Financial stability' }
] as const)

/** What kind of contact or event a case note records. */
export const NOTE_TYPE = codeList([
  { code: 'HOME_VISIT', label: 'Home visit' },
  { code: 'PHONE_CALL', label: 'Phone call' },
  { code: 'MEETING', label: 'Meeting' },
  { code: 'MESSAGE', label: 'Message' },
  { code: 'OTHER', label: 'Other' }
] as const)

/** Why an early-help episode closed (no national list; the hub's own). */
export const CLOSURE_REASON = codeList([
  { code: 'OUTCOMES_ACHIEVED', label: 'Outcomes achieved' },
  { code: 'STEPPED_UP', label: "Stepped up to children's social care" },
  { code: 'TRANSFERRED', label: 'Transferred to another early-help service' },
  { code: 'MOVED_AWAY', label: 'Family moved away' },
  { code: 'CONSENT_WITHDRAWN', label: 'Family withdrew consent' },
  { code: 'NO_LONGER_MEETS_CRITERIA', label: 'No longer meets early-help criteria' },
  { code: 'OTHER', label: 'Other' }
] as const)

export const HEADLINE_OUTCOME = codeList([
  { code: 'ACHIEVED', label: 'Achieved' },
  { code: 'PARTLY', label: 'Partly achieved' },
  { code: 'NOT_ACHIEVED', label: 'Not achieved' }
] as const)

/** The three domains of the early help assessment (Common Assessment Framework). */
export const ASSESSMENT_DOMAIN = codeList([
  { code: 'CHILD_DEVELOPMENT', label: "Child's development" },
  { code: 'PARENTS_CARERS', label: 'Parents and carers' },
  { code: 'FAMILY_ENVIRONMENT', label: 'Family and environment' }
] as const)

/** How much help a domain needs (the hub's continuum of need; no national list). */
export const NEED_LEVEL = codeList([
  { code: 'NO_ADDITIONAL', label: 'No additional needs' },
  { code: 'ADDITIONAL', label: 'Additional needs' },
  { code: 'COMPLEX', label: 'Complex needs' },
  { code: 'ACUTE', label: "Acute needs (children's social care)" }
] as const)

export const ACTION_STATUS = codeList([
  { code: 'NOT_STARTED', label: 'Not started' },
  { code: 'IN_PROGRESS', label: 'In progress' },
  { code: 'DONE', label: 'Done' },
  { code: 'NOT_NEEDED', label: 'No longer needed' }
] as const)
