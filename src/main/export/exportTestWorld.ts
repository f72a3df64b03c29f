// A hub with something in every file of the package, made through the channels as staff would make
// it: the Okafors with an episode (team, assessment, plan, review, notes), a request for help, a
// referral on, step-ups, a restricted family with named staff, and hostile text where text goes.
import { join } from 'node:path'
import { mkdirSync } from 'node:fs'
import { requestsWorld, type RequestsWorld } from '../referrals/requestsTestWorld'
import { requestInput } from '../referrals/testWorld'
import { stepUpWorld } from '../referrals/stepUpTestWorld'
import { unwrap } from '../testing/tempCasebook'
import { today } from '../testing/fixtures'
import type { Connection } from '../core/casebook'
import type { ExportRun } from '../../shared/export/schemas'

const OUTCOME_ID = '11111111-1111-4111-8111-111111111111'
const ACTION_ID = '22222222-2222-4222-8222-222222222222'
/** Text a spreadsheet would run as a formula, kept exactly in the package. */
export const FORMULA_TEXT = '=HYPERLINK("http://example.com","Open me")'

export interface ExportWorld extends RequestsWorld {
  folder: string
  episodeId: string
  otherFamilyId: string
  /** Team members: one kept, one removed (a tombstone). */
  keptMemberId: string
  removedMemberId: string
  /** On the team, named in nothing: free to be removed later. */
  spareMemberId: string
  requestId: string
  referralId: string
}

export async function exportWorld(name: string): Promise<ExportWorld> {
  const w = await requestsWorld(name)
  const { t, pat, molly, family } = w
  const people = w.people as Record<'Grace' | 'Catherine', string>
  const call = async <T = any>(c: Connection, channel: string, input: unknown): Promise<T> => unwrap<T>(await c.invoke(channel, input), channel)
  const folder = join(t.dir, 'exports')
  mkdirSync(folder)
  t.casebook.core.exportFolder = folder

  const episode = await call(pat, 'episodes.open', {
    familyId: family.id,
    openedOn: today,
    leadUserId: w.ids.pat,
    reason: `Rent arrears ${FORMULA_TEXT}`,
    headlines: ['HOUSING', 'EARLY_YEARS'],
    consentId: 'new',
    consentGivenById: people.Grace,
    consentMethod: 'WRITTEN',
    consentGivenOn: today
  })
  const kept = await call(pat, 'team.save', {
    episodeId: episode.id,
    name: 'Dee Brown',
    agency: 'Health visiting',
    role: 'Health visitor',
    phone: '01632 960 002'
  })
  const removed = await call(pat, 'team.save', { episodeId: episode.id, name: 'Sam Lowe', agency: 'School', role: 'Head of year' })
  await call(pat, 'team.remove', { id: removed.id, version: 1 })
  const spare = await call(pat, 'team.save', { episodeId: episode.id, name: 'Jo Hart', agency: 'Housing', role: 'Housing officer' })
  await call(pat, 'assessment.save', {
    episodeId: episode.id,
    startedOn: today,
    completedOn: null,
    subjects: [
      {
        personId: people.Catherine,
        domains: { CHILD_DEVELOPMENT: { strengths: 'Loves reading', level: 'ADDITIONAL' }, PARENTS_CARERS: {}, FAMILY_ENVIRONMENT: {} }
      },
      { personId: null, domains: { CHILD_DEVELOPMENT: {}, PARENTS_CARERS: { needs: 'Sleep, "rest", and quiet;\r\nnew line' }, FAMILY_ENVIRONMENT: {} } }
    ],
    identified: ['HOUSING'],
    evidence: { HOUSING: 'Two months behind with the rent' }
  })
  await call(pat, 'plan.save', {
    episodeId: episode.id,
    agreedOn: today,
    outcomes: [
      {
        id: OUTCOME_ID,
        text: 'The rent is paid on time',
        headline: 'HOUSING',
        peopleIds: [people.Grace],
        actions: [
          { id: ACTION_ID, what: 'Apply for help with rent', owner: `person:${people.Grace}`, due: today, status: 'NOT_STARTED' },
          { id: '33333333-3333-4333-8333-333333333333', what: 'Call the landlord', owner: `taf:${kept.id}`, due: today, status: 'NOT_STARTED' }
        ]
      }
    ]
  })
  await call(pat, 'reviews.add', {
    episodeId: episode.id,
    planVersion: 1,
    heldOn: today,
    attendees: [`person:${people.Grace}`, `taf:${kept.id}`],
    scores: [{ outcomeId: OUTCOME_ID, score: 4, comment: '+ better than last month' }],
    actions: [{ id: ACTION_ID, status: 'IN_PROGRESS' }],
    nextReviewOn: '2099-01-01'
  })
  await call(pat, 'notes.add', {
    familyId: family.id,
    occurredOn: today,
    occurredAt: '00:00',
    type: 'HOME_VISIT',
    peopleIds: [people.Grace, people.Catherine],
    text: `Visited at home. ${FORMULA_TEXT}`,
    significant: true
  })
  const request = await call(
    w.rita,
    'referrals.logRequest',
    requestInput(family.id, [people.Catherine], { receivedOn: today, receivedTime: '00:00', reason: '@SUM(1+1) worried about food' })
  )
  const referral = await call(pat, 'referrals.createOutbound', {
    familyId: family.id,
    episodeId: episode.id,
    serviceId: w.directory.serviceId,
    reason: 'Help with food.',
    personIds: [people.Catherine],
    shared: ['identifiers', 'plan']
  })

  // A second family, restricted to the manager and the practitioner, for the step-ups and family access.
  const other = await call(molly, 'families.register', {
    family: {
      addressLine1: '4 Canal Street',
      town: 'Riverside',
      postcode: 'M1 1AE',
      mainLanguage: 'English',
      interpreterNeeded: false
    },
    members: [
      { member: { kind: 'adult', givenName: 'Ruth', familyName: 'Bell', dateOfBirth: '1970-01-01', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' } }
    ]
  })
  await stepUpWorld(t, { familyId: family.id, childId: people.Catherine, otherFamilyId: other.id, leadUserId: w.ids.pat, today })
  await call(molly, 'families.setRestriction', {
    id: other.id,
    version: (await t.ok('families.get', { id: other.id })).family.version,
    restricted: true,
    allowedUserIds: [w.ids.pat]
  })

  return {
    ...w,
    folder,
    episodeId: episode.id,
    otherFamilyId: other.id,
    keptMemberId: kept.id,
    removedMemberId: removed.id,
    spareMemberId: spare.id,
    requestId: request.id,
    referralId: referral.id
  }
}

/** Starts an export as the manager and waits for it to end. */
export async function exportAs(c: Connection, input: { kind: 'full' | 'incremental'; pseudonymised?: boolean }): Promise<ExportRun> {
  const started = unwrap<ExportRun>(await c.invoke('export.start', { pseudonymised: false, ...input }), 'export.start')
  let run = started
  while (run.status === 'running') {
    // The run carries on in the background: wait for its next step, not for a time.
    await new Promise((resolve) => setImmediate(resolve))
    run = unwrap<ExportRun>(await c.invoke('export.progress', { runId: started.id }), 'export.progress')
  }
  return run
}
