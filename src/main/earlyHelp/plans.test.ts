// The work inside an episode on real SQLite files: the Team Around the Family, the assessment, the
// family plan and its reviews, and what they put on the caseload lists and the chronology.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { today } from '../testing/fixtures'
import { signedInUser } from '../testing/accounts'
import { okaforsWithEpisode } from '../testing/episodes'
import { addDays } from '../../shared/dates'

let t: TempCasebook
let pat: Connection
let paula: Connection
let molly: Connection
let family: { id: string; reference: string }
let people: Record<string, string>
let episodeId: string
const OPENED = '2026-01-05'

beforeEach(async () => {
  t = await tempCasebook('plans')
  const p = await signedInUser(t, 'pat', 'practitioner')
  pat = p.connection
  paula = (await signedInUser(t, 'paula', 'practitioner')).connection
  molly = (await signedInUser(t, 'molly', 'manager')).connection
  ;({ family, people, episodeId } = await okaforsWithEpisode(t, p, OPENED))
})
afterEach(async () => {
  await t.dispose()
})

const blankDomains = { CHILD_DEVELOPMENT: {}, PARENTS_CARERS: {}, FAMILY_ENVIRONMENT: {} }
const filled = (level: string) => ({ strengths: 'Warm and loving', needs: 'Some worries', level })
const allDomains = (level: string) => ({ CHILD_DEVELOPMENT: filled(level), PARENTS_CARERS: filled(level), FAMILY_ENVIRONMENT: filled(level) })
const get = async (c: Connection = pat) => unwrap<any>(await c.invoke('episodes.get', { id: episodeId }))

function planOutcomes(owner: string) {
  return [
    {
      id: randomUUID(),
      text: 'Grace knows the rent is paid each month',
      headline: 'HOUSING',
      peopleIds: [people.Grace],
      actions: [
        { id: randomUUID(), what: 'Apply for discretionary housing payment', owner: `person:${people.Grace}`, due: '2026-02-01', status: 'NOT_STARTED' },
        { id: randomUUID(), what: 'Budgeting sessions', owner, due: '2099-03-01', status: 'IN_PROGRESS' }
      ]
    },
    {
      id: randomUUID(),
      text: 'Mohammed goes to nursery three mornings a week',
      headline: 'EARLY_YEARS',
      peopleIds: [people.Mohammed, people.Grace],
      actions: [{ id: randomUUID(), what: 'Find a funded place', owner, due: '2099-02-15', status: 'NOT_STARTED' }]
    },
    {
      id: randomUUID(),
      text: 'Catherine gets her hearing aids checked',
      headline: 'EARLY_YEARS',
      peopleIds: [people.Catherine],
      actions: [{ id: randomUUID(), what: 'Book audiology', owner: `person:${people.Samuel}`, due: '2026-01-20', status: 'DONE' }]
    }
  ]
}

describe('Team Around the Family', () => {
  it('adds, changes and removes members; one named in the plan stays', async () => {
    expect(await pat.invoke('team.save', { episodeId, name: '', agency: '', role: '', phone: '12', email: 'nope' })).toMatchObject({
      ok: false,
      error: {
        fields: {
          name: 'Enter their name',
          agency: 'Enter the agency they work for',
          role: 'Enter their role, like health visitor',
          phone: 'Enter a phone number, like 01632 960 001 or 07700 900 982',
          email: 'Enter an email address in the correct format, like name@example.com'
        }
      }
    })
    const dee = unwrap<{ id: string }>(
      await pat.invoke('team.save', { episodeId, name: 'Dee Brown', agency: 'Health visiting', role: 'Health visitor', phone: '0121 496 0123' })
    )
    const sam = unwrap<{ id: string }>(await pat.invoke('team.save', { episodeId, name: 'Sam Patel', agency: 'Acacia Primary', role: 'Family support worker' }))
    unwrap(
      await pat.invoke('team.save', {
        episodeId,
        id: dee.id,
        version: 1,
        name: 'Dee Brown',
        agency: 'Health visiting',
        role: 'Specialist health visitor',
        phone: '0121 496 0123'
      })
    )
    expect(await paula.invoke('team.save', { episodeId, id: dee.id, version: 1, name: 'Dee B', agency: 'HV', role: 'HV' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    expect((await get()).team).toEqual([
      expect.objectContaining({ name: 'Dee Brown', role: 'Specialist health visitor', phone: '0121 496 0123', version: 2 }),
      expect.objectContaining({ name: 'Sam Patel', email: null, version: 1 })
    ])
    unwrap(await pat.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes: planOutcomes(`taf:${sam.id}`) }))
    expect(await pat.invoke('team.remove', { id: sam.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Sam Patel is named in the family plan') }
    })
    unwrap(await pat.invoke('team.remove', { id: dee.id, version: 2 }))
    expect((await get()).team.map((m: { name: string }) => m.name)).toEqual(['Sam Patel'])
    const audit = await t.casebook.core.db.query(`SELECT action, actor FROM audit_entry WHERE record_type = 'taf-member' ORDER BY seq`)
    expect(audit).toEqual([
      { action: 'create', actor: 'pat' },
      { action: 'create', actor: 'pat' },
      { action: 'update', actor: 'pat' },
      { action: 'delete', actor: 'pat' }
    ])
  })
})

describe('the assessment', () => {
  it('saves part-done, refuses to complete until everything is in, and records who completed it', async () => {
    const subjects = [
      { personId: people.Catherine, domains: blankDomains },
      { personId: people.Mohammed, domains: blankDomains },
      { personId: null, domains: blankDomains }
    ]
    const first = unwrap<{ id: string; version: number }>(
      await pat.invoke('assessment.save', {
        episodeId,
        version: null,
        startedOn: '2026-01-06',
        completedOn: null,
        subjects,
        identified: ['HOUSING'],
        evidence: { HOUSING: 'Two months behind with rent' }
      })
    )
    expect(
      await pat.invoke('assessment.save', {
        episodeId,
        version: 1,
        startedOn: '2026-01-06',
        completedOn: '2026-01-05',
        subjects,
        identified: ['HOUSING', 'HEALTH'],
        evidence: { HOUSING: 'x' }
      })
    ).toMatchObject({
      ok: false,
      error: {
        fields: {
          'evidence.HEALTH': 'Give the evidence for this headline',
          completedOn: 'Date completed must be on or after the date started',
          'subjects.0.domains.CHILD_DEVELOPMENT.level': "Select the level of need for child's development",
          'subjects.2.domains.FAMILY_ENVIRONMENT.level': 'Select the level of need for family and environment',
          familyVoice: "Record the family's own words before completing the assessment"
        }
      }
    })
    const complete = {
      episodeId,
      startedOn: '2026-01-06',
      completedOn: '2026-01-09',
      familyVoice: 'Grace: "I just want the letters to stop."',
      identified: ['HOUSING', 'EARLY_YEARS'],
      evidence: { HOUSING: 'Two months behind', EARLY_YEARS: 'Mohammed not in nursery' },
      subjects: [
        { personId: people.Catherine, domains: allDomains('ADDITIONAL') },
        { personId: people.Mohammed, domains: allDomains('COMPLEX') },
        { personId: null, domains: allDomains('ADDITIONAL') }
      ]
    }
    // Paula opened the blank form before Pat's first save: hers is refused, not written over Pat's.
    expect(await paula.invoke('assessment.save', { ...complete, version: null })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    unwrap(await paula.invoke('assessment.save', { ...complete, version: first.version }))
    const { assessment } = await get()
    expect(assessment).toMatchObject({
      completedOn: '2026-01-09',
      completedBy: 'paula',
      familyVoice: 'Grace: "I just want the letters to stop."',
      identified: ['HOUSING', 'EARLY_YEARS'],
      version: 2
    })
    expect(assessment.subjects[1]).toEqual({ personId: people.Mohammed, domains: allDomains('COMPLEX') })
    const chronology = unwrap<any>(await pat.invoke('chronology.get', { familyId: family.id })).entries
    expect(chronology).toContainEqual(expect.objectContaining({ kind: 'assessment-completed', when: '2026-01-09', by: 'paula' }))
    expect(
      await pat.invoke('assessment.save', { ...complete, version: 2, subjects: [{ personId: randomUUID(), domains: allDomains('ADDITIONAL') }] })
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})

describe('the family plan and its reviews', () => {
  it("agrees a plan, refuses a colleague's stale save, reviews it twice and shows what is overdue", async () => {
    const sam = unwrap<{ id: string }>(await pat.invoke('team.save', { episodeId, name: 'Sam Patel', agency: 'Acacia Primary', role: 'Family support worker' }))
    const outcomes = planOutcomes(`taf:${sam.id}`)
    expect(await pat.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes: [] })).toMatchObject({
      ok: false,
      error: { fields: { outcomes: 'Add at least one outcome' } }
    })
    expect(
      await pat.invoke('plan.save', {
        episodeId,
        agreedOn: '2026-01-10',
        outcomes: [
          {
            ...outcomes[0],
            text: '',
            headline: '',
            peopleIds: [],
            actions: [{ ...outcomes[0]!.actions[0], what: '', owner: '', due: '2026-02-31', status: '' }]
          }
        ]
      })
    ).toMatchObject({
      ok: false,
      error: {
        fields: {
          'outcomes.0.text': 'Enter what will be different, and for whom',
          'outcomes.0.headline': 'Select the headline this outcome is for',
          'outcomes.0.peopleIds': 'Select who this outcome is for',
          'outcomes.0.actions.0.what': 'Enter what will be done',
          'outcomes.0.actions.0.owner': 'Select who will do it',
          'outcomes.0.actions.0.due': 'Due date must be a real date',
          'outcomes.0.actions.0.status': 'Select where this action has got to'
        }
      }
    })
    expect(
      await pat.invoke('plan.save', {
        episodeId,
        agreedOn: '2026-01-10',
        outcomes: [{ ...outcomes[0], actions: [{ ...outcomes[0]!.actions[0], owner: `taf:${randomUUID()}` }] }]
      })
    ).toMatchObject({
      ok: false,
      error: { fields: { 'outcomes.0.actions.0.owner': 'Choose someone in the family or the Team Around the Family' } }
    })
    expect(await pat.invoke('plan.save', { episodeId, agreedOn: '2026-01-01', outcomes })).toMatchObject({
      ok: false,
      error: { fields: { agreedOn: 'The plan cannot be agreed before the episode opened' } }
    })

    unwrap(await pat.invoke('plan.save', { episodeId, version: null, agreedOn: '2026-01-10', outcomes }))
    let episode = await get()
    expect(episode.plan).toMatchObject({ agreedOn: '2026-01-10', outcomes, version: 1 })
    expect(episode.nextReviewOn).toBe('2026-02-21')

    // Two practitioners edit the plan from version 1: the second save is refused, the first kept.
    unwrap(
      await pat.invoke('plan.save', {
        episodeId,
        version: 1,
        agreedOn: '2026-01-10',
        outcomes: [{ ...outcomes[0]!, text: 'Pat’s wording' }, ...outcomes.slice(1)]
      })
    )
    expect(
      await paula.invoke('plan.save', {
        episodeId,
        version: 1,
        agreedOn: '2026-01-10',
        outcomes: [{ ...outcomes[0]!, text: 'Paula’s wording' }, ...outcomes.slice(1)]
      })
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await paula.invoke('plan.save', { episodeId, version: null, agreedOn: '2026-01-10', outcomes })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    episode = await get()
    expect(episode.plan.outcomes[0].text).toBe('Pat’s wording')

    // The caseload: the review is overdue, and so is one unfinished action (the done one does not count).
    const mine = async () => unwrap<any>(await pat.invoke('episodes.mine', {})).episodes[0]
    expect(await mine()).toMatchObject({ nextReviewOn: '2026-02-21', reviewOverdue: true, overdueActions: 1 })
    const overdue = async () => unwrap<any>(await molly.invoke('episodes.allOpen', { overdueOnly: true }))
    expect(await overdue()).toMatchObject({ total: 1, page: 1, pageSize: 50, episodes: [expect.objectContaining({ episodeId })] })
    expect(
      unwrap<any>(await molly.invoke('episodes.allOpen', { leadUserId: (await t.ok('users.list', {})).users.find((u: any) => u.username === 'paula').id }))
    ).toMatchObject({ total: 0, episodes: [] })

    // Reviews: every outcome scored; attendees from the team and family; actions move on.
    const scores = (n: number[]) => outcomes.map((o, i) => ({ outcomeId: o.id, score: n[i], comment: i === 0 ? 'Payments started' : '' }))
    const review = {
      episodeId,
      planVersion: 2,
      heldOn: '2026-02-20',
      attendees: [`taf:${sam.id}`, `person:${people.Grace}`],
      otherAttendees: 'Grandmother',
      scores: scores([3, 2, 8]),
      actions: [{ id: outcomes[0]!.actions[0]!.id, status: 'IN_PROGRESS' }],
      nextReviewOn: '2026-04-03'
    }
    // Every problem at once, the rules across fields included, so the error summary lists them all.
    expect(
      await pat.invoke('reviews.add', {
        ...review,
        scores: [{ outcomeId: outcomes[0]!.id, score: '' }],
        attendees: [],
        otherAttendees: '',
        nextReviewOn: '2026-02-20'
      })
    ).toMatchObject({
      ok: false,
      error: {
        fields: {
          'scores.0.score': 'Select a score from 0 to 10',
          attendees: 'Select who attended the review',
          nextReviewOn: 'The next review must be after this one'
        }
      }
    })
    expect(await pat.invoke('reviews.add', { ...review, scores: scores([3, 2, 8]).slice(0, 2) })).toMatchObject({
      ok: false,
      error: { fields: { 'scores.2.score': 'Select a score from 0 to 10' } }
    })
    expect(await pat.invoke('reviews.add', { ...review, planVersion: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    unwrap(await pat.invoke('reviews.add', review))
    unwrap(
      await pat.invoke('reviews.add', {
        ...review,
        planVersion: 3,
        heldOn: '2026-04-03',
        scores: scores([7, 5, 10]),
        actions: [{ id: outcomes[0]!.actions[0]!.id, status: 'DONE' }],
        nextReviewOn: addDays(today, 14)
      })
    )

    episode = await get()
    expect(episode.reviews.map((r: any) => [r.heldOn, r.scores.map((s: any) => s.score)])).toEqual([
      ['2026-02-20', [3, 2, 8]],
      ['2026-04-03', [7, 5, 10]]
    ])
    expect(episode.reviews[0]).toMatchObject({
      otherAttendees: 'Grandmother',
      // The family first, then the team, as the form lists them.
      attendees: [`person:${people.Grace}`, `taf:${sam.id}`],
      recordedBy: 'pat',
      scores: [expect.objectContaining({ comment: 'Payments started' }), expect.objectContaining({ comment: null }), expect.anything()]
    })
    expect(episode.plan.outcomes[0].actions[0].status).toBe('DONE')
    expect(episode.plan.version).toBe(4)
    expect(await mine()).toMatchObject({ nextReviewOn: addDays(today, 14), reviewOverdue: false, overdueActions: 0 })
    expect(unwrap<any>(await molly.invoke('episodes.allOpen', {})).episodes[0]).toMatchObject({ nextReviewOn: addDays(today, 14), reviewOverdue: false })
    expect(await overdue()).toMatchObject({ total: 0, episodes: [] })

    const kinds = unwrap<any>(await pat.invoke('chronology.get', { familyId: family.id })).entries.map(
      (e: { kind: string; when: string }) => `${e.kind} ${e.when}`
    )
    expect(kinds).toEqual(expect.arrayContaining(['plan-agreed 2026-01-10', 'review 2026-02-20', 'review 2026-04-03']))
    const audit = await t.casebook.core.db.query(
      `SELECT action, record_type AS type FROM audit_entry WHERE record_type IN ('family-plan', 'review') ORDER BY seq`
    )
    expect(audit.map((a: { action: string; type: string }) => `${a.action} ${a.type}`)).toEqual([
      'create family-plan',
      'update family-plan',
      'create review',
      'update family-plan',
      'create review',
      'update family-plan'
    ])
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true })
  })

  it('saves the plan as a PDF only through a window, and records each copy that leaves Casebook', async () => {
    unwrap(await pat.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes: planOutcomes(`person:${people.Samuel}`) }))
    const input = { episodeId, fileName: 'Okafor family plan.pdf' }
    expect(await pat.invoke('plan.savePdf', input)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect(await pat.invoke('plan.savePdf', { ...input, fileName: '../../evil.exe' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const asked: string[] = []
    let choice: string | null = null
    const windowed = t.casebook.connect(
      { name: 'pat' },
      {
        savePdf: async (name) => {
          asked.push(name)
          return choice
        }
      }
    )
    expect(unwrap(await windowed.invoke('plan.savePdf', input))).toEqual({ saved: false, path: null })
    choice = '/home/pat/Documents/Okafor family plan.pdf'
    expect(unwrap(await windowed.invoke('plan.savePdf', input))).toEqual({ saved: true, path: choice })
    expect(asked).toEqual(['Okafor family plan.pdf', 'Okafor family plan.pdf'])
    const exports = await t.casebook.core.db.query(`SELECT actor, record_type AS type, changes FROM audit_entry WHERE action = 'export'`)
    expect(exports).toEqual([{ actor: 'pat', type: 'family-plan', changes: JSON.stringify({ format: 'PDF', path: choice, planVersion: 1 }) }])
  })

  it('spaces reviews by the hub setting, and refuses any change once the episode is closed', async () => {
    const settings = await t.ok('hub.settings', {})
    await t.ok('hub.update', { ...settings, reviewWeeks: 4, closureNeedsApproval: false })
    const outcomes = planOutcomes(`person:${people.Samuel}`)
    unwrap(await pat.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes }))
    expect((await get()).nextReviewOn).toBe('2026-02-07')
    // With approval switched off, a practitioner's closure closes the episode at once.
    unwrap(
      await pat.invoke('episodes.close', {
        id: episodeId,
        version: 1,
        closedOn: today,
        reason: 'OUTCOMES_ACHIEVED',
        outcomes: { HOUSING: 'ACHIEVED', EARLY_YEARS: 'ACHIEVED' },
        familyView: 'Much better.'
      })
    )
    expect((await get()).status).toBe('closed')
    const closed = {
      ok: false,
      error: { code: 'CONFLICT', message: 'This episode is closed, so its record can no longer be changed. A manager can reopen it.' }
    }
    expect(await pat.invoke('plan.save', { episodeId, version: 1, agreedOn: '2026-01-10', outcomes })).toMatchObject(closed)
    expect(await pat.invoke('team.save', { episodeId, name: 'Dee', agency: 'HV', role: 'HV' })).toMatchObject(closed)
    expect(
      await pat.invoke('assessment.save', { episodeId, startedOn: '2026-01-06', completedOn: null, subjects: [{ personId: null, domains: blankDomains }] })
    ).toMatchObject(closed)
    expect(
      await pat.invoke('reviews.add', {
        episodeId,
        planVersion: 1,
        heldOn: '2026-02-01',
        attendees: [`person:${people.Grace}`],
        scores: outcomes.map((o) => ({ outcomeId: o.id, score: 5 })),
        nextReviewOn: '2026-03-01'
      })
    ).toMatchObject(closed)
    expect((await t.ok('families.get', { id: family.id })).pastEpisodes).toEqual([{ id: episodeId, openedOn: OPENED, closedOn: today, version: 2 }])
    expect(unwrap<any>(await pat.invoke('episodes.mine', {})).episodes).toEqual([])
  })
})

describe('records saved under older rules', () => {
  it('are still read back in full: tightening a form never makes a saved record unreadable', async () => {
    unwrap(await pat.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes: planOutcomes(`person:${people.Grace}`) }))
    // What an earlier version of the forms let through: more actions than today's limit, a name with a
    // digit, an address with a control character in it. Written straight to the file, as that version would have.
    const [plan] = await t.casebook.core.db.query('SELECT outcomes FROM family_plan')
    const outcomes = JSON.parse(plan.outcomes)
    outcomes[0].actions = Array.from({ length: 25 }, (_, i) => ({ ...outcomes[0].actions[0], id: randomUUID(), what: `Step ${i + 1}` }))
    await t.casebook.core.writes.run(async (m) => {
      await m.query('UPDATE family_plan SET outcomes = ?', [JSON.stringify(outcomes)])
      await m.query(`UPDATE family SET address_line1 = ? WHERE id = ?`, ['12 Acacia Road\u0007', family.id])
      await m.query(`UPDATE person SET given_name = ? WHERE id = ?`, ['Grace 2', people.Grace])
    })
    expect((await get()).plan.outcomes[0].actions).toHaveLength(25)
    const view = unwrap<any>(await pat.invoke('families.get', { id: family.id }))
    expect(view.family.addressLine1).toBe('12 Acacia Road\u0007')
    expect(view.members.map((m: { givenName: string }) => m.givenName)).toContain('Grace 2')
  })

  it('are refused in plain words when they are not stored as Casebook stores them, never passed on', async () => {
    await t.casebook.core.writes.run((m) => m.query(`UPDATE episode SET reopened = ? WHERE id = ?`, ['[{"at": 3}]', episodeId]))
    expect(await pat.invoke('episodes.get', { id: episodeId })).toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message:
          'This episode history cannot be read: it is not stored the way Casebook saves it. Nothing has been changed. Ask IT to check the database and, if need be, restore a backup.'
      }
    })
  })
})
