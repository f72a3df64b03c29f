// A registration typed half-way survives a closed window or a crash, as the casework forms' drafts
// do: kept in the database for the user who typed it and no one else, checked as a draft of the
// registration form's own schema, and gone once the family is registered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily, yearsAgo } from '../testing/fixtures'
import type { Connection } from '../core/casebook'
import { DRAFT_MAX_BYTES, REGISTRATION_DRAFT_KEY as key } from '../../shared/drafts/schemas'
import { MAX_MEMBERS_AT_REGISTRATION } from '../../shared/families/schemas'
import { jsonBytes } from '../../shared/json'

let t: TempCasebook
let rita: { connection: Connection; id: string }
beforeEach(async () => {
  t = await tempCasebook('registration-drafts')
  rita = await signedInUser(t, 'rita', 'reception')
})
afterEach(async () => {
  await t.dispose()
})

/** Half a registration as the form sends it: an unfinished postcode, a date of birth with only its day, nothing chosen yet. */
const halfTyped = () => ({
  family: {
    addressLine1: '3 Station Road',
    addressLine2: '',
    town: '',
    postcode: 'LS11',
    phone: '',
    email: 'grace@',
    mainLanguage: 'English',
    interpreterNeeded: false,
    heardAbout: null
  },
  members: [
    {
      member: {
        kind: 'adult',
        givenName: 'Grace',
        familyName: 'Okafor',
        nhsNumber: '',
        disabilities: [],
        gpPractice: '',
        dateOfBirth: '3//',
        sex: '',
        ethnicity: '',
        relationship: 'PARENT_CARER',
        parentalResponsibility: false
      },
      notDuplicateOf: []
    },
    {
      member: { kind: 'unborn', givenName: '', familyName: 'Okafor', nhsNumber: '', disabilities: [], gpPractice: '', sex: null, ethnicity: null },
      notDuplicateOf: []
    }
  ]
})

const draftRows = async () =>
  (await t.casebook.core.db.query(`SELECT user_name AS "userName", draft_key AS "draftKey" FROM draft ORDER BY user_name`)) as {
    userName: string
    draftKey: string
  }[]

describe('a registration draft', () => {
  it('is kept for the user who typed it, and given back to them alone', async () => {
    const saved = unwrap<{ savedAt: string }>(await rita.connection.invoke('drafts.save', { key, payload: halfTyped() }))
    expect(unwrap(await rita.connection.invoke('drafts.get', { key }))).toEqual({ payload: halfTyped(), savedAt: saved.savedAt })

    // Another receptionist at the same desk, and a practitioner: neither sees it, nor can remove it.
    const reece = await signedInUser(t, 'reece', 'reception')
    const pat = await signedInUser(t, 'pat', 'practitioner')
    for (const other of [reece, pat]) {
      expect(unwrap(await other.connection.invoke('drafts.get', { key }))).toBeNull()
      unwrap(await other.connection.invoke('drafts.discard', { key }))
    }
    expect(unwrap(await rita.connection.invoke('drafts.get', { key }))).toMatchObject({ payload: { family: { addressLine1: '3 Station Road' } } })

    // After the core is closed and opened again (the app closed, or killed), it is still there.
    await t.reopen()
    const again = t.casebook.connect()
    unwrap(await again.invoke('auth.signIn', { username: 'rita', password: 'a chosen passphrase' }))
    expect(unwrap(await again.invoke('drafts.get', { key }))).toMatchObject({ payload: halfTyped() })
  })

  it('is gone once the family is registered, in the same transaction, and kept when the registration is refused', async () => {
    unwrap(await rita.connection.invoke('drafts.save', { key, payload: halfTyped() }))
    const reece = await signedInUser(t, 'reece', 'reception')
    unwrap(await reece.connection.invoke('drafts.save', { key, payload: { family: { town: 'Leeds' } } }))

    // Refused by its schema before any work, and refused inside the transaction (a possible duplicate
    // not yet confirmed): the draft is what the user still has, so it stays.
    const unfinished = await rita.connection.invoke('families.register', { ...okaforFamily(), members: [], draftKey: key })
    expect(unfinished).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await t.ok('families.register', okaforFamily())
    const duplicate = await rita.connection.invoke('families.register', { ...okaforFamily(), draftKey: key })
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'DUPLICATE_UNCONFIRMED' } })
    expect(await draftRows()).toEqual([
      { userName: 'reece', draftKey: key },
      { userName: 'rita', draftKey: key }
    ])

    const registered = await rita.connection.invoke('families.register', {
      family: { addressLine1: '3 Station Road', town: 'Leeds', postcode: 'LS11 5AB', mainLanguage: 'English' },
      members: [
        { member: { kind: 'adult', givenName: 'Ann', familyName: 'Lee', dateOfBirth: yearsAgo(30), sex: 'F', ethnicity: 'CHNE', relationship: 'PARENT_CARER' } }
      ],
      draftKey: key
    })
    expect(registered).toMatchObject({ ok: true })
    expect(unwrap(await rita.connection.invoke('drafts.get', { key }))).toBeNull()
    // Another user's registration in progress is theirs: untouched.
    expect(await draftRows()).toEqual([{ userName: 'reece', draftKey: key }])
  })

  it('is refused, with a message and nothing stored, when it is not a draft of the registration form', async () => {
    const refused = async (payload: unknown) => {
      const answer = await rita.connection.invoke('drafts.save', { key, payload })
      expect({ payload, answer }).toMatchObject({ payload, answer: { ok: false, error: { code: 'VALIDATION' } } })
      return (answer as { error: { fields?: Record<string, string> } }).error.fields?.payload
    }
    const unreadable = 'Casebook could not read this draft, so it was not kept. Save the form to keep your work.'
    const draft = halfTyped()
    // Anything else kept under its key: a field the form does not have, at the top, in the household or in a member.
    expect(await refused({ notes: 'anything at all' })).toBe(unreadable)
    expect(await refused({ ...draft, family: { ...draft.family, bankDetails: '12-34-56' } })).toBe(unreadable)
    expect(await refused({ ...draft, members: [{ member: { ...draft.members[0]!.member, diagnosis: 'x' }, notDuplicateOf: [] }] })).toBe(unreadable)
    // A field of another kind of member (a school for an adult), a kind the form does not have, a member with no kind.
    expect(await refused({ ...draft, members: [{ member: { ...draft.members[0]!.member, school: 'Elm' }, notDuplicateOf: [] }] })).toBe(unreadable)
    expect(await refused({ members: [{ member: { kind: 'pet', givenName: 'Rex' } }] })).toBe(unreadable)
    expect(await refused({ members: [{ member: { givenName: 'Rex' } }] })).toBe(unreadable)
    // Values of the wrong kind, a code not on its list, a confirmed duplicate that is not a record's id.
    expect(await refused({ members: 'Grace and the baby' })).toBe(unreadable)
    expect(await refused({ family: { interpreterNeeded: 'yes' } })).toBe(unreadable)
    expect(await refused({ members: [{ member: { kind: 'child', sex: 'X' } }] })).toBe(unreadable)
    expect(await refused({ members: [{ member: { kind: 'child' }, notDuplicateOf: ['not an id'] }] })).toBe(unreadable)
    expect(await draftRows()).toEqual([])
  })

  it('holds each answer up to the form’s own maximum, and as many members as one registration adds, and no more', async () => {
    const tooLong = 'This registration is too long to keep as a draft: an answer is longer than the form allows. Shorten it to keep your work.'
    const save = (payload: unknown) => rita.connection.invoke('drafts.save', { key, payload })
    // Address line 1 may be 200 characters, a first name 100, an NHS number (as typed, with spaces) 20.
    const fullest = (n: number) => ({
      family: { ...halfTyped().family, addressLine1: 'a'.repeat(200), addressLine2: 'b'.repeat(200), town: 't'.repeat(100), email: 'e'.repeat(254) },
      members: Array.from({ length: n }, () => ({
        member: {
          kind: 'child',
          givenName: 'g'.repeat(100),
          familyName: 'f'.repeat(100),
          nhsNumber: '9'.repeat(20),
          school: 's'.repeat(200),
          gpPractice: 'p'.repeat(200),
          dateOfBirth: yearsAgo(3)
        },
        notDuplicateOf: Array.from({ length: 100 }, () => crypto.randomUUID())
      }))
    })
    const largest = fullest(MAX_MEMBERS_AT_REGISTRATION)
    expect(jsonBytes(largest)).toBeLessThanOrEqual(DRAFT_MAX_BYTES)
    unwrap(await save(largest))

    expect(await save(fullest(MAX_MEMBERS_AT_REGISTRATION + 1))).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { payload: tooLong } } })
    for (const [where, payload] of [
      ['address line 1', { family: { addressLine1: 'a'.repeat(201) } }],
      ['first name', { members: [{ member: { kind: 'adult', givenName: 'g'.repeat(101) } }] }],
      ['date of birth', { members: [{ member: { kind: 'adult', dateOfBirth: '03/07/20199' } }] }],
      ['people confirmed different', { members: [{ member: { kind: 'adult' }, notDuplicateOf: Array.from({ length: 101 }, () => crypto.randomUUID()) }] }]
    ] as const) {
      expect({ where, answer: await save(payload) }).toMatchObject({
        where,
        answer: { ok: false, error: { code: 'VALIDATION', fields: { payload: tooLong } } }
      })
    }
    // The largest saved before is still what is kept.
    expect(unwrap(await rita.connection.invoke('drafts.get', { key }))).toMatchObject({ payload: { members: { length: MAX_MEMBERS_AT_REGISTRATION } } })
  })

  it('is read back only as a draft of the form: one altered in the database is refused, not passed to the screen', async () => {
    unwrap(await rita.connection.invoke('drafts.save', { key, payload: halfTyped() }))
    await t.casebook.core.writes.run((manager) =>
      manager.query(`UPDATE draft SET payload = ? WHERE draft_key = ?`, [JSON.stringify({ family: { script: '<img src=x onerror=alert(1)>' } }), key])
    )
    expect(await rita.connection.invoke('drafts.get', { key })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
  })

  it('is open to everyone who registers families; a draft of casework still needs early help, and its refusal is on the audit trail', async () => {
    const admin = await signedInUser(t, 'ada', 'admin')
    expect(await admin.connection.invoke('drafts.save', { key, payload: halfTyped() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const family = (await t.ok('families.register', okaforFamily())) as { id: string }
    const note = `case-note:${family.id}`
    for (const channel of ['drafts.save', 'drafts.get', 'drafts.discard']) {
      const answer = await rita.connection.invoke(channel, { key: note, payload: { text: 'x' } })
      expect({ channel, answer }).toMatchObject({
        channel,
        answer: { ok: false, error: { code: 'FORBIDDEN', message: 'You do not have permission to do that' } }
      })
      const [{ n }] = await t.casebook.core.db.query(
        `SELECT count(*) AS "n" FROM audit_entry WHERE action = 'permission-refused' AND actor = 'rita' AND record_id = ?`,
        [channel]
      )
      expect({ channel, n }).toEqual({ channel, n: 1 })
    }
    expect(await draftRows()).toEqual([])
  })
})
