// Plans and assessments keep their history, on real SQLite files: every save of the plan and every
// completed assessment (and each change after it) is kept, readable, append-only, parsed with its
// schema version; the audit entry says what changed; only those who may open the family read it.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforsWithEpisode } from '../testing/episodes'

let t: TempCasebook
let pat: Connection
let patId: string
let paula: Connection
let molly: Connection
let family: { id: string; reference: string }
let people: Record<string, string>
let episodeId: string
const OPENED = '2026-01-05'

beforeEach(async () => {
  t = await tempCasebook('history')
  const p = await signedInUser(t, 'pat', 'practitioner')
  pat = p.connection
  patId = p.id
  // The name a reader sees is the display name as it was at the save, not the username.
  const account = (await t.ok('users.list', {})).users.find((u: { username: string }) => u.username === 'pat')
  await t.ok('users.update', { id: patId, version: account.version, displayName: 'Pat Smith', role: 'practitioner' })
  paula = (await signedInUser(t, 'paula', 'practitioner')).connection
  molly = (await signedInUser(t, 'molly', 'manager')).connection
  ;({ family, people, episodeId } = await okaforsWithEpisode(t, { connection: pat, id: patId }, OPENED))
})
afterEach(async () => {
  await t.dispose()
})

const kept = () =>
  t.casebook.core.db.query(
    `SELECT document_type AS type, version, schema_version AS "schemaVersion", occasion, saved_by_user_id AS "userId", saved_by_name AS name, content
     FROM document_version ORDER BY document_type, version`
  )
const auditOf = (type: string) =>
  t.casebook.core.db.query(`SELECT action, actor, changes FROM audit_entry WHERE record_type = ? ORDER BY seq`, [type]) as Promise<
    { action: string; actor: string; changes: string | null }[]
  >
const write = (sql: string, params: unknown[] = []) => t.casebook.core.writes.run((m) => m.query(sql, params))

function plan() {
  const rent = { id: randomUUID(), what: 'Apply for discretionary housing payment', owner: `person:${people.Grace}`, due: '2026-02-01', status: 'NOT_STARTED' }
  const budget = { id: randomUUID(), what: 'Budgeting sessions', owner: `person:${people.Samuel}`, due: '2099-03-01', status: 'IN_PROGRESS' }
  const nursery = { id: randomUUID(), what: 'Find a funded place', owner: `person:${people.Grace}`, due: '2099-02-15', status: 'NOT_STARTED' }
  return {
    rent,
    budget,
    nursery,
    outcomes: [
      { id: randomUUID(), text: 'Grace knows the rent is paid each month', headline: 'HOUSING', peopleIds: [people.Grace], actions: [rent, budget] },
      {
        id: randomUUID(),
        text: 'Mohammed goes to nursery three mornings a week',
        headline: 'EARLY_YEARS',
        peopleIds: [people.Mohammed],
        actions: [nursery]
      }
    ]
  }
}

const domains = (level: string) =>
  Object.fromEntries(['CHILD_DEVELOPMENT', 'PARENTS_CARERS', 'FAMILY_ENVIRONMENT'].map((d) => [d, { strengths: 'Warm', needs: 'Some worries', level }]))

describe('kept versions of the family plan', () => {
  it('keeps every save and every review that moves actions on, lists them newest first, and reads each back', async () => {
    const p = plan()
    unwrap(await pat.invoke('plan.save', { episodeId, version: null, agreedOn: '2026-01-10', outcomes: p.outcomes }))
    const [first, second] = p.outcomes
    const third = {
      id: randomUUID(),
      text: 'Catherine hears well in class',
      headline: 'EARLY_YEARS',
      peopleIds: [people.Catherine],
      actions: [{ id: randomUUID(), what: 'Book audiology', owner: `person:${people.Grace}`, due: '2099-01-20', status: 'NOT_STARTED' }]
    }
    const changed = [{ ...first!, text: 'The rent is paid on time every month', actions: [p.rent] }, second!, third]
    unwrap(await pat.invoke('plan.save', { episodeId, version: 1, agreedOn: '2026-01-12', outcomes: changed }))
    unwrap(
      await paula.invoke('reviews.add', {
        episodeId,
        planVersion: 2,
        heldOn: '2026-02-20',
        attendees: [`person:${people.Grace}`],
        scores: changed.map((o) => ({ outcomeId: o.id, score: 5 })),
        actions: [{ id: p.rent.id, status: 'IN_PROGRESS' }],
        nextReviewOn: '2026-04-03'
      })
    )
    // A review that moves nothing on leaves the plan, and its versions, as they were.
    unwrap(
      await paula.invoke('reviews.add', {
        episodeId,
        planVersion: 3,
        heldOn: '2026-04-03',
        attendees: [`person:${people.Grace}`],
        scores: changed.map((o) => ({ outcomeId: o.id, score: 6 })),
        nextReviewOn: '2026-05-15'
      })
    )

    const rows = await kept()
    expect(rows.map(({ content: _content, ...r }: { content: string }) => r)).toEqual([
      { type: 'family-plan', version: 1, schemaVersion: 1, occasion: 'saved', userId: patId, name: 'Pat Smith' },
      { type: 'family-plan', version: 2, schemaVersion: 1, occasion: 'saved', userId: patId, name: 'Pat Smith' },
      { type: 'family-plan', version: 3, schemaVersion: 1, occasion: 'review', userId: expect.any(String), name: 'paula' }
    ])
    expect(JSON.parse(rows[0].content)).toEqual({ agreedOn: '2026-01-10', outcomes: p.outcomes })
    expect(JSON.parse(rows[2].content).outcomes[0].actions[0]).toEqual({ ...p.rent, status: 'IN_PROGRESS' })

    const { versions } = unwrap<any>(await pat.invoke('versions.list', { episodeId, document: 'family-plan' }))
    expect(versions).toEqual([
      { version: 3, savedAt: expect.any(String), savedBy: 'paula', occasion: 'review', summary: '1 action moved on' },
      {
        version: 2,
        savedAt: expect.any(String),
        savedBy: 'Pat Smith',
        occasion: 'saved',
        summary: 'Date agreed changed; 1 outcome added; 1 change to an outcome; 1 action removed'
      },
      { version: 1, savedAt: expect.any(String), savedBy: 'Pat Smith', occasion: 'saved', summary: 'Agreed 10 January 2026: 2 outcomes, 3 actions' }
    ])

    const v2 = unwrap<any>(await molly.invoke('versions.get', { episodeId, document: 'family-plan', version: 2 }))
    expect(v2).toMatchObject({
      document: 'family-plan',
      version: 2,
      previousVersion: 1,
      savedBy: 'Pat Smith',
      plan: { agreedOn: '2026-01-12', outcomes: changed }
    })
    expect(v2.changes).toEqual([
      'Date agreed: 10 January 2026 → 12 January 2026',
      'Outcome added: “Catherine hears well in class”',
      'Outcome changed: “Grace knows the rent is paid each month” now reads “The rent is paid on time every month”',
      'Action removed: “Budgeting sessions”'
    ])
    const v1 = unwrap<any>(await molly.invoke('versions.get', { episodeId, document: 'family-plan', version: 1 }))
    expect(v1).toMatchObject({ previousVersion: null, changes: [], plan: { agreedOn: '2026-01-10', outcomes: p.outcomes } })
    expect(await pat.invoke('versions.get', { episodeId, document: 'family-plan', version: 9 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That version of the family plan could not be found. It may have been moved or removed.' }
    })

    // The audit trail says what each save changed, in words, and that the versions were read.
    const audit = await auditOf('family-plan')
    expect(audit.map((a) => ({ ...a, changes: a.changes && JSON.parse(a.changes) }))).toEqual([
      {
        action: 'create',
        actor: 'pat',
        changes: { version: 1, outcomesAdded: ['“Grace knows the rent is paid each month”', '“Mohammed goes to nursery three mornings a week”'] }
      },
      {
        action: 'update',
        actor: 'pat',
        changes: {
          version: 2,
          agreedOn: ['10 January 2026 → 12 January 2026'],
          outcomesAdded: ['“Catherine hears well in class”'],
          outcomesChanged: ['“Grace knows the rent is paid each month” now reads “The rent is paid on time every month”'],
          actionsRemoved: ['“Budgeting sessions”']
        }
      },
      { action: 'update', actor: 'paula', changes: { version: 3, actionsMovedOn: ['“Apply for discretionary housing payment”: Not started → In progress'] } },
      { action: 'view', actor: 'pat', changes: { versionsListed: 3 } },
      { action: 'view', actor: 'molly', changes: { version: 2 } },
      { action: 'view', actor: 'molly', changes: { version: 1 } }
    ])
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true })
  })

  it('clips what the audit entry says, so that a large change stays readable on the audit trail', async () => {
    const long = 'x'.repeat(500)
    const outcomes = Array.from({ length: 12 }, (_, i) => ({
      id: randomUUID(),
      text: `${i + 1} ${long}`,
      headline: 'HOUSING',
      peopleIds: [people.Grace],
      actions: [{ id: randomUUID(), what: 'Call', owner: `person:${people.Grace}`, due: '2099-01-01', status: 'NOT_STARTED' }]
    }))
    unwrap(await pat.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes }))
    const changes = (await auditOf('family-plan'))[0]!.changes!
    const added = JSON.parse(changes).outcomesAdded as string[]
    expect(added).toHaveLength(11)
    expect(added.at(-1)).toBe('and 2 more')
    expect(Math.max(...added.map((a) => a.length))).toBeLessThanOrEqual(62)
    expect(changes.length).toBeLessThan(1200)
  })
})

describe('kept versions of the assessment', () => {
  it('keeps the assessment from its completion, and every change saved after it', async () => {
    const base = { episodeId, startedOn: '2026-01-06', identified: ['HOUSING'], evidence: { HOUSING: 'Two months behind' } }
    const blank = { CHILD_DEVELOPMENT: {}, PARENTS_CARERS: {}, FAMILY_ENVIRONMENT: {} }
    unwrap(await pat.invoke('assessment.save', { ...base, version: null, completedOn: null, subjects: [{ personId: people.Catherine, domains: blank }] }))
    expect(await kept()).toEqual([])
    const complete = {
      ...base,
      completedOn: '2026-01-09',
      familyVoice: 'Grace: "I just want the letters to stop."',
      subjects: [
        { personId: people.Catherine, domains: domains('ADDITIONAL') },
        { personId: null, domains: domains('ADDITIONAL') }
      ]
    }
    unwrap(await pat.invoke('assessment.save', { ...complete, version: 1 }))
    unwrap(
      await paula.invoke('assessment.save', {
        ...complete,
        version: 2,
        identified: ['HOUSING', 'EARLY_YEARS'],
        evidence: { HOUSING: 'Two months behind', EARLY_YEARS: 'No nursery place' },
        subjects: [
          { personId: people.Catherine, domains: { ...domains('ADDITIONAL'), CHILD_DEVELOPMENT: { strengths: 'Warm', needs: 'Hearing', level: 'COMPLEX' } } },
          complete.subjects[1]
        ]
      })
    )
    expect((await kept()).map((r: { version: number; occasion: string; name: string }) => [r.version, r.occasion, r.name])).toEqual([
      [2, 'completed', 'Pat Smith'],
      [3, 'changed', 'paula']
    ])
    const { versions } = unwrap<any>(await pat.invoke('versions.list', { episodeId, document: 'assessment' }))
    expect(versions.map((v: { version: number; summary: string }) => [v.version, v.summary])).toEqual([
      [3, '1 level of need changed; strengths or needs reworded in 1 place; 1 headline found'],
      [2, 'Completed 9 January 2026. Headlines found: Secure housing']
    ])
    const v3 = unwrap<any>(await pat.invoke('versions.get', { episodeId, document: 'assessment', version: 3 }))
    // Who completed it, as they were called when the version was kept.
    expect(v3).toMatchObject({ document: 'assessment', previousVersion: 2, assessment: { completedOn: '2026-01-09', completedBy: 'Pat Smith' } })
    expect(v3.changes).toEqual([
      "Level of need: Catherine Okafor, child's development: Additional needs → Complex needs",
      "Strengths or needs reworded: Catherine Okafor, child's development",
      'Headline found: Good early years development'
    ])
    // The completion's audit entry names what it settled: the levels of need and the headlines.
    const audit = (await auditOf('assessment')).filter((a) => a.action !== 'view').map((a) => JSON.parse(a.changes!))
    expect(audit[1]).toEqual({
      version: 2,
      completedOn: ['not completed → 9 January 2026'],
      subjectsAdded: ['Parents and carers'],
      levels: [
        "Catherine Okafor, child's development: not given → Additional needs",
        'Catherine Okafor, parents and carers: not given → Additional needs',
        'Catherine Okafor, family and environment: not given → Additional needs'
      ],
      domainText: ["Catherine Okafor, child's development", 'Catherine Okafor, parents and carers', 'Catherine Okafor, family and environment'],
      familyVoice: ['changed']
    })
  })
})

describe('append-only, and parsed with their schema version', () => {
  beforeEach(async () => {
    unwrap(await pat.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes: plan().outcomes }))
  })

  it('refuses an UPDATE or a DELETE of a kept version, whoever sends it', async () => {
    await expect(write(`UPDATE document_version SET content = '{}'`)).rejects.toThrow(/kept versions of plans and assessments cannot be changed/)
    await expect(write(`DELETE FROM document_version`)).rejects.toThrow(/kept versions of plans and assessments cannot be deleted/)
    expect(await kept()).toHaveLength(1)
  })

  it('refuses a document written by a newer schema, or in a form it does not know, in plain words and without overwriting it', async () => {
    await write(`UPDATE family_plan SET schema_version = 2`)
    const newer = {
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message:
          'This family plan was saved by a newer version of Casebook, which stores it differently, so this version cannot open it. Nothing has been changed. Ask IT to install the newer version.'
      }
    }
    expect(await pat.invoke('episodes.get', { id: episodeId })).toEqual(newer)
    expect(await pat.invoke('plan.save', { episodeId, version: 1, agreedOn: '2026-01-11', outcomes: plan().outcomes })).toEqual(newer)
    expect(await t.casebook.core.db.query(`SELECT agreed_on AS "agreedOn", version FROM family_plan`)).toEqual([{ agreedOn: '2026-01-10', version: 1 }])

    const unreadable = {
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message:
          'This family plan cannot be read: it is not stored the way Casebook saves it. Nothing has been changed. Ask IT to check the database and, if need be, restore a backup.'
      }
    }
    await write(`UPDATE family_plan SET schema_version = 0`)
    expect(await pat.invoke('episodes.get', { id: episodeId })).toEqual(unreadable)
    // The right schema version, but not a plan: parsed, not cast, so it is refused too.
    await write(`UPDATE family_plan SET schema_version = 1, outcomes = '[{"text": "no id, no actions"}]'`)
    expect(await pat.invoke('episodes.get', { id: episodeId })).toEqual(unreadable)
    await write(`UPDATE family_plan SET outcomes = 'not json'`)
    expect(await pat.invoke('episodes.get', { id: episodeId })).toEqual(unreadable)

    // A kept version from a newer Casebook: the list says so in its place, and it is not opened.
    const [row] = await t.casebook.core.db.query(`SELECT * FROM document_version`)
    await write(
      `INSERT INTO document_version (id, document_type, document_id, episode_id, family_id, version, schema_version, content, occasion, saved_at, saved_by_user_id, saved_by_name)
       VALUES (?, 'family-plan', ?, ?, ?, 2, 7, '{"shape":"of the future"}', 'saved', ?, NULL, 'Pat Smith')`,
      [randomUUID(), row.document_id, row.episode_id, row.family_id, row.saved_at]
    )
    expect(await pat.invoke('versions.get', { episodeId, document: 'family-plan', version: 2 })).toEqual(newer)
    expect(unwrap<any>(await pat.invoke('versions.list', { episodeId, document: 'family-plan' })).versions.map((v: { summary: string }) => v.summary)).toEqual([
      newer.error.message,
      'Agreed 10 January 2026: 2 outcomes, 3 actions'
    ])
  })
})

describe('who may read the versions', () => {
  it('refuses roles without early help, and users who may not open a restricted family', async () => {
    unwrap(await pat.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes: plan().outcomes }))
    const rita = (await signedInUser(t, 'rita', 'reception')).connection
    const ivy = (await signedInUser(t, 'ivy', 'admin')).connection
    const list = { episodeId, document: 'family-plan' }
    const one = { ...list, version: 1 }
    for (const who of [rita, ivy]) {
      expect(await who.invoke('versions.list', list)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'You do not have permission to do that' }
      })
      expect(await who.invoke('versions.get', one)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const { version } = (await t.ok('families.get', { id: family.id })).family
    unwrap(await molly.invoke('families.setRestriction', { id: family.id, version, restricted: true, allowedUserIds: [patId] }))
    const restricted = {
      ok: false,
      error: { code: 'FORBIDDEN', message: "This family's record is restricted. Ask Pat Smith or a hub manager if you need to see it." }
    }
    expect(await paula.invoke('versions.list', list)).toEqual(restricted)
    expect(await paula.invoke('versions.get', one)).toEqual(restricted)
    expect(unwrap<any>(await pat.invoke('versions.get', one))).toMatchObject({ version: 1 })
    expect(unwrap<any>(await molly.invoke('versions.list', list)).versions).toHaveLength(1)
    const refusals = await t.casebook.core.db.query(
      `SELECT actor, record_type AS type, record_id AS id FROM audit_entry WHERE action = 'permission-refused' ORDER BY seq`
    )
    expect(refusals).toEqual([
      { actor: 'rita', type: 'channel', id: 'versions.list' },
      { actor: 'rita', type: 'channel', id: 'versions.get' },
      { actor: 'ivy', type: 'channel', id: 'versions.list' },
      { actor: 'ivy', type: 'channel', id: 'versions.get' },
      { actor: 'paula', type: 'family', id: family.id },
      { actor: 'paula', type: 'family', id: family.id }
    ])
  })
})
