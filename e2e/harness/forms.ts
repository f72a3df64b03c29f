// Filling the app's forms the way a person does: by their visible labels.
import type { Locator, Page } from '@playwright/test'

export interface PersonEntry {
  first?: string
  last: string
  born?: [string, string, string]
  due?: [string, string, string]
  sex?: string
  ethnicity?: string
  nhs?: string
  upn?: string
  parentalResponsibility?: boolean
}

export async function fillDate(scope: Locator, legend: string, [day, month, year]: [string, string, string]) {
  const group = scope.getByRole('group', { name: legend })
  await group.getByLabel('Day').fill(day)
  await group.getByLabel('Month').fill(month)
  await group.getByLabel('Year').fill(year)
}

export async function fillPerson(scope: Locator, p: PersonEntry) {
  if (p.first !== undefined) await scope.getByLabel('First name').fill(p.first)
  await scope.getByLabel('Last name').fill(p.last)
  if (p.born) await fillDate(scope, 'Date of birth', p.born)
  if (p.due) await fillDate(scope, 'Expected date of delivery', p.due)
  if (p.sex) await scope.getByLabel('Sex').selectOption({ label: p.sex })
  if (p.ethnicity) await scope.getByLabel('Ethnicity').selectOption({ label: p.ethnicity })
  if (p.nhs) await scope.getByLabel('NHS number').fill(p.nhs)
  if (p.upn) await scope.getByLabel('UPN', { exact: true }).fill(p.upn)
  if (p.parentalResponsibility) await scope.getByLabel('Has parental responsibility').check()
}

export async function fillHousehold(page: Page, h: { address: string; town: string; postcode: string; phone?: string; email?: string; language?: string }) {
  const household = page.getByRole('group', { name: 'Household' })
  await household.getByLabel('Address line 1').fill(h.address)
  await household.getByLabel('Town or city').fill(h.town)
  await household.getByLabel('Postcode').fill(h.postcode)
  if (h.phone) await household.getByLabel('Phone number').fill(h.phone)
  if (h.email) await household.getByLabel('Email address').fill(h.email)
  if (h.language) await household.getByLabel('Main language').fill(h.language)
}

/** The fieldset of a member on the register form, by its legend ("Adult 1", "Child 2"). */
export const member = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true })

/** A date a number of years (and months) before or after today, as the three boxes. */
export function dateParts(yearsFromNow: number, monthsFromNow = 0): [string, string, string] {
  const d = new Date()
  d.setFullYear(d.getFullYear() + yearsFromNow)
  d.setMonth(d.getMonth() + monthsFromNow)
  return [String(d.getDate()), String(d.getMonth() + 1), String(d.getFullYear())]
}
