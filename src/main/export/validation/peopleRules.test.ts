// The family (1xx) and person (2xx) rules on a real SQLite file: each breaks records of a hub made
// through the app with plain SQL, and its rule reports exactly those records, with their family.
import { afterAll, beforeAll, describe, it } from 'vitest'
import { addDays } from '../../../shared/dates'
import { upnCheckLetter } from '../../../shared/identifiers/upn'
import { today } from '../../testing/fixtures'
import { checkCase, of, validNhsNumber, validationWorld, type RuleCase, type ValidationWorld } from './testWorld'

let w: ValidationWorld
beforeAll(async () => {
  w = await validationWorld('validation-people')
})
afterAll(async () => {
  await w?.t.dispose()
})

const GRACE_NHS = '9434765919'
const CATHERINE_UPN = 'Q823456789012'
const anotherUpn = () => `${upnCheckLetter('823456789013')}823456789013`

const cases: RuleCase[] = [
  {
    code: 'CB101',
    does: 'a postcode whose inward code has a letter postcodes never use; the Bells’ is real',
    breaks: (w) => [[`UPDATE family SET postcode = 'B33 8TI' WHERE id = ?`, [w.okafors.id]]],
    reported: (w) => [of(w, 'okafors', w.okafors.id)]
  },
  {
    code: 'CB102',
    does: 'everyone in the Bells’ household moved to the Okafors (Ellie given her identifiers there)',
    breaks: (w) => [
      [`UPDATE person SET nhs_number = ?, upn_unknown = 'UN2' WHERE id = ?`, [validNhsNumber(3), w.bellPeople.Ellie]],
      ['UPDATE person SET family_id = ? WHERE family_id = ?', [w.okafors.id, w.bells.id]]
    ],
    reported: (w) => [of(w, 'bells', w.bells.id)]
  },
  {
    code: 'CB103',
    does: 'how the Okafors heard of the hub is a code of no list',
    breaks: (w) => [[`UPDATE family SET heard_about = 'BILLBOARD' WHERE id = ?`, [w.okafors.id]]],
    reported: (w) => [of(w, 'okafors', w.okafors.id)]
  },
  {
    code: 'CB201',
    does: 'Catherine, on an open episode, has no NHS number; Ellie has none either but the Bells’ episode is closed',
    breaks: (w) => [['UPDATE person SET nhs_number = NULL WHERE id = ?', [w.people.Catherine]]],
    reported: (w) => [of(w, 'okafors', w.people.Catherine)]
  },
  {
    code: 'CB202',
    does: 'Mohammed loses the reason his UPN is not known; Catherine has a UPN; Ellie’s episode is closed',
    breaks: (w) => [['UPDATE person SET upn_unknown = NULL WHERE id = ?', [w.people.Mohammed]]],
    reported: (w) => [of(w, 'okafors', w.people.Mohammed)]
  },
  {
    code: 'CB203',
    does: 'Grace’s NHS number has a wrong check digit and Samuel’s is stored with a space; the children’s are valid',
    breaks: (w) => [
      [`UPDATE person SET nhs_number = '9434765918' WHERE id = ?`, [w.people.Grace]],
      // Ten characters, as PostgreSQL's varchar(10) holds (SQLite would hold '943 476 5919' too).
      [`UPDATE person SET nhs_number = '943 476591' WHERE id = ?`, [w.people.Samuel]]
    ],
    reported: (w) => [of(w, 'okafors', w.people.Grace), of(w, 'okafors', w.people.Samuel)]
  },
  {
    code: 'CB204',
    does: 'Catherine’s UPN has a wrong check letter and Ellie’s is a valid one in lower case',
    breaks: (w) => [
      [`UPDATE person SET upn = 'A823456789012' WHERE id = ?`, [w.people.Catherine]],
      ['UPDATE person SET upn = ? WHERE id = ?', [anotherUpn().toLowerCase(), w.bellPeople.Ellie]]
    ],
    reported: (w) => [of(w, 'okafors', w.people.Catherine), of(w, 'bells', w.bellPeople.Ellie)]
  },
  {
    code: 'CB205',
    does: 'Mohammed, whose UPN is not known (UN1), is given a UPN as well; Catherine has a UPN alone',
    unchecked: true,
    breaks: (w) => [['UPDATE person SET upn = ? WHERE id = ?', [anotherUpn(), w.people.Mohammed]]],
    reported: (w) => [of(w, 'okafors', w.people.Mohammed)]
  },
  {
    code: 'CB206',
    does: 'the reason Mohammed’s UPN is not known is UN9',
    unchecked: true,
    breaks: (w) => [[`UPDATE person SET upn_unknown = 'UN9' WHERE id = ?`, [w.people.Mohammed]]],
    reported: (w) => [of(w, 'okafors', w.people.Mohammed)]
  },
  {
    code: 'CB207',
    does: 'Samuel’s date of birth is tomorrow; the unborn baby’s expected date is in the future, as it should be',
    breaks: (w) => [['UPDATE person SET date_of_birth = ? WHERE id = ?', [addDays(today, 1), w.people.Samuel]]],
    reported: (w) => [of(w, 'okafors', w.people.Samuel)]
  },
  {
    code: 'CB208',
    does: 'Catherine has no date of birth and the unborn baby no expected date; Samuel, an adult, has no date of birth either',
    breaks: (w) => [
      ['UPDATE person SET date_of_birth = NULL WHERE id IN (?, ?)', [w.people.Catherine, w.people.Samuel]],
      ['UPDATE person SET expected_date = NULL WHERE id = ?', [w.people.Unborn]]
    ],
    reported: (w) => [of(w, 'okafors', w.people.Catherine), of(w, 'okafors', w.people.Unborn)]
  },
  {
    code: 'CB209',
    does: 'dates that cannot be: 30 February, a date written 03/07/1990, a 13th month; Ellie born on 29 February 2016 is real',
    breaks: (w) => [
      [`UPDATE person SET date_of_birth = '2019-02-30' WHERE id = ?`, [w.people.Catherine]],
      [`UPDATE person SET date_of_birth = '03/07/1990' WHERE id = ?`, [w.people.Samuel]],
      [`UPDATE person SET expected_date = '2027-13-01' WHERE id = ?`, [w.people.Unborn]],
      [`UPDATE person SET date_of_birth = '2016-02-29' WHERE id = ?`, [w.bellPeople.Ellie]]
    ],
    reported: (w) => [of(w, 'okafors', w.people.Catherine), of(w, 'okafors', w.people.Samuel), of(w, 'okafors', w.people.Unborn)]
  },
  {
    code: 'CB210',
    does: 'the baby was expected 29 days ago (28 days ago is not yet reported)',
    breaks: (w) => [['UPDATE person SET expected_date = ? WHERE id = ?', [addDays(today, -29), w.people.Unborn]]],
    reported: (w) => [of(w, 'okafors', w.people.Unborn)],
    nearMiss: (w) => [['UPDATE person SET expected_date = ? WHERE id = ?', [addDays(today, -28), w.people.Unborn]]]
  },
  {
    code: 'CB211',
    does: 'Samuel’s sex is X and Ellie’s blank; the unborn baby’s is not recorded, which is allowed',
    breaks: (w) => [
      [`UPDATE person SET sex = 'X' WHERE id = ?`, [w.people.Samuel]],
      [`UPDATE person SET sex = '' WHERE id = ?`, [w.bellPeople.Ellie]]
    ],
    reported: (w) => [of(w, 'okafors', w.people.Samuel), of(w, 'bells', w.bellPeople.Ellie)]
  },
  {
    code: 'CB212',
    does: 'Grace’s ethnicity is a code of no census list',
    breaks: (w) => [[`UPDATE person SET ethnicity = 'AFRI' WHERE id = ?`, [w.people.Grace]]],
    reported: (w) => [of(w, 'okafors', w.people.Grace)]
  },
  {
    code: 'CB213',
    does: 'Catherine, whose hearing is a census disability, has two codes of no list as well (one finding)',
    breaks: (w) => [[`INSERT INTO person_disability (person_id, code) VALUES (?, 'DEAF'), (?, 'BLIND')`, [w.people.Catherine, w.people.Catherine]]],
    reported: (w) => [of(w, 'okafors', w.people.Catherine)]
  },
  {
    code: 'CB214',
    does: 'Samuel is an uncle and Ellie a teen: neither is on its list',
    breaks: (w) => [
      [`UPDATE person SET relationship = 'UNCLE' WHERE id = ?`, [w.people.Samuel]],
      [`UPDATE person SET kind = 'teen' WHERE id = ?`, [w.bellPeople.Ellie]]
    ],
    reported: (w) => [of(w, 'okafors', w.people.Samuel), of(w, 'bells', w.bellPeople.Ellie)]
  },
  {
    code: 'CB215',
    does: 'Samuel has Grace’s NHS number: both are reported; the children’s differ',
    breaks: (w) => [['UPDATE person SET nhs_number = ? WHERE id = ?', [GRACE_NHS, w.people.Samuel]]],
    reported: (w) => [of(w, 'okafors', w.people.Grace), of(w, 'okafors', w.people.Samuel)]
  },
  {
    code: 'CB216',
    does: 'Ellie, in another family, has Catherine’s UPN: both are reported',
    breaks: (w) => [['UPDATE person SET upn = ? WHERE id = ?', [CATHERINE_UPN, w.bellPeople.Ellie]]],
    reported: (w) => [of(w, 'okafors', w.people.Catherine), of(w, 'bells', w.bellPeople.Ellie)]
  }
]

describe('family and person rules', () => {
  for (const c of cases) it(`${c.code}: ${c.does}`, () => checkCase(w, c))
})
