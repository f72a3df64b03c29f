// Plans and assessments keep their history. Run on a database with plans (saved by a user, and by a
// trusted caller with no account) and assessments (one completed, one still being written): each plan
// and each completed assessment becomes its first kept version, as it stands, readable with its schema.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DocumentHistory1764000000006 } from './1764000000006-DocumentHistory'
import { changedTables, databaseBefore, refusal, type MigrationDb, type Row } from '../src/main/testing/migrationDb'
import { auditRows, consentRow, episodeRow, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'
import { readAssessmentDocument, readPlanDocument } from '../src/main/earlyHelp/documents'

const [grace, catherine] = personRows
/** An episode as the database at FamilyPlans holds it: with its review schedule and consent. */
const episode = (n: number, family: string, more: Record<string, unknown> = {}) =>
  episodeRow(n, family, 'open', { next_review_on: '2025-08-01', open_action_dues: '2099-01-01', consent_id: null, ...more })
const episodes = [episode(1, familyRows[0]!.id), episode(2, familyRows[1]!.id, { status: 'closed', closed_on: '2025-10-01' })]

const outcomes = [
  {
    id: 'e49e9d86-9f0c-4edb-9c2b-eb8f9cadbe01',
    text: 'Grace knows the rent is paid each month',
    headline: 'HOUSING',
    peopleIds: [grace!.id],
    actions: [
      {
        id: 'e49e9d86-9f0c-4edb-9c2b-eb8f9cadbe02',
        what: 'Apply for discretionary housing payment',
        owner: `person:${grace!.id}`,
        due: '2099-01-01',
        status: 'IN_PROGRESS'
      }
    ]
  }
]
const plans = [
  {
    id: 'd38d8c75-8e9b-4dca-8b1a-da7e8b9cad01',
    episode_id: episodes[0]!.id,
    family_id: familyRows[0]!.id,
    agreed_on: '2025-06-10',
    outcomes: JSON.stringify(outcomes),
    agreed_by: 'pat',
    updated_by: 'pat',
    created_at: '2025-06-10T10:00:00.000Z',
    updated_at: '2025-07-22T15:00:00.000Z',
    version: 3
  },
  {
    id: 'd38d8c75-8e9b-4dca-8b1a-da7e8b9cad02',
    episode_id: episodes[1]!.id,
    family_id: familyRows[1]!.id,
    agreed_on: '2025-06-12',
    outcomes: JSON.stringify([
      { ...outcomes[0], peopleIds: [personRows[3]!.id], actions: [{ ...outcomes[0]!.actions[0], owner: `person:${personRows[3]!.id}` }] }
    ]),
    agreed_by: 'cli:it',
    updated_by: 'cli:it',
    created_at: '2025-06-12T10:00:00.000Z',
    updated_at: '2025-06-12T10:00:00.000Z',
    version: 1
  }
]
const domain = (level: string | null) => ({ strengths: 'Warm and loving', needs: level ? 'Hearing' : null, level })
const content = (level: string | null) =>
  JSON.stringify({
    subjects: [{ personId: catherine!.id, domains: { CHILD_DEVELOPMENT: domain(level), PARENTS_CARERS: domain(level), FAMILY_ENVIRONMENT: domain(level) } }],
    familyVoice: level ? 'Grace: "I just want the letters to stop."' : null,
    identified: ['HOUSING'],
    evidence: { HOUSING: 'Two months behind' }
  })
const assessments = [
  {
    id: 'f5af0e97-a01d-4fec-8d3c-fc9a0dbecf01',
    episode_id: episodes[0]!.id,
    family_id: familyRows[0]!.id,
    started_on: '2025-06-02',
    completed_on: '2025-06-09',
    completed_by: 'pat',
    content: content('ADDITIONAL'),
    updated_by: 'pat',
    created_at: '2025-06-02T10:00:00.000Z',
    updated_at: '2025-06-20T11:00:00.000Z',
    version: 4
  },
  {
    id: 'f5af0e97-a01d-4fec-8d3c-fc9a0dbecf02',
    episode_id: episodes[1]!.id,
    family_id: familyRows[1]!.id,
    started_on: '2025-06-03',
    completed_on: null,
    completed_by: null,
    content: content(null),
    updated_by: 'pat',
    created_at: '2025-06-03T10:00:00.000Z',
    updated_at: '2025-06-03T10:00:00.000Z',
    version: 2
  }
]

let db: MigrationDb
beforeEach(async () => {
  db = await databaseBefore(DocumentHistory1764000000006)
  await db.insert('hub', [{ ...hubRow, idle_lock_minutes: 10, closure_needs_approval: 1, review_weeks: 6 }])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('consent', [consentRow])
  await db.insert('audit_entry', auditRows)
  await db.insert('app_user', [userRow])
  await db.insert('episode', episodes)
  await db.insert('family_plan', plans)
  await db.insert('assessment', assessments)
})
afterEach(async () => {
  await db.dispose()
})

describe('DocumentHistory1764000000006', () => {
  it('runs alone; each plan and each completed assessment becomes its first kept version, and nothing else changes', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['DocumentHistory1764000000006'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual(['assessment', 'document_version', 'family_plan'])
    expect(after.family_plan).toEqual(plans.map((p) => ({ ...p, schema_version: 1 })))
    expect(after.assessment).toEqual(assessments.map((a) => ({ ...a, schema_version: 1 })))

    const kept = after.document_version!.map(({ id, ...rest }: Row) => {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      return { ...rest, content: JSON.parse(rest.content as string) }
    })
    expect(kept).toEqual([
      {
        document_type: 'family-plan',
        document_id: plans[0]!.id,
        episode_id: episodes[0]!.id,
        family_id: familyRows[0]!.id,
        version: 3,
        schema_version: 1,
        content: { agreedOn: '2025-06-10', outcomes },
        occasion: 'upgrade',
        saved_at: '2025-07-22T15:00:00.000Z',
        saved_by: 'pat',
        saved_by_user_id: userRow.id,
        saved_by_name: 'Pat Practitioner'
      },
      // Saved by a trusted caller (the command line), who has no account: the name it gave.
      expect.objectContaining({ document_id: plans[1]!.id, version: 1, saved_by: 'cli:it', saved_by_user_id: null, saved_by_name: 'cli:it' }),
      {
        document_type: 'assessment',
        document_id: assessments[0]!.id,
        episode_id: episodes[0]!.id,
        family_id: familyRows[0]!.id,
        version: 4,
        schema_version: 1,
        content: { startedOn: '2025-06-02', completedOn: '2025-06-09', completedBy: 'pat', ...JSON.parse(assessments[0]!.content) },
        occasion: 'upgrade',
        saved_at: '2025-06-20T11:00:00.000Z',
        saved_by: 'pat',
        saved_by_user_id: userRow.id,
        saved_by_name: 'Pat Practitioner'
      }
    ])

    // What was moved reads back with the app's own schemas, as schema version 1.
    const [plan, , assessment] = after.document_version!
    expect(readPlanDocument(plan!.document_id as string, plan!.schema_version as number, () => JSON.parse(plan!.content as string))).toEqual({
      agreedOn: '2025-06-10',
      outcomes
    })
    expect(
      readAssessmentDocument(assessment!.document_id as string, assessment!.schema_version as number, () => JSON.parse(assessment!.content as string))
    ).toMatchObject({ completedOn: '2025-06-09', identified: ['HOUSING'], subjects: [{ personId: catherine!.id }] })
  })

  it('makes the kept versions append-only, one row per version of a document, tied to its episode, family and author', async () => {
    await db.migrate()
    expect(await db.columns('family_plan')).toContainEqual({ name: 'schema_version', type: 'INTEGER', notNull: true, defaultValue: '1', primaryKey: 0 })
    expect(await db.columns('assessment')).toContainEqual({ name: 'schema_version', type: 'INTEGER', notNull: true, defaultValue: '1', primaryKey: 0 })
    expect(
      (await db.indexes('document_version')).filter((i) => i.origin !== 'pk').map((i) => `${i.origin === 'u' ? 'UNIQUE' : i.name} (${i.columns.join(', ')})`)
    ).toEqual(['idx_document_version_family (family_id)', 'UNIQUE (document_id, version)'])
    expect(await db.foreignKeys('document_version')).toEqual([
      { from: 'episode_id', table: 'episode', to: 'id' },
      { from: 'family_id', table: 'family', to: 'id' },
      { from: 'saved_by_user_id', table: 'app_user', to: 'id' }
    ])
    expect(await db.triggers('document_version')).toEqual(['document_version_no_delete', 'document_version_no_update'])
    expect(await refusal(db, `UPDATE document_version SET content = '{}'`)).toMatch(/kept versions of plans and assessments cannot be changed/)
    expect(await refusal(db, `DELETE FROM document_version`)).toMatch(/kept versions of plans and assessments cannot be deleted/)
    expect(
      await refusal(
        db,
        `INSERT INTO document_version SELECT 'another-id', document_type, document_id, episode_id, family_id, version, schema_version, content, occasion,
           saved_at, saved_by, saved_by_user_id, saved_by_name FROM document_version WHERE document_type = 'assessment'`
      )
    ).toMatch(/UNIQUE constraint failed: document_version.document_id, document_version.version/)
    expect(await db.rows('document_version')).toHaveLength(3)
  })

  it('stops, and leaves the database as it was, when a document cannot be read', async () => {
    await db.query(`UPDATE family_plan SET outcomes = '[{"broken' WHERE id = ?`, [plans[1]!.id])
    const before = await db.everyRow()
    await expect(db.migrate()).rejects.toThrow(`The family plan ${plans[1]!.id} is damaged (its JSON cannot be read), so its history cannot be started.`)
    expect(await db.everyRow()).toEqual(before)
    expect(await db.tables()).not.toContain('document_version')
  })
})
