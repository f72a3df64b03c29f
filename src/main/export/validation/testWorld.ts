// For the validation tests: a hub whose records were all made through the app's own channels and
// break no rule, with one record of every kind the rules are about. Each test breaks records with
// plain SQL (as data entered before a check existed, or imported, would be) inside a transaction,
// runs the checks in that transaction, and rolls it back, so every test starts from the same hub.
import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import { expect } from 'vitest'
import { addDays } from '../../../shared/dates'
import type { ValidationItem, ValidationReport } from '../../../shared/export/validation'
import { nhsCheckDigit } from '../../../shared/identifiers/nhsNumber'
import type { RegisterFamilyInput } from '../../../shared/families/schemas'
import { directoryRows } from '../../referrals/testWorld'
import { okaforFamily, today } from '../../testing/fixtures'
import { tempCasebook, type TempCasebook } from '../../testing/tempCasebook'
import { binary, runValidation, type ValidationOptions } from './run'

export interface ValidationWorld {
  t: TempCasebook
  leadId: string
  okafors: { id: string; reference: string }
  /** The Okafors by first name, and their unborn baby as Unborn. */
  people: Record<'Grace' | 'Samuel' | 'Catherine' | 'Mohammed' | 'Unborn', string>
  /** The Okafors' open episode, its plan and review, a case note, the consent it was opened on. */
  episodeId: string
  earlyHelpConsentId: string
  planId: string
  reviewId: string
  noteId: string
  /** A request about Catherine, escalated to a step-up that social care acknowledged. */
  requestId: string
  stepUpId: string
  /** A referral sent on Grace's consent to share with the directory's organisation. */
  sharingConsentId: string
  referralId: string
  bells: { id: string; reference: string }
  /** The Bells' adult and child, and their episode, closed with its outcomes achieved. */
  bellPeople: Record<'Jo' | 'Ellie', string>
  closedEpisodeId: string
  /** The consent to early help the Bells' episode was opened on. */
  closedEpisodeConsentId: string
}

/** Noon UTC on `day`: the same day in England whatever the season. */
export const noon = (day: string) => `${day}T12:00:00.000Z`

/** A valid NHS number that differs for each `n` (the check digit is never 10 for these). */
export function validNhsNumber(n: number): string {
  for (let k = n; ; k++) {
    const first = String(400_000_000 + k * 7919)
    const check = nhsCheckDigit(first)
    if (check !== null) return `${first}${check}`
  }
}

function bellFamily(): RegisterFamilyInput {
  return {
    family: { addressLine1: '3 Mill Lane', town: 'Leeds', postcode: 'LS1 4AP', mainLanguage: 'English', interpreterNeeded: false },
    members: [
      {
        member: {
          kind: 'adult',
          givenName: 'Jo',
          familyName: 'Bell',
          dateOfBirth: '1990-05-06',
          sex: 'F',
          ethnicity: 'WBRI',
          relationship: 'PARENT_CARER',
          parentalResponsibility: true
        }
      },
      { member: { kind: 'child', givenName: 'Ellie', familyName: 'Bell', dateOfBirth: '2018-02-01', sex: 'F', ethnicity: 'WBRI' } }
    ]
  }
}

async function membersOf(t: TempCasebook, familyId: string): Promise<Record<string, string>> {
  const view = await t.ok('families.get', { id: familyId })
  return Object.fromEntries(view.members.map((m: { givenName: string | null; id: string }) => [m.givenName ?? 'Unborn', m.id]))
}

export async function validationWorld(name = 'validation'): Promise<ValidationWorld> {
  const t = await tempCasebook(name)
  const lead = await t.ok('users.create', { displayName: 'Pat Lead', username: 'pat', role: 'practitioner', temporaryPassword: 'temporary passphrase' })
  const directory = await directoryRows(t.casebook)

  const okafors = await t.ok('families.register', okaforFamily())
  const people = (await membersOf(t, okafors.id)) as ValidationWorld['people']
  // Every child on the episode with an NHS number, and a UPN or the reason it is not known.
  await sql(t, 'UPDATE person SET nhs_number = ? WHERE id = ?', [validNhsNumber(1), people.Catherine])
  await sql(t, `UPDATE person SET nhs_number = ?, upn_unknown = 'UN1' WHERE id = ?`, [validNhsNumber(2), people.Mohammed])

  const episode = await t.ok('episodes.open', {
    familyId: okafors.id,
    openedOn: today,
    leadUserId: lead.id,
    reason: 'Rent arrears',
    headlines: ['HOUSING', 'EARLY_YEARS'],
    consentId: 'new',
    consentGivenById: people.Grace,
    consentMethod: 'WRITTEN',
    consentGivenOn: today
  })
  const outcomeId = randomUUID()
  const planned = await t.ok('plan.save', {
    episodeId: episode.id,
    agreedOn: today,
    outcomes: [
      {
        id: outcomeId,
        text: 'Grace knows the rent is paid each month',
        headline: 'HOUSING',
        peopleIds: [people.Grace],
        actions: [
          { id: randomUUID(), what: 'Apply for discretionary housing payment', owner: `person:${people.Grace}`, due: addDays(today, 30), status: 'NOT_STARTED' }
        ]
      }
    ]
  })
  const reviewed = await t.ok('reviews.add', {
    episodeId: episode.id,
    planVersion: planned.version,
    heldOn: today,
    attendees: [`person:${people.Grace}`],
    scores: [{ outcomeId, score: 4, comment: '' }],
    nextReviewOn: addDays(today, 42)
  })
  const note = await t.ok('notes.add', {
    familyId: okafors.id,
    occurredOn: today,
    occurredAt: '00:00',
    type: 'HOME_VISIT',
    peopleIds: [people.Grace],
    text: 'Visited at home.',
    significant: false
  })

  const request = await t.ok('referrals.logRequest', {
    familyId: okafors.id,
    receivedOn: today,
    receivedTime: '00:00',
    channel: 'PHONE',
    referrerName: 'Dee Patel',
    source: '3B',
    childIds: [people.Catherine],
    reason: 'Bruising seen on the child.',
    awareness: 'NOT_AWARE',
    urgency: 'URGENT'
  })
  const escalated = await t.ok('referrals.screenRequest', {
    id: request.id,
    version: request.version,
    decision: 'ESCALATE',
    escalate: { concern: 'Bruising seen on the child.', childIds: [people.Catherine], steppedUpOn: today }
  })
  await t.ok('referrals.acknowledgeStepUp', { id: escalated.stepUpId, version: 1, acknowledgedOn: today, socialCareReference: 'SC-0001' })

  const sharing = await t.ok('consent.record', {
    familyId: okafors.id,
    givenById: people.Grace,
    scope: 'SHARING',
    method: 'WRITTEN',
    givenOn: today,
    organisationId: directory.organisationId
  })
  const draft = await t.ok('referrals.createOutbound', {
    familyId: okafors.id,
    episodeId: episode.id,
    serviceId: directory.serviceId,
    reason: 'Grace would like help with Catherine’s sleep.',
    personIds: [people.Catherine, people.Grace],
    shared: ['identifiers', 'address']
  })
  await t.ok('referrals.moveOutbound', { id: draft.id, version: draft.version, to: 'sent', method: 'SECURE_EMAIL' })

  const bells = await t.ok('families.register', bellFamily())
  const bellPeople = (await membersOf(t, bells.id)) as ValidationWorld['bellPeople']
  const bellEpisode = await t.ok('episodes.open', {
    familyId: bells.id,
    openedOn: today,
    leadUserId: lead.id,
    reason: 'Housing worries',
    headlines: ['HOUSING'],
    consentId: 'new',
    consentGivenById: bellPeople.Jo,
    consentMethod: 'VERBAL',
    consentGivenOn: today
  })
  await t.ok('episodes.close', {
    id: bellEpisode.id,
    version: bellEpisode.version,
    closedOn: today,
    reason: 'OUTCOMES_ACHIEVED',
    outcomes: { HOUSING: 'ACHIEVED' },
    familyView: 'It helped.'
  })

  const consentOf = async (episodeId: string) =>
    ((await t.casebook.core.db.query('SELECT consent_id FROM episode WHERE id = ?', [episodeId])) as { consent_id: string }[])[0]!.consent_id
  return {
    t,
    leadId: lead.id,
    okafors,
    people,
    episodeId: episode.id,
    earlyHelpConsentId: await consentOf(episode.id),
    planId: planned.id,
    reviewId: reviewed.id,
    noteId: note.id,
    requestId: request.id,
    stepUpId: escalated.stepUpId,
    sharingConsentId: sharing.id,
    referralId: draft.id,
    bells,
    bellPeople,
    closedEpisodeId: bellEpisode.id,
    closedEpisodeConsentId: await consentOf(bellEpisode.id)
  }
}

async function sql(t: TempCasebook, text: string, params: unknown[] = []): Promise<void> {
  await t.casebook.core.writes.run((m) => m.query(text, params))
}

export type Statement = [sql: string, params?: unknown[]]

const ROLLED_BACK = Symbol('rolled back')

/**
 * The report on the hub with `statements` applied, which are then undone. `unchecked`: the
 * statements write what the schema's CHECK constraints refuse today, as the importer must still
 * expect (the constraints are this database's, not the package's contract).
 */
export async function reportWith(
  w: ValidationWorld,
  statements: Statement[],
  options: ValidationOptions & { unchecked?: boolean } = {}
): Promise<ValidationReport> {
  let report: ValidationReport | undefined
  await w.t.casebook.core.writes
    .run(async (m: EntityManager) => {
      if (options.unchecked && w.t.postgres) {
        // PostgreSQL has no switch for CHECK constraints: they are dropped in this transaction, which is rolled back.
        const checks = (await m.query(
          `SELECT conrelid::regclass::text AS "table", conname AS "name" FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace`
        )) as { table: string; name: string }[]
        for (const check of checks) await m.query(`ALTER TABLE ${check.table} DROP CONSTRAINT "${check.name}"`)
        for (const [text, params] of statements) await m.query(text, params ?? [])
      } else {
        if (options.unchecked) await m.query('PRAGMA ignore_check_constraints = ON')
        try {
          for (const [text, params] of statements) await m.query(text, params ?? [])
        } finally {
          if (options.unchecked) await m.query('PRAGMA ignore_check_constraints = OFF')
        }
      }
      report = await runValidation(m, options)
      throw ROLLED_BACK
    })
    .catch((error: unknown) => {
      if (error !== ROLLED_BACK) throw error
    })
  return report!
}

/** What a rule found, as the record and family it names. */
export const found = (report: ValidationReport, code: string) =>
  report.items.filter((i) => i.code === code).map(({ recordId, familyId, familyReference }: ValidationItem) => ({ recordId, familyId, familyReference }))

/** The codes of every rule that found something. */
export const codesFound = (report: ValidationReport) => [...new Set(report.items.map((i) => i.code))].sort()

/** A record as a rule's findings name it. */
export type Finding = ReturnType<typeof found>[number]

/** `recordId` of the Okafors' or the Bells' household, as a finding names it. */
export const of = (w: ValidationWorld, household: 'okafors' | 'bells', recordId: string): Finding => ({
  recordId,
  familyId: w[household].id,
  familyReference: w[household].reference
})

/** In the report's order: by family reference, then record id. */
export const inReportOrder = (findings: Finding[]) =>
  [...findings].sort((a, b) => binary(a.familyReference ?? '', b.familyReference ?? '') || binary(a.recordId, b.recordId))

/** One rule's test: records broken as stated are reported by it (and by no other rule but `alsoFound`). */
export interface RuleCase {
  code: string
  /** What is done to the hub, said as the test's name. */
  does: string
  breaks: (w: ValidationWorld) => Statement[]
  /** The statements write what today's CHECK constraints refuse. */
  unchecked?: boolean
  reported: (w: ValidationWorld) => Finding[]
  /** Other rules the same broken records break. */
  alsoFound?: string[]
  /** A change just short of breaking the rule, which it must not report. */
  nearMiss?: (w: ValidationWorld) => Statement[]
}

/** Runs each case on the world, and checks exactly the records it names are reported by its rule. */
export async function checkCase(w: ValidationWorld, c: RuleCase): Promise<void> {
  const report = await reportWith(w, c.breaks(w), { unchecked: c.unchecked })
  expect(found(report, c.code)).toEqual(inReportOrder(c.reported(w)))
  expect(codesFound(report)).toEqual([c.code, ...(c.alsoFound ?? [])].sort())
  if (c.nearMiss) expect(codesFound(await reportWith(w, c.nearMiss(w), { unchecked: c.unchecked }))).not.toContain(c.code)
}
