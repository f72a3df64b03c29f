import { ADULT_RELATIONSHIP } from '../../../shared/codes'
import { ageInYears, formatDate, todayIso } from '../../../shared/dates'

/** "6 years", "11 months", "Due 3 July 2027": how old someone is, the way staff say it. */
export function describeAge(p: { dateOfBirth: string | null; expectedDate: string | null }, today = todayIso()): string {
  if (!p.dateOfBirth) return p.expectedDate ? `Due ${formatDate(p.expectedDate)}` : ''
  const years = ageInYears(p.dateOfBirth, today)
  if (years >= 2) return `${years} years`
  const [by, bm, bd] = p.dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0)
  return months === 1 ? '1 month' : `${months} months`
}

export { personName } from '../../../shared/families/familyName'

export function describeRole(p: { kind: string; relationship: string | null }): string {
  if (p.kind === 'adult') return ADULT_RELATIONSHIP.label(p.relationship) || 'Adult'
  return p.kind === 'child' ? 'Child' : 'Unborn baby'
}
