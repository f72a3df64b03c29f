// A family has at most MAX_FAMILY_MEMBERS current members: the core refuses adding or moving in one
// more, on a real database, and writes nothing when it does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, yearsAgo } from '../testing/fixtures'
import { MAX_FAMILY_MEMBERS, MAX_MEMBERS_AT_REGISTRATION, type MemberInput } from '../../shared/families/schemas'
import { addDays } from '../../shared/dates'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('family-size')
})
afterEach(async () => {
  await t.dispose()
})

const NAMES = 'Ada Bea Cai Dev Eli Fay Gus Hal Ivy Jon Kit Lea Max Ned Oli Pip Quin Rae Sam Tia Uma Vic Wes Xia Yan Zac Ava Ben Cal Dot Eve'.split(' ')

/** The nth child: a name and a day of birth nobody else in the test has. */
const child = (n: number): MemberInput =>
  ({ kind: 'child', givenName: NAMES[n], familyName: 'Brightwater', dateOfBirth: addDays(yearsAgo(12), n * 40), sex: 'F', ethnicity: 'WBRI' }) as MemberInput

/** Adds a child, confirming any possible duplicates the check names, as the screen would. */
async function addChild(familyId: string, n: number) {
  const member = child(n)
  const { matches } = await t.ok('people.checkDuplicates', {
    givenName: member.givenName,
    familyName: member.familyName,
    dateOfBirth: (member as { dateOfBirth: string }).dateOfBirth
  })
  return t.connection.invoke('families.addMember', { familyId, member, notDuplicateOf: matches.map((m: { personId: string }) => m.personId) })
}

const countMembers = async (familyId: string) => {
  const [{ n }] = await t.casebook.core.db.query('SELECT count(*) AS n FROM person WHERE family_id = ?', [familyId])
  return Number(n)
}

describe('the size of a family', () => {
  it(`lets a family grow to ${MAX_FAMILY_MEMBERS} members and refuses one more, added or moved in, writing nothing`, async () => {
    const base = okaforFamily()
    const registered = await t.ok<{ id: string }>('families.register', {
      family: base.family,
      members: Array.from({ length: MAX_MEMBERS_AT_REGISTRATION }, (_, n) => ({ member: child(n) }))
    })
    for (let n = MAX_MEMBERS_AT_REGISTRATION; n < MAX_FAMILY_MEMBERS; n++) {
      const added = await addChild(registered.id, n)
      expect(added.ok, JSON.stringify(added)).toBe(true)
    }
    expect(await countMembers(registered.id)).toBe(MAX_FAMILY_MEMBERS)

    expect(await addChild(registered.id, MAX_FAMILY_MEMBERS)).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'There is a problem',
        fields: { member: 'This family already has 30 members, the most Casebook allows. Check it is the right family.' }
      }
    })

    const full = await t.ok<{ family: { reference: string } }>('families.get', { id: registered.id })
    const other = await t.ok<{ id: string }>('families.register', okaforFamily())
    const mover = (await t.ok<{ members: { id: string; version: number }[] }>('families.get', { id: other.id })).members[0]!
    expect(await t.connection.invoke('people.move', { id: mover.id, version: mover.version, toFamilyReference: full.family.reference })).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'There is a problem',
        fields: { toFamilyReference: 'That family already has 30 members, the most Casebook allows. Check it is the right family.' }
      }
    })
    expect(await countMembers(registered.id)).toBe(MAX_FAMILY_MEMBERS)
    expect(await countMembers(other.id)).toBe(okaforFamily().members.length)
    const [{ n: memberships }] = await t.casebook.core.db.query('SELECT count(*) AS n FROM family_membership WHERE person_id = ?', [mover.id])
    expect(Number(memberships)).toBe(1)
  })
})
