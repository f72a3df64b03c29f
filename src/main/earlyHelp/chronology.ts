// A family's chronology: its case notes and the system's own events, in date order, filtered by
// kind, person and dates in the core (chronologyFilter.ts says why there).
import { In, type EntityManager, type EntitySchema } from 'typeorm'
import type { ChronologyAnswer, ChronologyEntry, ChronologyQuery } from '../../shared/earlyHelp/chronology'
import { CLOSURE_REASON, NOTE_TYPE } from '../../shared/codes'
import { formatDate, utcToLondon } from '../../shared/dates'
import type { CallContext } from '../core/context'
import { notFound } from '../core/errors'
import { auditView } from '../audit/audit'
import { UserEntity } from '../accounts/entities'
import { FamilyEntity, MembershipEntity, PersonEntity } from '../families/entities'
import { staffNames } from '../accounts/staffNames'
import { displayName } from '../families/records'
import { CaseNoteEntity, CaseNotePersonEntity, EpisodeEntity } from './entities'
import { AssessmentEntity, FamilyPlanEntity, ReviewEntity } from './planEntities'
import { closureOf, reopeningsOf } from './episodes'
import { requestEntries } from '../referrals/chronology'
import { outboundEntries } from '../referrals/outboundChronology'
import { stepUpEntries } from '../referrals/stepUpChronology'
import { passesFilter } from './chronologyFilter'

/** An entry while the chronology is put together: whom it is about by person id, named at the end. */
type Draft = Omit<ChronologyEntry, 'people'> & { personIds: string[] }

/**
 * Entries made elsewhere, asked to name people by id (their `personName` is given the identity),
 * so that the filter can match the person by id rather than by a name two people may share.
 */
const byPersonId = (entries: ChronologyEntry[]): Draft[] => entries.map(({ people, ...e }) => ({ ...e, personIds: people }))
const asIs = (id: string) => id

/** A stored instant as the local date and time people read (notes are entered in local time). */
function localMinute(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Rows by id. An empty list asks for nothing: TypeORM reads `findBy(entity, [])` as every row. */
function byIds<T extends { id: string }>(db: EntityManager, entity: EntitySchema<T>, ids: string[]): Promise<T[]> {
  return ids.length ? db.findBy(entity, { id: In(ids) } as never) : Promise.resolve([])
}

/** The people each of the family's case notes is about, by note. */
async function peopleOfNotes(db: EntityManager, familyId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .createQueryBuilder(CaseNotePersonEntity, 'p')
    .innerJoin(CaseNoteEntity.options.name, 'n', 'n.id = p.caseNoteId')
    .where('n.familyId = :familyId', { familyId })
    .getMany()
  const byNote = new Map<string, string[]>()
  for (const r of rows) byNote.set(r.caseNoteId, [...(byNote.get(r.caseNoteId) ?? []), r.personId])
  return byNote
}

export async function chronology(input: ChronologyQuery, ctx: CallContext): Promise<ChronologyAnswer> {
  const db = ctx.core.db.manager
  const family = await db.findOneBy(FamilyEntity, { id: input.familyId })
  if (!family) throw notFound('family')
  // Everything is read, whatever the filters: the total is the whole chronology's, and significance
  // is not the notes' alone (a step-up, a closure stepped up, a referral sent without consent).
  const notes = await db.find(CaseNoteEntity, { where: { familyId: family.id } })
  const memberships = await db.findBy(MembershipEntity, { familyId: family.id })
  const notePeople = await peopleOfNotes(db, family.id)
  const personIds = [...new Set([...memberships.map((m) => m.personId), ...[...notePeople.values()].flat()])]
  const people = new Map((await byIds(db, PersonEntity, personIds)).map((p) => [p.id, displayName(p)]))
  const episodes = await db.findBy(EpisodeEntity, { familyId: family.id })
  const leads = new Map((await byIds(db, UserEntity, [...new Set(episodes.map((e) => e.leadUserId))])).map((u) => [u.id, u.displayName]))
  const assessments = await db.findBy(AssessmentEntity, { familyId: family.id })
  const plans = await db.findBy(FamilyPlanEntity, { familyId: family.id })
  const reviews = await db.findBy(ReviewEntity, { familyId: family.id })
  // Everyone an entry is `by`, in one read of the accounts (the leads, named inside a title, are read apart).
  const staff = await staffNames(db, [
    ...notes.map((n) => n.authorUserId),
    family.registeredByUserId,
    ...memberships.map((m) => m.recordedByUserId),
    ...episodes.flatMap((e) => [e.openedByUserId, closureOf(e)?.requestedByUserId ?? null, ...reopeningsOf(e).map((r) => r.byUserId)]),
    ...assessments.map((a) => a.completedByUserId),
    ...plans.map((p) => p.agreedByUserId),
    ...reviews.map((r) => r.recordedByUserId)
  ])

  const entries: Draft[] = notes.map((n) => ({
    id: n.id,
    when: utcToLondon(n.occurredAt),
    kind: 'note',
    title: NOTE_TYPE.label(n.type),
    text: n.text,
    significant: Boolean(n.significant),
    by: staff(n.authorUserId),
    personIds: notePeople.get(n.id) ?? []
  }))
  entries.push({
    id: `registered-${family.id}`,
    when: localMinute(family.registeredAt),
    kind: 'registered',
    title: `Family registered (${family.reference})`,
    text: null,
    significant: false,
    by: staff(family.registeredByUserId),
    personIds: []
  })
  for (const e of episodes) {
    entries.push({
      id: `opened-${e.id}`,
      when: e.openedOn,
      kind: 'episode-opened',
      title: `Early-help episode opened, led by ${leads.get(e.leadUserId) ?? 'a former user'}`,
      text: e.reason,
      significant: false,
      by: staff(e.openedByUserId),
      personIds: []
    })
    const closure = closureOf(e)
    if (e.closedOn && closure) {
      const title = `Early-help episode ${e.status === 'closing' ? 'closing (awaiting approval)' : 'closed'}: ${CLOSURE_REASON.label(closure.reason)}`
      entries.push({
        id: `closed-${e.id}`,
        when: e.closedOn,
        kind: 'episode-closed',
        title,
        text: `The family's view: ${closure.familyView}`,
        significant: closure.reason === 'STEPPED_UP',
        by: staff(closure.requestedByUserId),
        personIds: []
      })
    }
    for (const [i, r] of reopeningsOf(e).entries()) {
      entries.push({
        id: `reopened-${e.id}-${i}`,
        when: utcToLondon(r.at),
        kind: 'episode-reopened',
        title: 'Early-help episode reopened',
        text: r.reason,
        significant: false,
        by: staff(r.byUserId),
        personIds: []
      })
    }
  }
  for (const a of assessments) {
    if (a.completedOn)
      entries.push({
        id: `assessed-${a.id}`,
        when: a.completedOn,
        kind: 'assessment-completed',
        title: 'Early help assessment completed',
        text: null,
        significant: false,
        by: staff(a.completedByUserId),
        personIds: []
      })
  }
  for (const p of plans) {
    entries.push({
      id: `plan-${p.id}`,
      when: p.agreedOn,
      kind: 'plan-agreed',
      title: 'Family plan agreed',
      text: null,
      significant: false,
      by: staff(p.agreedByUserId),
      personIds: []
    })
  }
  for (const r of reviews) {
    entries.push({
      id: `review-${r.id}`,
      when: r.heldOn,
      kind: 'review',
      title: 'Team Around the Family review',
      text: `Next review ${formatDate(r.nextReviewOn)}`,
      significant: false,
      by: staff(r.recordedByUserId),
      personIds: []
    })
  }
  entries.push(...byPersonId(await requestEntries(db, family.id, asIs, localMinute)))
  entries.push(...byPersonId(await outboundEntries(db, family.id, asIs, localMinute)))
  entries.push(...byPersonId(await stepUpEntries(db, family.id, asIs)))
  // Joining at registration is the registration itself; later joins and leavings are events.
  for (const m of memberships) {
    const who = people.get(m.personId) ?? 'Former member'
    if (m.joinedAt > family.registeredAt)
      entries.push({
        id: `joined-${m.id}`,
        when: localMinute(m.joinedAt),
        kind: 'joined',
        title: `${who} joined the household`,
        text: null,
        significant: false,
        by: staff(m.recordedByUserId),
        personIds: [m.personId]
      })
    if (m.leftAt)
      entries.push({
        id: `left-${m.id}`,
        when: localMinute(m.leftAt),
        kind: 'left',
        title: `${who} left the household`,
        text: null,
        significant: false,
        by: staff(m.recordedByUserId),
        personIds: [m.personId]
      })
  }
  entries.sort((a, b) => b.when.localeCompare(a.when) || a.id.localeCompare(b.id))
  await auditView(ctx, 'chronology', family.id, family.id)
  const nameOf = (id: string) => people.get(id) ?? 'Former member'
  return {
    entries: entries
      .filter((e) => passesFilter(input, e))
      .map(({ personIds, ...e }) => ({ ...e, people: personIds.map(nameOf).sort((a, b) => a.localeCompare(b)) })),
    total: entries.length,
    people: [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  }
}
