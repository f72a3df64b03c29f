import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, today } from '../testing/fixtures'
import { signedInUser } from '../testing/accounts'
import { ROLE_PERMISSIONS } from '../../shared/roles'
import { addDays, londonToUtc } from '../../shared/dates'

let t: TempCasebook
const as: Record<string, Connection> = {}
const ids: Record<string, string> = {}
let family: { id: string; reference: string }
let view: any
// Notes are dated the day before: a time today is refused until it has come, and these tests run at any hour.
const yesterday = addDays(today, -1)

async function account(username: string, role: string) {
  const user = await signedInUser(t, username, role)
  ids[username] = user.id
  as[username] = user.connection
}

beforeEach(async () => {
  t = await tempCasebook('early-help')
  await account('pat', 'practitioner')
  await account('rita', 'reception')
  family = await t.ok('families.register', okaforFamily())
  view = await t.ok('families.get', { id: family.id })
})
afterEach(async () => {
  await t.dispose()
})

const consentNow = () => ({ consentId: 'new', consentGivenById: view.members[0].id, consentMethod: 'VERBAL', consentGivenOn: today })
const open = (c: Connection, extra: object = {}) =>
  c.invoke('episodes.open', {
    familyId: family.id,
    openedOn: today,
    leadUserId: ids.pat,
    reason: 'Rent arrears and a new baby due',
    headlines: ['HOUSING', 'EARLY_YEARS'],
    ...consentNow(),
    ...extra
  })

describe('early-help episodes', () => {
  it('opens one episode at a time; reception sees that it is open and who leads it, and nothing more', async () => {
    const opened = unwrap<{ id: string }>(await open(as.pat!))
    // The consent given there and then is recorded with the episode, and can be opened on again.
    const [consent] = unwrap<any>(await as.pat!.invoke('families.get', { id: family.id })).consents
    expect(consent).toMatchObject({ scope: 'EARLY_HELP', givenById: view.members[0].id, method: 'VERBAL', givenOn: today, recordedBy: 'pat' })
    expect(await open(as.pat!, { consentId: consent.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(unwrap(await as.pat!.invoke('episodes.get', { id: opened.id }))).toMatchObject({
      status: 'open',
      consentId: consent.id,
      leadName: 'pat',
      // In the code list's order, as the form lists them.
      headlines: ['EARLY_YEARS', 'HOUSING'],
      reason: 'Rent arrears and a new baby due'
    })
    const seenByReception = unwrap<any>(await as.rita!.invoke('families.get', { id: family.id }))
    expect(seenByReception.openEpisode).toEqual({
      id: opened.id,
      status: 'open',
      openedOn: today,
      leadName: 'pat',
      // Casework: the headlines (domestic abuse, say) and the consent to early help are not reception's.
      headlines: null,
      version: 1
    })
    expect(seenByReception.consents.map((c: { scope: string }) => c.scope)).not.toContain('EARLY_HELP')
    for (const channel of ['episodes.get', 'chronology.get', 'notes.add', 'episodes.open'] as const) {
      const input =
        channel === 'episodes.get'
          ? { id: opened.id }
          : channel === 'chronology.get'
            ? { familyId: family.id }
            : channel === 'notes.add'
              ? { familyId: family.id, occurredOn: yesterday, occurredAt: '10:00', type: 'OTHER', text: 'x' }
              : { familyId: family.id, openedOn: today, leadUserId: ids.pat, reason: 'x', headlines: ['HOUSING'], ...consentNow() }
      expect({ channel, r: await as.rita!.invoke(channel, input) }).toMatchObject({ channel, r: { ok: false, error: { code: 'FORBIDDEN' } } })
    }
  })

  it('refuses bad input next to its fields', async () => {
    const r = await as.pat!.invoke('episodes.open', { familyId: family.id, openedOn: '2099-01-01', leadUserId: ids.rita, reason: '', headlines: [] })
    expect(r).toMatchObject({
      ok: false,
      error: {
        fields: {
          openedOn: 'Date opened must be today or in the past',
          reason: 'Enter why early help is needed',
          headlines: 'Select at least one headline the family needs help with',
          consentId: 'Select the family’s consent to early help'
        }
      }
    })
    expect(await open(as.pat!, { consentGivenById: null, consentMethod: '', consentGivenOn: '' })).toMatchObject({
      ok: false,
      error: {
        fields: {
          consentGivenById: 'Select who gave consent',
          consentMethod: 'Select how consent was given',
          consentGivenOn: 'Enter the date consent was given'
        }
      }
    })
    expect(await open(as.pat!, { consentGivenById: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { fields: { consentGivenById: 'Select a member of this family' } }
    })
    expect(await open(as.pat!, { consentId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { fields: { consentId: 'That consent is no longer in force. Record the family’s consent again.' } }
    })
    expect(await t.casebook.core.db.query('SELECT count(*) AS n FROM consent')).toEqual([{ n: 0 }])
    expect(await open(as.pat!, { leadUserId: ids.rita })).toMatchObject({
      ok: false,
      error: { fields: { leadUserId: 'Select a practitioner or manager to lead the episode' } }
    })
  })
})

describe('case notes, drafts and the chronology', () => {
  it('keeps a draft per user until the note is saved, then lists notes and events newest first', async () => {
    const key = `case-note:${family.id}`
    unwrap(await as.pat!.invoke('drafts.save', { key, payload: { text: 'Half a sentence' } }))
    expect(unwrap(await as.pat!.invoke('drafts.get', { key }))).toMatchObject({ payload: { text: 'Half a sentence' } })
    // Drafts are per user; reception, who writes no case notes, has none and may read none.
    expect(await as.rita!.invoke('drafts.get', { key })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    unwrap(await open(as.pat!))
    const grace = view.members.find((m: { givenName: string }) => m.givenName === 'Grace')
    unwrap(
      await as.pat!.invoke('notes.add', {
        familyId: family.id,
        occurredOn: yesterday,
        occurredAt: '09:15',
        type: 'HOME_VISIT',
        peopleIds: [grace.id],
        text: 'Visited at home. Mum worried about rent.',
        significant: false,
        draftKey: key
      })
    )
    unwrap(
      await as.pat!.invoke('notes.add', {
        familyId: family.id,
        occurredOn: yesterday,
        occurredAt: '16:40',
        type: 'PHONE_CALL',
        text: 'Eviction notice received.',
        significant: true
      })
    )
    expect(unwrap(await as.pat!.invoke('drafts.get', { key }))).toBeNull()
    expect(
      await as.pat!.invoke('notes.add', {
        familyId: family.id,
        occurredOn: today,
        occurredAt: '25:00',
        type: 'OTHER',
        peopleIds: ['00000000-0000-4000-8000-000000000000'],
        text: ''
      })
    ).toMatchObject({
      ok: false,
      error: { fields: { occurredAt: 'Enter the time as hours and minutes, like 14:30', text: 'Enter the note' } }
    })

    const all = unwrap<any>(await as.pat!.invoke('chronology.get', { familyId: family.id })).entries
    expect(all.map((e: { kind: string }) => e.kind).sort()).toEqual(['episode-opened', 'note', 'note', 'registered'])
    const whens = all.map((e: { when: string }) => e.when)
    expect([...whens].sort().reverse()).toEqual(whens)
    const notes = all.filter((e: { kind: string }) => e.kind === 'note')
    expect(notes.map((e: { title: string }) => e.title)).toEqual(['Phone call', 'Home visit'])
    expect(all.find((e: { kind: string }) => e.kind === 'registered').title).toBe(`Family registered (${family.reference})`)
    expect(all.find((e: { kind: string }) => e.kind === 'episode-opened').title).toBe('Early-help episode opened, led by pat')
    expect(notes[1]).toMatchObject({
      text: 'Visited at home. Mum worried about rent.',
      people: ["Grace O'Neill-Okafor"],
      by: 'pat',
      when: `${yesterday}T09:15`
    })
    const significant = unwrap<any>(await as.pat!.invoke('chronology.get', { familyId: family.id, significantOnly: true })).entries
    expect(significant.map((e: { text: string }) => e.text)).toEqual(['Eviction notice received.'])
  })
})

describe('the time of a case note', () => {
  it('is refused while it is still to come today, next to the time, and nothing is written; now itself, or later in an earlier day, is taken', async () => {
    // The core's clock stands at noon in England today, so the test means the same at any hour it runs.
    const noon = new Date(londonToUtc(`${today}T12:00`)!)
    const clocked = await tempCasebook('note-time', { clock: { now: () => noon } })
    const casebook = clocked.casebook
    try {
      const setUp = casebook.connect({ name: 'setup' })
      const { id: patId } = unwrap<{ id: string }>(
        await setUp.invoke('users.create', { displayName: 'Pat', username: 'pat', role: 'practitioner', temporaryPassword: 'temporary passphrase' })
      )
      const pat = casebook.connect({ name: 'pat', userId: patId, permissions: ROLE_PERMISSIONS.practitioner })
      const familyId = unwrap<{ id: string }>(await setUp.invoke('families.register', okaforFamily())).id
      const key = `case-note:${familyId}`
      unwrap(await pat.invoke('drafts.save', { key, payload: { text: 'Grace rang about the rent.' } }))
      const note = (occurredOn: string, occurredAt: string) =>
        pat.invoke('notes.add', { familyId, occurredOn, occurredAt, type: 'PHONE_CALL', text: 'Grace rang about the rent.', draftKey: key })
      const written = async () => ({
        notes: (await casebook.core.db.query('SELECT count(*) AS n FROM case_note'))[0].n,
        audit: (await casebook.core.db.query('SELECT count(*) AS n FROM audit_entry'))[0].n
      })
      const before = await written()

      expect(await note(today, '12:01')).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: 'There is a problem', fields: { occurredAt: 'The time of the contact must be now or earlier' } }
      })
      expect(await written()).toEqual(before)
      // The note is still a draft: it and its draft go together or not at all.
      expect(unwrap(await pat.invoke('drafts.get', { key }))).toMatchObject({ payload: { text: 'Grace rang about the rent.' } })

      unwrap(await note(today, '12:00'))
      unwrap(await note(yesterday, '23:59'))
      expect(await written()).toEqual({ notes: 2, audit: before.audit + 2 })
      expect(unwrap(await pat.invoke('drafts.get', { key }))).toBeNull()
    } finally {
      await clocked.dispose()
    }
  })
})

describe('caseloads', () => {
  it("lists a practitioner's own open episodes and, for the manager, all of them; the manager reallocates the lead", async () => {
    await account('paula', 'practitioner')
    await account('molly', 'manager')
    const episode = unwrap<{ id: string }>(await open(as.pat!))
    // Dated the day before the episode opened, it still joins it: a note joins the episode open when it is written.
    unwrap(await as.pat!.invoke('notes.add', { familyId: family.id, occurredOn: yesterday, occurredAt: '09:15', type: 'HOME_VISIT', text: 'Visited.' }))
    const mine = unwrap<any>(await as.pat!.invoke('episodes.mine', {})).episodes
    expect(mine).toEqual([
      expect.objectContaining({
        episodeId: episode.id,
        familyReference: family.reference,
        familyName: `Samuel Okafor and Grace O'Neill-Okafor (${family.reference})`,
        daysOpen: 0,
        leadName: 'pat',
        notes: 1,
        lastContactAt: `${yesterday}T09:15`
      })
    ])
    expect(unwrap<any>(await as.paula!.invoke('episodes.mine', {})).episodes).toEqual([])
    expect(unwrap<any>(await as.molly!.invoke('episodes.allOpen', {})).episodes).toHaveLength(1)

    unwrap(await as.molly!.invoke('episodes.reallocate', { id: episode.id, version: 1, leadUserId: ids.paula }))
    expect(await as.molly!.invoke('episodes.reallocate', { id: episode.id, version: 1, leadUserId: ids.pat })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    expect(await as.molly!.invoke('episodes.reallocate', { id: episode.id, version: 2, leadUserId: ids.rita })).toMatchObject({
      ok: false,
      error: { fields: { leadUserId: 'Select a practitioner or manager to lead the episode' } }
    })
    expect(unwrap<any>(await as.pat!.invoke('episodes.mine', {})).episodes).toEqual([])
    expect(unwrap<any>(await as.paula!.invoke('episodes.mine', {})).episodes).toEqual([
      expect.objectContaining({ episodeId: episode.id, leadName: 'paula', version: 2 })
    ])
    const [entry] = await t.casebook.core.db.query(`SELECT actor, changes FROM audit_entry WHERE action = 'update' AND record_type = 'episode'`)
    expect(entry).toEqual({ actor: 'molly', changes: JSON.stringify({ lead: { from: 'pat', to: 'paula' } }) })
  })
})

describe('closing an episode', () => {
  it("needs an outcome for every headline and the family's view; a practitioner's closure waits for a manager; a manager reopens it", async () => {
    await account('molly', 'manager')
    const { id } = unwrap<{ id: string }>(await open(as.pat!))
    const close = (c: Connection, extra: object = {}) =>
      c.invoke('episodes.close', {
        id,
        version: 1,
        closedOn: today,
        reason: 'OUTCOMES_ACHIEVED',
        outcomes: { HOUSING: 'ACHIEVED', EARLY_YEARS: 'PARTLY' },
        familyView: 'We feel more settled.',
        ...extra
      })
    expect(await close(as.pat!, { outcomes: { HOUSING: 'ACHIEVED' }, familyView: '', reason: 'OTHER' })).toMatchObject({
      ok: false,
      error: { fields: { familyView: "Enter the family's view of the help they had", note: 'Say why the episode is closing' } }
    })
    expect(await close(as.pat!, { outcomes: { HOUSING: 'ACHIEVED' } })).toMatchObject({
      ok: false,
      error: { fields: { 'outcomes.EARLY_YEARS': 'Select the outcome for this headline' } }
    })
    expect(await close(as.pat!, { reason: 'STEPPED_UP' })).toMatchObject({ ok: false, error: { fields: { stepUpOn: 'Enter the date of the step-up' } } })
    expect(await close(as.pat!, { reason: 'STEPPED_UP', stepUpOn: '2020-01-01' })).toMatchObject({
      ok: false,
      error: { fields: { stepUpOn: 'Date of the step-up must be on or after the date the episode opened' } }
    })
    expect(await close(as.pat!, { reason: 'STEPPED_UP', stepUpOn: 'the 5th' })).toMatchObject({
      ok: false,
      error: { fields: { stepUpOn: expect.any(String) } }
    })
    expect(await close(as.pat!, { reason: 'OTHER' })).toMatchObject({ ok: false, error: { fields: { note: 'Say why the episode is closing' } } })

    unwrap(await close(as.pat!))
    expect(unwrap<any>(await as.pat!.invoke('episodes.get', { id }))).toMatchObject({
      status: 'closing',
      closedOn: today,
      closure: { reason: 'OUTCOMES_ACHIEVED', requestedBy: 'pat', approvedBy: null }
    })
    expect(unwrap<any>(await as.pat!.invoke('episodes.mine', {})).episodes[0]).toMatchObject({ status: 'closing' })
    // Waiting for approval its record is held as it is, and the refusal says why: it is not closed yet.
    expect(await as.pat!.invoke('team.save', { episodeId: id, name: 'Dee', agency: 'HV', role: 'HV' })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'This episode’s closure is waiting for a manager’s approval, so its record cannot be changed. To change it, ask a manager to reopen the episode.'
      }
    })
    expect(await as.pat!.invoke('episodes.approveClosure', { id, version: 2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    unwrap(await as.molly!.invoke('episodes.approveClosure', { id, version: 2 }))
    expect(unwrap<any>(await as.pat!.invoke('episodes.get', { id }))).toMatchObject({ status: 'closed', closure: { approvedBy: 'molly' } })
    expect(unwrap<any>(await as.pat!.invoke('episodes.mine', {})).episodes).toEqual([])
    expect(unwrap<any>(await as.rita!.invoke('families.get', { id: family.id })).openEpisode).toBeNull()

    // Closed: notes no longer join it; a manager reopens it, saying why.
    unwrap(
      await as.pat!.invoke('notes.add', { familyId: family.id, occurredOn: yesterday, occurredAt: '10:00', type: 'PHONE_CALL', text: 'Called after closure.' })
    )
    expect((await t.casebook.core.db.query(`SELECT episode_id FROM case_note`))[0].episode_id).toBeNull()
    expect(await as.molly!.invoke('episodes.reopen', { id, version: 3, reason: '' })).toMatchObject({
      ok: false,
      error: { fields: { reason: 'Enter why the episode is being reopened' } }
    })
    unwrap(await as.molly!.invoke('episodes.reopen', { id, version: 3, reason: 'New worries about rent.' }))
    expect(unwrap<any>(await as.pat!.invoke('episodes.get', { id }))).toMatchObject({ status: 'open', closedOn: null, closure: null })
    const kinds = unwrap<any>(await as.pat!.invoke('chronology.get', { familyId: family.id })).entries.map((e: { kind: string }) => e.kind)
    expect(kinds).toContain('episode-reopened')
  })

  it("closes at once when a manager closes it, and records a step-up's date", async () => {
    await account('molly', 'manager')
    const { id } = unwrap<{ id: string }>(await open(as.pat!))
    unwrap(
      await as.molly!.invoke('episodes.close', {
        id,
        version: 1,
        closedOn: today,
        reason: 'STEPPED_UP',
        stepUpOn: today,
        outcomes: { HOUSING: 'NOT_ACHIEVED', EARLY_YEARS: 'PARTLY' },
        familyView: 'Worried.'
      })
    )
    expect(unwrap<any>(await as.molly!.invoke('episodes.get', { id }))).toMatchObject({ status: 'closed', closure: { stepUpOn: today, approvedBy: 'molly' } })
    const closed = unwrap<any>(await as.pat!.invoke('chronology.get', { familyId: family.id, significantOnly: false })).entries.find(
      (e: { kind: string }) => e.kind === 'episode-closed'
    )
    expect(closed).toMatchObject({
      title: "Early-help episode closed: Stepped up to children's social care",
      significant: true,
      text: "The family's view: Worried."
    })
  })

  it('keeps one current episode: a closed one is not reopened while another waits for its closure to be approved', async () => {
    await account('molly', 'manager')
    const close = (c: Connection, id: string, version: number) =>
      c.invoke('episodes.close', {
        id,
        version,
        closedOn: today,
        reason: 'OUTCOMES_ACHIEVED',
        outcomes: { HOUSING: 'ACHIEVED', EARLY_YEARS: 'ACHIEVED' },
        familyView: 'Better now.'
      })
    const first = unwrap<{ id: string }>(await open(as.pat!))
    unwrap(await close(as.molly!, first.id, 1))
    const second = unwrap<{ id: string }>(await open(as.pat!, { consentId: view.consents?.[0]?.id ?? 'new' }))
    unwrap(await close(as.pat!, second.id, 1))
    expect(unwrap<any>(await as.molly!.invoke('episodes.get', { id: second.id })).status).toBe('closing')
    expect(await as.molly!.invoke('episodes.reopen', { id: first.id, version: 2, reason: 'Back again' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/another current episode/) }
    })
    const current = await t.casebook.core.db.query(`SELECT count(*) AS n FROM episode WHERE family_id = ? AND status IN ('open', 'closing')`, [family.id])
    expect(current).toEqual([{ n: 1 }])
  })
})
