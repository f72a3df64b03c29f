// One child's Children in Need census file, for a step-up: the items the hub knows, in the census's
// XML shape (reference/codes.md: Message > Header, Children > Child > ChildIdentifiers,
// ChildCharacteristics, CINdetails). What the census requires and the hub has not recorded is said
// plainly, per child, before anything is written.
import { DISABILITY, ETHNICITY } from '../../shared/codes'
import { REFERRAL_SOURCE, UPN_UNKNOWN } from '../../shared/referrals/codes'
import type { StepUpChild } from '../../shared/referrals/stepUp'
import { xmlDocument, type XmlNode } from './xml'

/** The census's UPN pattern: a letter, then 12 digits, or 11 digits and a letter. */
export const CIN_UPN = /^[A-Z](\d{12}|\d{11}[A-Z])$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

export type CinChild = Omit<StepUpChild, 'missing' | 'name'>

export interface CinFile {
  /** The authority's three-digit number (the hub's local authority code). */
  lea: string
  /** ISO-8601 instant the file is made. */
  now: string
  child: CinChild
  /** Why the census is told the UPN is not known (UN1 to UN7), when the child has none. */
  upnUnknown: string | null
  referralDate: string
  referralSource: string
}

/** What the child's record lacks for the census file, in words for the person who can record it. */
export function cinMissing(child: CinChild): string[] {
  const missing: string[] = []
  if (child.kind === 'unborn' && !child.expectedDate) missing.push('No expected date of birth recorded')
  if (child.kind !== 'unborn' && !child.dateOfBirth) missing.push('No date of birth recorded')
  if (!child.ethnicity || !ETHNICITY.items.some((e) => e.code === child.ethnicity))
    missing.push('No ethnicity recorded (record “Information not yet obtained” if it is not known yet)')
  if (child.upn && !CIN_UPN.test(child.upn)) missing.push('The UPN recorded is not in the census’s form')
  if (child.disabilities.some((d) => !DISABILITY.items.some((i) => i.code === d))) missing.push('A disability recorded is not a census code')
  return missing
}

/** Everything that stops the file being made: the record's gaps, the UPN's reason, the referral's own items. */
export function cinProblems(file: CinFile): string[] {
  const problems = cinMissing(file.child)
  if (!file.child.upn && !UPN_UNKNOWN.items.some((u) => u.code === file.upnUnknown)) problems.push('No UPN recorded: select why it is not known')
  if (!/^\d{3}$/.test(file.lea)) problems.push('The hub’s local authority number must be 3 digits (Hub settings)')
  if (!DATE.test(file.referralDate)) problems.push('The step-up has no referral date')
  if (!REFERRAL_SOURCE.items.some((s) => s.code === file.referralSource)) problems.push('The step-up’s referral source is not a census code')
  return problems
}

/** The census collection year a day falls in: the year ending on 31 March. */
export function censusYear(day: string): number {
  const year = Number(day.slice(0, 4))
  return Number(day.slice(5, 7)) >= 4 ? year + 1 : year
}

/** The file's XML. Call only when cinProblems is empty: it does not invent what is missing. */
export function cinXml(file: CinFile): string {
  const problems = cinProblems(file)
  if (problems.length) throw new Error(`The census file cannot be made: ${problems.join('; ')}`)
  const { child } = file
  const year = censusYear(file.referralDate)
  const identifiers: XmlNode[] = [
    { name: 'LAchildID', text: child.id },
    child.upn ? { name: 'UPN', text: child.upn } : { name: 'UPNunknown', text: file.upnUnknown! },
    child.kind === 'unborn' ? { name: 'ExpectedPersonBirthDate', text: child.expectedDate! } : { name: 'PersonBirthDate', text: child.dateOfBirth! },
    { name: 'Sex', text: child.sex ?? 'U' }
  ]
  const characteristics: XmlNode[] = [{ name: 'Ethnicity', text: child.ethnicity! }]
  if (child.disabilities.length) characteristics.push({ name: 'Disabilities', children: child.disabilities.map((d) => ({ name: 'Disability', text: d })) })
  return xmlDocument({
    name: 'Message',
    children: [
      {
        name: 'Header',
        children: [
          {
            name: 'CollectionDetails',
            children: [
              { name: 'Collection', text: 'CIN' },
              { name: 'Year', text: String(year) },
              { name: 'ReferenceDate', text: `${year}-03-31` }
            ]
          },
          {
            name: 'Source',
            children: [
              { name: 'SourceLevel', text: 'L' },
              { name: 'LEA', text: file.lea },
              { name: 'SoftwareCode', text: 'Casebook' },
              { name: 'Release', text: '1' },
              { name: 'SerialNo', text: '1' },
              { name: 'DateTime', text: file.now.slice(0, 19) }
            ]
          }
        ]
      },
      {
        name: 'Children',
        children: [
          {
            name: 'Child',
            children: [
              { name: 'ChildIdentifiers', children: identifiers },
              { name: 'ChildCharacteristics', children: characteristics },
              {
                name: 'CINdetails',
                children: [
                  { name: 'CINreferralDate', text: file.referralDate },
                  { name: 'ReferralSource', text: file.referralSource },
                  { name: 'ReferralNFA', text: 'false' }
                ]
              }
            ]
          }
        ]
      }
    ]
  })
}
