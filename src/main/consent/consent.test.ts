// Consent is given by someone who could give it: an adult of the household, or a young person of
// 16 or over on the day, never an unborn baby or a younger child, on a day they were alive and
// not more than 10 years ago. The core decides, with the person's record, on the consent page and
// when an episode is opened on consent given there and then; nothing is written when it refuses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily, today, yearsAgo } from '../testing/fixtures'
import { addMonths, addYears } from '../../shared/dates'
import type { Connection } from '../core/casebook'

let t: TempCasebook
let pat: Connection
let patId: string
let familyId: string
const people: Record<string, string> = {}

/** 16 years and 2 months ago: 16 since two months ago. */
const youngPersonBorn = yearsAgo(16, 2)

beforeEach(async () => {
  t = await tempCasebook('consent')
  ;({ connection: pat, id: patId } = await signedInUser(t, 'pat', 'practitioner'))
  familyId = (await t.ok('families.register', okaforFamily())).id
  const child = (givenName: string, dateOfBirth: string) => ({ kind: 'child', givenName, familyName: 'Okafor', dateOfBirth, sex: 'F', ethnicity: 'BAFR' })
  await t.ok('families.addMember', { familyId, member: child('Blessing', youngPersonBorn) })
  // An adult's record whose date of birth is recent: a slip of the keyboard the form allows.
  await t.ok('families.addMember', {
    familyId,
    member: { kind: 'adult', givenName: 'Ruth', familyName: 'Okafor', dateOfBirth: yearsAgo(3), sex: 'F', ethnicity: 'BAFR', relationship: 'OTHER_ADULT' }
  })
  for (const m of (await t.ok('families.get', { id: familyId })).members) people[m.givenName ?? 'unborn'] = m.id
})
afterEach(async () => {
  await t.dispose()
})

const counts = async () => (await t.casebook.core.db.query('SELECT (SELECT count(*) FROM consent) AS consents, (SELECT count(*) FROM episode) AS episodes'))[0]
const record = (givenById: string | undefined, givenOn: string) =>
  pat.invoke('consent.record', { familyId, givenById, scope: 'CONTACT', method: 'VERBAL', givenOn })
const openOn = (consentGivenById: string | undefined, consentGivenOn: string) =>
  pat.invoke('episodes.open', {
    familyId,
    openedOn: today,
    leadUserId: patId,
    reason: 'Housing worries',
    headlines: ['HOUSING'],
    consentId: 'new',
    consentGivenById,
    consentMethod: 'VERBAL',
    consentGivenOn
  })

const UNBORN = 'An unborn baby cannot give consent. Select an adult or a young person aged 16 or over'
const UNDER_16 = 'They were under 16 on the date consent was given. Select an adult or a young person aged 16 or over'
const TOO_LONG_AGO = 'Date consent was given must be within the last 10 years'
const BEFORE_BIRTH = 'Date consent was given must be on or after the date of birth of the person who gave it'

describe('who can give consent, and when', () => {
  it('is an adult of the household, or a young person of 16 or over on the day', async () => {
    expect(await record(people.Grace, today)).toMatchObject({ ok: true })
    expect(await record(people.Blessing, addMonths(today, -1))).toMatchObject({ ok: true })
    expect(await record(people.Grace, addYears(today, -10))).toMatchObject({ ok: true })
    expect(await counts()).toEqual({ consents: 3, episodes: 0 })
  })

  it('is never an unborn baby or a younger child, and a young person only from their 16th birthday', async () => {
    const before = await counts()
    expect(await record(people.unborn, today)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'There is a problem', fields: { givenById: UNBORN } }
    })
    expect(await record(people.Mohammed, today)).toMatchObject({ ok: false, error: { fields: { givenById: UNDER_16 } } })
    expect(await record(people.Catherine, today)).toMatchObject({ ok: false, error: { fields: { givenById: UNDER_16 } } })
    // Blessing turned 16 two months ago: not three months ago.
    expect(await record(people.Blessing, addMonths(today, -3))).toMatchObject({ ok: false, error: { fields: { givenById: UNDER_16 } } })
    expect(await counts()).toEqual(before)
  })

  it('is on a day after the giver was born, and not more than 10 years ago', async () => {
    const before = await counts()
    expect(await record(people.Grace, '1900-01-01')).toMatchObject({ ok: false, error: { fields: { givenOn: TOO_LONG_AGO } } })
    expect(await record(people.Grace, addYears(addMonths(today, -1), -10))).toMatchObject({ ok: false, error: { fields: { givenOn: TOO_LONG_AGO } } })
    expect(await record(people.Ruth, yearsAgo(4))).toMatchObject({ ok: false, error: { fields: { givenOn: BEFORE_BIRTH } } })
    expect(await record(people.Mohammed, yearsAgo(5))).toMatchObject({ ok: false, error: { fields: { givenById: UNDER_16, givenOn: BEFORE_BIRTH } } })
    expect(await counts()).toEqual(before)
  })

  it('holds the same when an episode is opened on consent given there and then', async () => {
    expect(await openOn(people.unborn, today)).toMatchObject({ ok: false, error: { fields: { consentGivenById: UNBORN } } })
    expect(await openOn(people.Mohammed, today)).toMatchObject({ ok: false, error: { fields: { consentGivenById: UNDER_16 } } })
    expect(await openOn(people.Grace, '1900-01-01')).toMatchObject({ ok: false, error: { fields: { consentGivenOn: TOO_LONG_AGO } } })
    expect(await counts()).toEqual({ consents: 0, episodes: 0 })
    unwrap(await openOn(people.Blessing, today))
    expect(await counts()).toEqual({ consents: 1, episodes: 1 })
  })
})

describe('what cannot be read at all', () => {
  it('is refused in words a person can follow, with the detail left for the log', async () => {
    const answer = await pat.invoke('consent.record', { familyId, givenById: people.Grace, scope: 'CONTACT', method: 'VERBAL', givenOn: 10n })
    expect(answer).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Casebook could not read what was sent (it is not in the form this request needs). Nothing was saved.' }
    })
    const long = await pat.invoke('consent.record', {
      familyId,
      givenById: people.Grace,
      scope: 'SHARING',
      agency: 'x'.repeat(200_000),
      method: 'VERBAL',
      givenOn: today
    })
    expect(long).toMatchObject({ ok: false, error: { message: 'Casebook could not read what was sent (an answer that is too long). Nothing was saved.' } })
  })
})
