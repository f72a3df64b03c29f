// Families used by the integration and browser tests, valid against today's date.
import { addMonths, addYears, todayIso } from '../../shared/dates'
import type { RegisterFamilyInput } from '../../shared/families/schemas'

export const today = todayIso()
export const yearsAgo = (years: number, monthsMore = 0) => addMonths(addYears(today, -years), -monthsMore)

export function okaforFamily(): RegisterFamilyInput {
  return {
    family: {
      addressLine1: '12 Acacia Road',
      town: 'Birmingham',
      postcode: 'b33 8th',
      phone: '0121 496 0000',
      email: 'okafor@example.com',
      mainLanguage: 'English',
      interpreterNeeded: false,
      heardAbout: 'HEALTH_VISITOR'
    },
    members: [
      {
        member: {
          kind: 'adult',
          givenName: 'Grace',
          familyName: "O'Neill-Okafor",
          dateOfBirth: yearsAgo(31),
          sex: 'F',
          ethnicity: 'BAFR',
          relationship: 'PARENT_CARER',
          parentalResponsibility: true,
          nhsNumber: '943 476 5919'
        }
      },
      {
        member: {
          kind: 'adult',
          givenName: 'Samuel',
          familyName: 'Okafor',
          dateOfBirth: yearsAgo(34),
          sex: 'M',
          ethnicity: 'BAFR',
          relationship: 'PARENT_CARER',
          parentalResponsibility: true
        }
      },
      {
        member: {
          kind: 'child',
          givenName: 'Catherine',
          familyName: 'Okafor',
          dateOfBirth: '2019-07-03',
          sex: 'F',
          ethnicity: 'BAFR',
          upn: 'Q823456789012',
          school: 'Acacia Primary',
          disabilities: ['HEAR']
        }
      },
      { member: { kind: 'child', givenName: 'Mohammed', familyName: 'Okafor', dateOfBirth: yearsAgo(2, 3), sex: 'M', ethnicity: 'BAFR' } },
      { member: { kind: 'unborn', familyName: 'Okafor', expectedDate: addMonths(today, 3) } }
    ]
  }
}
