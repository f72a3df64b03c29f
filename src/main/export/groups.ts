// Where each file's rows come from: one group per record the change feed names (migration 15),
// reading a page of those records by key with the rows of their link tables and documents.
// Portable SQL; JSON documents are parsed with their own schemas (earlyHelp/documents).
import type { ExportRow } from './resources'
import type { ExportKind } from '../../shared/export/schemas'
import { readAssessmentDocument, readPlanDocument } from '../earlyHelp/documents'
import { readStored } from '../core/storedJson'
import { storedClosure, storedScores } from '../../shared/earlyHelp/stored'
import { BY_CODE_POINT, type Dialect } from '../core/dialect'

/** Plain SQL on the export's snapshot. */
export type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>

interface GroupPage {
  /** Rows per file. */
  rows: Map<string, ExportRow[]>
  /** Tombstones met on this page, for deletions.csv. */
  deletions: ExportRow[]
}

export interface GroupOptions {
  /** Whether case notes' text travels (the hub's setting). */
  noteText: boolean
  /** The snapshot's engine: rows are put in the same order on either. */
  dialect: Dialect
}

export interface RecordGroup {
  /** The change feed's record type, and the name of the parent's file. */
  record: string
  /** Every file the group writes, the parent's first. */
  files: string[]
  /** The parent table, and the expression of its key (what the change feed holds). */
  table: string
  key: string
  /** One page: the rows of every file of the group, and the tombstones met. */
  read(query: Query, keys: KeyPage, options: GroupOptions): Promise<GroupPage>
}

/**
 * A page of the group's records: in an incremental package, the keys the change feed names; in a full
 * one, every key after one and up to another, so rows are read by that range of the key's index rather
 * than by a list of 1,000 keys (and the keys themselves are never read into JavaScript).
 */
export type KeyPage = { count: number } & ({ keys: string[]; range: null } | { keys: null; range: { after: string; last: string } })

/** What a package holds: every record (full), or those the change feed names after `from` and up to `to`. */
export interface Range {
  kind: ExportKind
  from: number
  to: number
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')
const bool = (v: unknown) => (v === null || v === undefined ? null : Boolean(v))
const str = (v: unknown) => (v === null || v === undefined ? null : String(v))
const emptyToNull = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v)

/** Casts the driver's values to the file's: SQLite answers 0 and 1 for booleans. */
function rowOf(raw: Record<string, unknown>, booleans: readonly string[] = []): ExportRow {
  const out: ExportRow = {}
  for (const [k, v] of Object.entries(raw)) out[k] = booleans.includes(k) ? bool(v) : (v as ExportRow[string])
  return out
}

/**
 * The rows of `select` for the page's keys, in `order` (columns, comma-separated) by code point on
 * either engine. The keys themselves are ids made by the app (UUIDs, and pairs of them), which every
 * collation puts in the same order, so a page's range is read along the key's own index.
 */
async function byKeys(query: Query, select: string, column: string, page: KeyPage, dialect: Dialect, order = column): Promise<Record<string, unknown>[]> {
  const orderBy = order
    .split(',')
    .map((c) => `${c.trim()}${BY_CODE_POINT[dialect]}`)
    .join(', ')
  if (page.range) return query(`${select} WHERE ${column} > ? AND ${column} <= ? ORDER BY ${orderBy}`, [page.range.after, page.range.last])
  if (page.keys.length === 0) return []
  return query(`${select} WHERE ${column} IN (${marks(page.keys.length)}) ORDER BY ${orderBy}`, page.keys)
}

function page(files: string[]): GroupPage {
  return { rows: new Map(files.map((f) => [f, []])), deletions: [] }
}

/** A link table's rows for the page's parents: `columns` start with `parent` and are also the order they are read in. */
interface Link {
  file: string
  table: string
  parent: string
  columns: string
}

/**
 * A parent table whose rows go to its file as they are (booleans aside), with the rows of its link
 * tables (if any) for the page's parents. `columns` may depend on the hub's settings (case notes' text).
 */
function withLinks(
  record: string,
  table: string,
  columns: string | ((options: GroupOptions) => string),
  booleans: string[] = [],
  links: Link[] = []
): RecordGroup {
  const files = [record, ...links.map((l) => l.file)]
  return {
    record,
    files,
    table,
    key: 'id',
    async read(query, keys, options) {
      const out = page(files)
      const select = `SELECT ${typeof columns === 'string' ? columns : columns(options)} FROM ${table}`
      for (const r of await byKeys(query, select, 'id', keys, options.dialect)) out.rows.get(record)!.push(rowOf(r, booleans))
      for (const link of links) {
        for (const r of await byKeys(query, `SELECT ${link.columns} FROM ${link.table}`, link.parent, keys, options.dialect, link.columns))
          out.rows.get(link.file)!.push(rowOf(r))
      }
      return out
    }
  }
}

const staff = withLinks('staff', 'app_user', 'id, username, display_name, role, disabled, created_at, updated_at', ['disabled'])
const organisations = withLinks('organisations', 'directory_organisation', 'id, feed_id, name, website, email, phone, updated_at')
const services = withLinks('services', 'directory_service', 'id, organisation_id, feed_id, name, service_type, referral_source, status, postcode, updated_at')
const families = withLinks(
  'families',
  'family',
  'id, reference, address_line1, address_line2, town, postcode, phone, email, main_language, interpreter_needed, heard_about, restricted, registered_at, registered_by_user_id, updated_at',
  ['interpreter_needed', 'restricted']
)
const people = withLinks(
  'people',
  'person',
  'id, family_id, kind, given_name, family_name, date_of_birth, expected_date, sex, ethnicity, nhs_number, upn, upn_unknown, school, gp_practice, relationship, parental_responsibility, created_at, updated_at',
  ['parental_responsibility'],
  [{ file: 'person_disabilities', table: 'person_disability', parent: 'person_id', columns: 'person_id, code' }]
)
const memberships = withLinks('memberships', 'family_membership', 'id, person_id, family_id, joined_at, left_at, recorded_by_user_id')
const consents = withLinks(
  'consents',
  'consent',
  'id, family_id, given_by_id AS given_by_person_id, scope, organisation_id, agency, method, given_on, withdrawn_on, recorded_at, recorded_by_user_id'
)

const ACCESS_KEY = "family_id || '|' || user_id"
const familyAccess: RecordGroup = {
  record: 'family_access',
  files: ['family_access'],
  table: 'family_access',
  key: ACCESS_KEY,
  async read(query, keys, options) {
    const out = page(this.files)
    const select = `SELECT family_id, user_id, granted_at, granted_by_user_id, revoked_at, revoked_by_user_id FROM family_access`
    for (const r of await byKeys(query, select, ACCESS_KEY, keys, options.dialect, 'family_id, user_id')) {
      if (r.revoked_at) {
        out.deletions.push({
          resource: 'family_access',
          record_key: `${str(r.family_id)}|${str(r.user_id)}`,
          deleted_at: str(r.revoked_at),
          deleted_by_user_id: str(r.revoked_by_user_id)
        })
      } else {
        out.rows
          .get('family_access')!
          .push({ family_id: str(r.family_id), user_id: str(r.user_id), granted_at: str(r.granted_at), granted_by_user_id: str(r.granted_by_user_id) })
      }
    }
    return out
  }
}

const episodes: RecordGroup = {
  record: 'episodes',
  files: ['episodes', 'episode_headlines'],
  table: 'episode',
  key: 'id',
  async read(query, keys, options) {
    const out = page(this.files)
    const select = `SELECT id, family_id, status, opened_on, closed_on, lead_user_id, opened_by_user_id, consent_id, reason, next_review_on, closure, created_at, updated_at FROM episode`
    const outcomes = new Map<string, Record<string, string>>()
    for (const r of await byKeys(query, select, 'id', keys, options.dialect)) {
      const closure = r.closure ? readStored(storedClosure, String(r.closure), 'closure of episode', String(r.id)) : null
      if (closure) outcomes.set(String(r.id), closure.outcomes)
      out.rows.get('episodes')!.push({
        id: str(r.id),
        family_id: str(r.family_id),
        status: str(r.status),
        opened_on: str(r.opened_on),
        closed_on: str(r.closed_on),
        lead_user_id: str(r.lead_user_id),
        opened_by_user_id: str(r.opened_by_user_id),
        consent_id: str(r.consent_id),
        reason: str(r.reason),
        next_review_on: str(r.next_review_on),
        closure_reason: closure?.reason ?? null,
        closure_note: closure?.note ?? null,
        family_view: closure?.familyView ?? null,
        stepped_up_on: closure?.stepUpOn ?? null,
        closure_requested_by_user_id: closure?.requestedByUserId ?? null,
        closure_approved_by_user_id: closure?.approvedByUserId ?? null,
        created_at: str(r.created_at),
        updated_at: str(r.updated_at)
      })
    }
    for (const r of await byKeys(query, 'SELECT episode_id, code FROM episode_headline', 'episode_id', keys, options.dialect, 'episode_id, code')) {
      const episodeId = String(r.episode_id)
      out.rows.get('episode_headlines')!.push({ episode_id: episodeId, headline: str(r.code), outcome: outcomes.get(episodeId)?.[String(r.code)] ?? null })
    }
    return out
  }
}

const teamMembers: RecordGroup = {
  record: 'team_members',
  files: ['team_members'],
  table: 'taf_member',
  key: 'id',
  async read(query, keys, options) {
    const out = page(this.files)
    const select = 'SELECT id, episode_id, name, agency, role, phone, email, created_at, updated_at, deleted_at, deleted_by_user_id FROM taf_member'
    for (const r of await byKeys(query, select, 'id', keys, options.dialect)) {
      if (r.deleted_at) {
        out.deletions.push({ resource: 'team_members', record_key: str(r.id), deleted_at: str(r.deleted_at), deleted_by_user_id: str(r.deleted_by_user_id) })
        continue
      }
      const { deleted_at: _at, deleted_by_user_id: _by, ...row } = r
      out.rows.get('team_members')!.push(rowOf(row))
    }
    return out
  }
}

const assessments: RecordGroup = {
  record: 'assessments',
  files: ['assessments', 'assessment_entries', 'assessment_headlines'],
  table: 'assessment',
  key: 'id',
  async read(query, keys, options) {
    const out = page(this.files)
    const select =
      'SELECT id, episode_id, family_id, started_on, completed_on, completed_by_user_id, updated_by_user_id, updated_at, content, schema_version FROM assessment'
    for (const r of await byKeys(query, select, 'id', keys, options.dialect)) {
      const id = String(r.id)
      // The document as earlyHelp/documents reads it: its dates live in columns (who completed it travels as an id, above).
      const doc = readAssessmentDocument(id, Number(r.schema_version), () => {
        const content: unknown = JSON.parse(String(r.content))
        return content && typeof content === 'object' ? { ...content, startedOn: r.started_on, completedOn: r.completed_on, completedBy: null } : content
      })
      out.rows.get('assessments')!.push({
        id,
        episode_id: str(r.episode_id),
        family_id: str(r.family_id),
        started_on: str(r.started_on),
        completed_on: str(r.completed_on),
        completed_by_user_id: str(r.completed_by_user_id),
        family_voice: emptyToNull(doc.familyVoice),
        updated_by_user_id: str(r.updated_by_user_id),
        updated_at: str(r.updated_at)
      })
      for (const subject of doc.subjects) {
        for (const [domain, entry] of Object.entries(subject.domains)) {
          out.rows.get('assessment_entries')!.push({
            assessment_id: id,
            entry_key: `${subject.personId ?? 'PARENTS_CARERS'}/${domain}`,
            person_id: subject.personId,
            domain,
            level: entry.level ?? null,
            strengths: emptyToNull(entry.strengths),
            needs: emptyToNull(entry.needs)
          })
        }
      }
      for (const headline of doc.identified) {
        out.rows.get('assessment_headlines')!.push({ assessment_id: id, headline, evidence: emptyToNull(doc.evidence[headline]) })
      }
    }
    return out
  }
}

const plans: RecordGroup = {
  record: 'plans',
  files: ['plans', 'plan_outcomes', 'plan_outcome_people', 'plan_actions'],
  table: 'family_plan',
  key: 'id',
  async read(query, keys, options) {
    const out = page(this.files)
    const select = 'SELECT id, episode_id, family_id, agreed_on, agreed_by_user_id, updated_by_user_id, updated_at, outcomes, schema_version FROM family_plan'
    for (const r of await byKeys(query, select, 'id', keys, options.dialect)) {
      const id = String(r.id)
      const doc = readPlanDocument(id, Number(r.schema_version), () => ({ agreedOn: r.agreed_on, outcomes: JSON.parse(String(r.outcomes)) as unknown }))
      out.rows.get('plans')!.push({
        id,
        episode_id: str(r.episode_id),
        family_id: str(r.family_id),
        agreed_on: doc.agreedOn,
        agreed_by_user_id: str(r.agreed_by_user_id),
        updated_by_user_id: str(r.updated_by_user_id),
        updated_at: str(r.updated_at)
      })
      for (const outcome of doc.outcomes) {
        out.rows.get('plan_outcomes')!.push({ id: outcome.id, plan_id: id, headline: outcome.headline, text: outcome.text })
        for (const personId of outcome.peopleIds) out.rows.get('plan_outcome_people')!.push({ plan_id: id, outcome_id: outcome.id, person_id: personId })
        for (const action of outcome.actions) {
          const [kind, ownerId = null] = action.owner.split(':')
          out.rows.get('plan_actions')!.push({
            id: action.id,
            outcome_id: outcome.id,
            plan_id: id,
            what: action.what,
            owner_person_id: kind === 'person' ? ownerId : null,
            owner_team_member_id: kind === 'taf' ? ownerId : null,
            due_on: action.due,
            status: action.status
          })
        }
      }
    }
    return out
  }
}

const reviews: RecordGroup = {
  record: 'reviews',
  files: ['reviews', 'review_attendees', 'review_scores'],
  table: 'review',
  key: 'id',
  async read(query, keys, options) {
    const out = page(this.files)
    const select = 'SELECT id, episode_id, family_id, held_on, other_attendees, next_review_on, recorded_by_user_id, created_at, scores FROM review'
    for (const r of await byKeys(query, select, 'id', keys, options.dialect)) {
      const id = String(r.id)
      const { scores, ...row } = r
      out.rows.get('reviews')!.push(rowOf(row))
      for (const s of readStored(storedScores, String(scores), 'review', id)) {
        out.rows.get('review_scores')!.push({ review_id: id, outcome_id: s.outcomeId, score: s.score, comment: emptyToNull(s.comment) })
      }
    }
    for (const r of await byKeys(query, 'SELECT review_id, person_id FROM review_attendee', 'review_id', keys, options.dialect, 'review_id, person_id')) {
      out.rows
        .get('review_attendees')!
        .push({ review_id: str(r.review_id), person_id: str(r.person_id), team_member_id: null, attendee_key: `person:${str(r.person_id)}` })
    }
    const teamSelect = 'SELECT review_id, taf_member_id FROM review_team_attendee'
    for (const r of await byKeys(query, teamSelect, 'review_id', keys, options.dialect, 'review_id, taf_member_id')) {
      out.rows
        .get('review_attendees')!
        .push({ review_id: str(r.review_id), person_id: null, team_member_id: str(r.taf_member_id), attendee_key: `taf:${str(r.taf_member_id)}` })
    }
    return out
  }
}

const caseNotes = withLinks(
  'case_notes',
  'case_note',
  (options) => `id, family_id, episode_id, occurred_at, type, significant, author_user_id, created_at, ${options.noteText ? 'text' : 'NULL AS text'}`,
  ['significant'],
  [{ file: 'case_note_people', table: 'case_note_person', parent: 'case_note_id', columns: 'case_note_id, person_id' }]
)

const requests = withLinks(
  'requests',
  'request_for_help',
  `id, family_id, received_at, channel, referrer_name, referrer_role, organisation_id, agency, referrer_phone, referrer_email, source,
   social_care_reference, reason, awareness, urgency, status, decision, decided_at, decided_by_user_id, decline_reason, service_id, episode_id,
   fed_back_on, feedback_method, feedback_by_user_id, logged_by_user_id, created_at, updated_at`,
  [],
  [{ file: 'request_children', table: 'request_child', parent: 'request_id', columns: 'request_id, person_id' }]
)

const referrals = withLinks(
  'referrals',
  'outbound_referral',
  `id, family_id, episode_id, request_id, service_id, organisation_id, reason, share_identifiers, share_address, share_plan, share_assessment, status,
   sent_at, sent_method, acknowledged_at, responded_at, decline_reason, completed_at, outcome, withdrawn_at, consent_id, override_reason,
   lawful_basis_6, lawful_basis_9, override_by_user_id, created_by_user_id, created_at, updated_at`,
  ['share_identifiers', 'share_address', 'share_plan', 'share_assessment'],
  [{ file: 'referral_people', table: 'outbound_referral_person', parent: 'referral_id', columns: 'referral_id, person_id' }]
)

const stepUps = withLinks(
  'step_ups',
  'step_up',
  'id, family_id, request_id, episode_id, stepped_up_on, referral_source, concern, made_by_user_id, acknowledged_on, social_care_reference, created_at, updated_at',
  [],
  [{ file: 'step_up_children', table: 'step_up_child', parent: 'step_up_id', columns: 'step_up_id, person_id' }]
)

/** Every group, in the order of RESOURCES (so a file's references are written before it). */
export const GROUPS: RecordGroup[] = [
  staff,
  organisations,
  services,
  families,
  people,
  memberships,
  consents,
  familyAccess,
  episodes,
  teamMembers,
  assessments,
  plans,
  reviews,
  caseNotes,
  requests,
  referrals,
  stepUps
]

/** How many records of the group the package holds (progress counts records, each once). */
export async function countKeys(query: Query, group: RecordGroup, range: Range): Promise<number> {
  const [{ n }] =
    range.kind === 'full'
      ? ((await query(`SELECT count(*) AS n FROM ${group.table}`, [])) as [{ n: number }])
      : ((await query('SELECT count(DISTINCT record_key) AS n FROM change_feed WHERE record_type = ? AND seq > ? AND seq <= ?', [
          group.record,
          range.from,
          range.to
        ])) as [{ n: number }])
  return Number(n)
}
