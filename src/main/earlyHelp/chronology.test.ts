// The chronology's filters, in the core: by kind of entry, by the person an entry is about (by id,
// so two members of one name are told apart), by the day each entry shows, and all at once; a bad
// range is refused as a value with a message for its field. Staff are named as staff know them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, yearsAgo } from '../testing/fixtures'
import { signedInUser } from '../testing/accounts'
import { requestInput } from '../referrals/testWorld'
import type { ChronologyAnswer } from '../../shared/earlyHelp/chronology'

let t: TempCasebook
let rita: { connection: Connection; id: string }
let familyId: string
const person: Record<string, string> = {}

const read = async (filter: object = {}): Promise<ChronologyAnswer> => unwrap(await rita.connection.invoke('chronology.get', { familyId, ...filter }))
const summary = (answer: ChronologyAnswer) => answer.entries.map((e) => `${e.when.slice(0, 10)} ${e.kind}`)
const note = (occurredOn: string, type: string, about: string, text: string, significant = false) =>
  rita.connection.invoke('notes.add', { familyId, occurredOn, occurredAt: '10:00', type, peopleIds: [person[about]], text, significant }).then((r) => unwrap(r))

beforeAll(async () => {
  t = await tempCasebook('chronology')
  // Her username is not her name: every entry must say "by Rita Williams".
  rita = await signedInUser(t, 'rwilliams', 'practitioner', 'Rita Williams')
  const input = okaforFamily()
  // A son with his father's name: the person filter must tell them apart.
  input.members.push({ member: { kind: 'child', givenName: 'Samuel', familyName: 'Okafor', dateOfBirth: yearsAgo(8), sex: 'M', ethnicity: 'BAFR' } })
  familyId = unwrap<{ id: string }>(await rita.connection.invoke('families.register', input)).id
  const view = unwrap<{ members: { id: string; givenName: string; dateOfBirth: string | null }[] }>(
    await rita.connection.invoke('families.get', { id: familyId })
  )
  const samuels = view.members.filter((m) => m.givenName === 'Samuel').sort((a, b) => (a.dateOfBirth ?? '').localeCompare(b.dateOfBirth ?? ''))
  person.grace = view.members.find((m) => m.givenName === 'Grace')!.id
  person.catherine = view.members.find((m) => m.givenName === 'Catherine')!.id
  person.samuel = samuels[0]!.id
  person.samuelJunior = samuels[1]!.id

  await note('2026-03-01', 'HOME_VISIT', 'grace', 'Visited Grace at home.')
  const { id: episodeId } = unwrap<{ id: string }>(
    await rita.connection.invoke('episodes.open', {
      familyId,
      openedOn: '2026-03-10',
      leadUserId: rita.id,
      reason: 'Rent arrears',
      headlines: ['HOUSING'],
      consentId: 'new',
      consentGivenById: person.grace,
      consentMethod: 'VERBAL',
      consentGivenOn: '2026-03-10'
    })
  )
  await note('2026-03-15', 'PHONE_CALL', 'samuelJunior', 'Young Samuel’s school rang.', true)
  unwrap(await rita.connection.invoke('referrals.logRequest', requestInput(familyId, [person.catherine!], { receivedOn: '2026-04-02' })))
  await note('2026-04-10', 'OTHER', 'samuel', 'Samuel asked about work.')
  unwrap(
    await rita.connection.invoke('episodes.close', {
      id: episodeId,
      version: 1,
      closedOn: '2026-04-20',
      reason: 'STEPPED_UP',
      stepUpOn: '2026-04-20',
      outcomes: { HOUSING: 'NOT_ACHIEVED' },
      familyView: 'Worried.'
    })
  )
})
afterAll(async () => {
  await t.dispose()
})

describe('the chronology', () => {
  it('names staff by their display names, never their usernames', async () => {
    const { entries } = await read()
    // Entries the chronology makes itself, and one the requests' module makes for it.
    for (const kind of ['note', 'registered', 'episode-opened', 'episode-closed', 'request-received']) {
      const by = entries.filter((e) => e.kind === kind).map((e) => e.by)
      expect(by.length, kind).toBeGreaterThan(0)
      expect(new Set(by), kind).toEqual(new Set(['Rita Williams']))
    }
    expect(entries.find((e) => e.kind === 'episode-opened')!.title).toBe('Early-help episode opened, led by Rita Williams')
    expect(JSON.stringify(entries)).not.toContain('rwilliams')
  })

  it('without a filter, holds everything, and offers everyone it is about, each once by id', async () => {
    const answer = await read()
    expect(answer.total).toBe(answer.entries.length)
    expect(summary(answer)).toEqual(
      expect.arrayContaining([
        '2026-04-20 episode-closed',
        '2026-04-10 note',
        '2026-04-02 request-received',
        '2026-03-15 note',
        '2026-03-10 episode-opened',
        '2026-03-01 note'
      ])
    )
    const samuels = answer.people.filter((p) => p.name === 'Samuel Okafor').map((p) => p.id)
    expect(samuels.sort()).toEqual([person.samuel, person.samuelJunior].sort())
    expect(answer.people.map((p) => p.id)).toEqual(expect.arrayContaining([person.grace, person.catherine]))
  })

  it('by kind of entry: one kind, or several', async () => {
    const notes = await read({ kinds: ['notes'] })
    expect(summary(notes)).toEqual(['2026-04-10 note', '2026-03-15 note', '2026-03-01 note'])
    expect(notes.total).toBeGreaterThan(notes.entries.length)
    const some = await read({ kinds: ['episode', 'requests'] })
    expect(summary(some)).toEqual(['2026-04-20 episode-closed', '2026-04-02 request-received', '2026-03-10 episode-opened'])
    expect(summary(await read({ kinds: ['household'] }))).toEqual([expect.stringMatching(/ registered$/)])
  })

  it('by person: what is about them, by id, whoever shares their name, wherever the entry comes from', async () => {
    const junior = await read({ personId: person.samuelJunior })
    expect(junior.entries).toEqual([expect.objectContaining({ kind: 'note', text: 'Young Samuel’s school rang.', people: ['Samuel Okafor'] })])
    expect((await read({ personId: person.samuel })).entries.map((e) => e.text)).toEqual(['Samuel asked about work.'])
    // A request for help's children come from the requests' own module.
    expect(summary(await read({ personId: person.catherine }))).toEqual(['2026-04-02 request-received'])
    expect((await read({ personId: '00000000-0000-4000-8000-000000000000' })).entries).toEqual([])
  })

  it('by date: from and to the day each entry shows, both days included', async () => {
    expect(summary(await read({ from: '2026-03-10', to: '2026-04-02' }))).toEqual([
      '2026-04-02 request-received',
      '2026-03-15 note',
      '2026-03-10 episode-opened'
    ])
    expect(summary(await read({ to: '2026-03-01' }))).toEqual(['2026-03-01 note'])
    expect(summary(await read({ from: '2026-04-10', kinds: ['notes', 'episode'] }))).toEqual(['2026-04-20 episode-closed', '2026-04-10 note'])
    // Blank boxes are no filter.
    expect((await read({ from: '', to: '', personId: '' })).entries).toHaveLength((await read()).total)
  })

  it('all filters at once', async () => {
    expect(summary(await read({ kinds: ['notes'], personId: person.samuelJunior, from: '2026-03-01', to: '2026-03-31' }))).toEqual(['2026-03-15 note'])
    expect(summary(await read({ kinds: ['notes'], personId: person.samuelJunior, from: '2026-04-01' }))).toEqual([])
  })

  it('significant events only: the significant notes and the events the system marks, a step-up among them', async () => {
    expect(summary(await read({ significantOnly: true }))).toEqual(['2026-04-20 episode-closed', '2026-03-15 note'])
  })

  it('refuses a range that is not one, as a value with a message for each field', async () => {
    const refused = async (filter: object) => rita.connection.invoke('chronology.get', { familyId, ...filter })
    expect(await refused({ from: '2026-04-02', to: '2026-03-01' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'There is a problem with some answers', fields: { to: 'End date must be the same as or after the start date' } }
    })
    expect(await refused({ from: '31/2/2026', to: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { from: 'Start date must be a real date', to: 'End date must be a real date' } }
    })
    expect(await refused({ from: 'x'.repeat(5000) })).toMatchObject({ ok: false, error: { fields: { from: 'Start date must be a real date' } } })
    // A date in the calendar but before any family's record: the refusal says what is taken, not that it is unreal.
    expect(await refused({ from: '0001-01-01', to: '1899-12-31' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { from: 'Start date must be 1 January 1900 or later', to: 'End date must be 1 January 1900 or later' } }
    })
    expect(summary(await read({ from: '1900-01-01', to: '2026-03-10' }))).toEqual(summary(await read({ to: '2026-03-10' })))
    expect(await refused({ personId: 'Samuel' })).toMatchObject({ ok: false, error: { fields: { personId: 'Select a person from the list' } } })
    expect(await refused({ kinds: ['everything'] })).toMatchObject({ ok: false, error: { fields: { 'kinds.0': 'Select one of the options' } } })
    expect(await refused({ kinds: Array(20).fill('notes') })).toMatchObject({ ok: false, error: { fields: { kinds: 'Select each kind of entry once' } } })
  })
})
