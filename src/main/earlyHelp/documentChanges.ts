// What changed between two versions of a plan or an assessment, in plain words: a line each for the
// page that shows a kept version, a short list per kind of change for the audit entry, and one line
// for the list of versions. The same comparison serves all three, so they always agree.
import { In, type EntityManager } from 'typeorm'
import { ACTION_STATUS, ASSESSMENT_DOMAIN, HEADLINE, NEED_LEVEL } from '../../shared/codes'
import { formatDate } from '../../shared/dates'
import type { AssessmentDocument, PlanDocument } from '../../shared/earlyHelp/history'
import { PersonEntity } from '../families/entities'
import { displayName } from '../families/records'
import type { KeptDocument } from './documents'
import { onTheTeam, TafMemberEntity } from './planEntities'

export interface Changes {
  /** A line each, in plain words, for the page that shows a version. */
  lines: string[]
  /** Each kind of change with its items, kept short, for the audit entry. */
  audit: Record<string, string[]>
  /** One line for the list of versions. */
  summary: string
}

interface Kind {
  /** How a line starts: "Outcome added". */
  line: string
  /** How the summary counts it: one, and more than one (# is the number). */
  one: string
  many: string
}

/**
 * A change quotes at most QUOTED characters of what it names (the version itself is on its page in
 * full), and an audit entry lists at most AUDIT_ITEMS of each kind, each at most AUDIT_TEXT long.
 */
const QUOTED = 60
const AUDIT_ITEMS = 10
const AUDIT_TEXT = 160

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text)
const quoted = (text: string) => `“${clip(text, QUOTED)}”`

class ChangeList<K extends string> {
  private readonly found = new Map<K, string[]>()

  constructor(private readonly kinds: Record<K, Kind>) {}

  add(kind: K, text: string): void {
    this.found.set(kind, [...(this.found.get(kind) ?? []), text])
  }

  result(): Changes {
    const kinds = (Object.keys(this.kinds) as K[]).filter((k) => this.found.has(k))
    return {
      lines: kinds.flatMap((k) => this.found.get(k)!.map((text) => `${this.kinds[k].line}: ${text}`)),
      audit: Object.fromEntries(
        kinds.map((k) => {
          const items = this.found.get(k)!
          const shown = items.slice(0, AUDIT_ITEMS).map((t) => clip(t, AUDIT_TEXT))
          return [k, items.length > AUDIT_ITEMS ? [...shown, `and ${items.length - AUDIT_ITEMS} more`] : shown]
        })
      ),
      summary: kinds.length
        ? kinds
            .map((k) => {
              const n = this.found.get(k)!.length
              return n === 1 ? this.kinds[k].one : this.kinds[k].many.replace('#', String(n))
            })
            .join('; ')
            .replace(/^./, (first) => first.toUpperCase())
        : 'Saved with no changes'
    }
  }
}

/** Names for the people and team members a document refers to, including those who have since left. */
export interface Names {
  person(id: string | null): string
  participant(key: string): string
}

export async function namesFor(db: EntityManager, episodeId: string, documents: (PlanDocument | AssessmentDocument | null)[]): Promise<Names> {
  const ids = new Set<string>()
  for (const d of documents) {
    if (!d) continue
    if ('outcomes' in d) {
      for (const o of d.outcomes) {
        o.peopleIds.forEach((p) => ids.add(p))
        for (const a of o.actions) if (a.owner?.startsWith('person:')) ids.add(a.owner.slice(7))
      }
    } else for (const s of d.subjects) if (s.personId) ids.add(s.personId)
  }
  const people = ids.size
    ? await db.find(PersonEntity, { where: { id: In([...ids]) }, select: { id: true, givenName: true, familyName: true, kind: true } })
    : []
  const personNames = new Map(people.map((p) => [p.id, displayName(p)]))
  const team = new Map((await db.find(TafMemberEntity, { where: { episodeId, ...onTheTeam() }, select: { id: true, name: true } })).map((m) => [m.id, m.name]))
  const person = (id: string | null) => (id === null ? 'Parents and carers' : (personNames.get(id) ?? 'a former member of the family'))
  return {
    person,
    participant: (key) => (key.startsWith('taf:') ? (team.get(key.slice(4)) ?? 'someone no longer in the team') : person(key.slice(7)))
  }
}

const PLAN_KINDS = {
  agreedOn: { line: 'Date agreed', one: 'date agreed changed', many: 'date agreed changed' },
  outcomesAdded: { line: 'Outcome added', one: '1 outcome added', many: '# outcomes added' },
  outcomesRemoved: { line: 'Outcome removed', one: '1 outcome removed', many: '# outcomes removed' },
  outcomesChanged: { line: 'Outcome changed', one: '1 change to an outcome', many: '# changes to outcomes' },
  actionsAdded: { line: 'Action added', one: '1 action added', many: '# actions added' },
  actionsRemoved: { line: 'Action removed', one: '1 action removed', many: '# actions removed' },
  actionsMovedOn: { line: 'Action moved on', one: '1 action moved on', many: '# actions moved on' },
  actionsChanged: { line: 'Action changed', one: '1 change to an action', many: '# changes to actions' }
} satisfies Record<string, Kind>

const list = (names: string[]) => names.join(', ') || 'no one'

/** Outcomes and actions are matched by their ids, which stay with them from the first save. */
export function planChanges(before: PlanDocument | null, after: PlanDocument, names: Names): Changes {
  const c = new ChangeList(PLAN_KINDS)
  if (before && before.agreedOn !== after.agreedOn) c.add('agreedOn', `${formatDate(before.agreedOn)} → ${formatDate(after.agreedOn)}`)
  const earlier = new Map((before?.outcomes ?? []).map((o) => [o.id, o]))
  const later = new Set(after.outcomes.map((o) => o.id))
  for (const o of after.outcomes) {
    const was = earlier.get(o.id)
    if (!was) {
      c.add('outcomesAdded', quoted(o.text))
      continue
    }
    if (was.text !== o.text) c.add('outcomesChanged', `${quoted(was.text)} now reads ${quoted(o.text)}`)
    if (was.headline !== o.headline)
      c.add('outcomesChanged', `${quoted(o.text)} is now for the headline ${HEADLINE.label(o.headline)} (was ${HEADLINE.label(was.headline)})`)
    if ([...was.peopleIds].sort().join() !== [...o.peopleIds].sort().join())
      c.add('outcomesChanged', `${quoted(o.text)} is now for ${list(o.peopleIds.map(names.person))} (was ${list(was.peopleIds.map(names.person))})`)
    const actions = new Map(was.actions.map((a) => [a.id, a]))
    for (const a of o.actions) {
      const old = actions.get(a.id)
      if (!old) {
        c.add('actionsAdded', `${quoted(a.what)} (${names.participant(a.owner ?? '')}, by ${formatDate(a.due)})`)
        continue
      }
      if (old.status !== a.status) c.add('actionsMovedOn', `${quoted(a.what)}: ${ACTION_STATUS.label(old.status)} → ${ACTION_STATUS.label(a.status)}`)
      if (old.what !== a.what) c.add('actionsChanged', `${quoted(old.what)} now reads ${quoted(a.what)}`)
      if (old.owner !== a.owner)
        c.add('actionsChanged', `${quoted(a.what)} is now for ${names.participant(a.owner ?? '')} (was ${names.participant(old.owner ?? '')})`)
      if (old.due !== a.due) c.add('actionsChanged', `${quoted(a.what)} is now due by ${formatDate(a.due)} (was ${formatDate(old.due)})`)
    }
    const kept = new Set(o.actions.map((a) => a.id))
    for (const a of was.actions) if (!kept.has(a.id)) c.add('actionsRemoved', quoted(a.what))
  }
  // The actions of an outcome added or removed go with it: the outcome's line says so.
  for (const o of before?.outcomes ?? []) if (!later.has(o.id)) c.add('outcomesRemoved', quoted(o.text))
  return c.result()
}

const ASSESSMENT_KINDS = {
  startedOn: { line: 'Date started', one: 'date started changed', many: 'date started changed' },
  completedOn: { line: 'Date completed', one: 'date completed changed', many: 'date completed changed' },
  subjectsAdded: { line: 'Now assessed', one: '1 person added', many: '# people added' },
  subjectsRemoved: { line: 'No longer assessed', one: '1 person removed', many: '# people removed' },
  levels: { line: 'Level of need', one: '1 level of need changed', many: '# levels of need changed' },
  domainText: { line: 'Strengths or needs reworded', one: 'strengths or needs reworded in 1 place', many: 'strengths or needs reworded in # places' },
  familyVoice: { line: "The family's own words", one: "the family's own words changed", many: "the family's own words changed" },
  headlinesAdded: { line: 'Headline found', one: '1 headline found', many: '# headlines found' },
  headlinesRemoved: { line: 'Headline no longer found', one: '1 headline no longer found', many: '# headlines no longer found' },
  evidence: { line: 'Evidence changed', one: 'evidence changed for 1 headline', many: 'evidence changed for # headlines' }
} satisfies Record<string, Kind>

const dateOrNot = (iso: string | null) => (iso ? formatDate(iso) : 'not completed')
const levelOf = (code: string | null) => (code ? NEED_LEVEL.label(code) : 'not given')

/** Subjects are matched by the child they are about (or the parents and carers); the words themselves are not repeated. */
export function assessmentChanges(before: AssessmentDocument | null, after: AssessmentDocument, names: Names): Changes {
  const c = new ChangeList(ASSESSMENT_KINDS)
  if (before && before.startedOn !== after.startedOn) c.add('startedOn', `${formatDate(before.startedOn)} → ${formatDate(after.startedOn)}`)
  if ((before?.completedOn ?? null) !== after.completedOn) c.add('completedOn', `${dateOrNot(before?.completedOn ?? null)} → ${dateOrNot(after.completedOn)}`)
  const earlier = new Map((before?.subjects ?? []).map((s) => [s.personId, s]))
  for (const s of after.subjects) {
    const was = earlier.get(s.personId)
    const who = names.person(s.personId)
    if (!was) {
      c.add('subjectsAdded', who)
      continue
    }
    for (const d of ASSESSMENT_DOMAIN.items) {
      const [old, now] = [was.domains[d.code], s.domains[d.code]]
      const where = `${who}, ${d.label.toLowerCase()}`
      if (old.level !== now.level) c.add('levels', `${where}: ${levelOf(old.level)} → ${levelOf(now.level)}`)
      if (old.strengths !== now.strengths || old.needs !== now.needs) c.add('domainText', where)
    }
  }
  const later = new Set(after.subjects.map((s) => s.personId))
  for (const s of before?.subjects ?? []) if (!later.has(s.personId)) c.add('subjectsRemoved', names.person(s.personId))
  if (before && (before.familyVoice ?? null) !== (after.familyVoice ?? null)) c.add('familyVoice', 'changed')
  const found = new Set(before?.identified ?? [])
  for (const h of after.identified) if (!found.has(h)) c.add('headlinesAdded', HEADLINE.label(h))
  for (const h of before?.identified ?? []) if (!after.identified.includes(h)) c.add('headlinesRemoved', HEADLINE.label(h))
  for (const h of after.identified) if (found.has(h) && (before?.evidence[h] ?? null) !== (after.evidence[h] ?? null)) c.add('evidence', HEADLINE.label(h))
  return c.result()
}

/** One line for a version with nothing kept before it. */
export function firstSummary(kept: KeptDocument): string {
  if (kept.kind === 'family-plan') {
    const outcomes = kept.document.outcomes.length
    const actions = kept.document.outcomes.reduce((n, o) => n + o.actions.length, 0)
    return `Agreed ${formatDate(kept.document.agreedOn)}: ${outcomes} ${outcomes === 1 ? 'outcome' : 'outcomes'}, ${actions} ${actions === 1 ? 'action' : 'actions'}`
  }
  const found = kept.document.identified.map((h) => HEADLINE.label(h)).join('; ')
  return `${kept.document.completedOn ? `Completed ${formatDate(kept.document.completedOn)}` : 'Not completed'}${found ? `. Headlines found: ${found}` : ''}`
}
