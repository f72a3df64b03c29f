// The export benchmark's child process (bench/export.ts spawns it), so that the peak RSS it prints is
// the export's own, not the seeding's in the bench's process. Prints one JSON line at the end.
//   tsx src/main/bench/exportRunner.ts export <db> <folder> [--full]   the command line's own code (cli/index main)
//   tsx src/main/bench/exportRunner.ts bare <db> <folder>              the bare loop, below
//   tsx src/main/bench/exportRunner.ts open <db>                       open the database and close it: the floor
//
// The bare loop writes the rows of every package file from plain SELECTs of the same columns (not the
// export's groups): each table read once in rowid order, 5,000 rows a query; booleans turned into
// true/false in the SQL; JSON documents (assessments, plans, review scores, closures) unpacked with
// JSON.parse alone. Cells are joined with RFC 4180 quoting and streamed to files: no schema checks,
// no hashing, no spreadsheet copies, no fsync, no run bookkeeping.
import { createWriteStream, type WriteStream } from 'node:fs'
import { join } from 'node:path'

const [mode, db, folder] = process.argv.slice(2)
const PAGE = 5000
const FLUSH_AT = 256 * 1024

async function runExport() {
  const { main } = await import('../cli/index')
  const lines: string[] = []
  const started = performance.now()
  const code = await main(['export', ...(process.argv.includes('--full') ? ['--full'] : []), '--db', db!, '--out', folder!], (line) => lines.push(line))
  return { ms: performance.now() - started, code, line: lines.join('\n') }
}

async function openOnly() {
  const { openCasebook } = await import('../core/casebook')
  const started = performance.now()
  const casebook = await openCasebook({ databasePath: db!, mode: 'existing' })
  await casebook.close()
  return { ms: performance.now() - started }
}

type Raw = Record<string, unknown>
type Put = (file: string, cells: unknown[]) => void

interface BareSource {
  /** The table read a page at a time in rowid order, named t (and any join). */
  table: string
  select: string
  where?: string
  emit(row: Raw, put: Put): void
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return ''
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
const orNull = (v: unknown) => (v === undefined || v === '' ? null : v)

async function bare() {
  const { default: sqlite3 } = await import('sqlite3')
  const { RESOURCES } = await import('../export/resources')
  const { tableSchemaOf } = await import('../export/package/tableSchema')
  const started = performance.now()
  const raw = new sqlite3.Database(db!, sqlite3.OPEN_READONLY)
  const all = (sql: string, params: unknown[]) => new Promise<Raw[]>((ok, fail) => raw.all(sql, params, (e, rows) => (e ? fail(e) : ok(rows as Raw[]))))
  const fields = new Map(RESOURCES.map((r) => [r.name, tableSchemaOf(r).fields]))
  const noteText = Boolean(((await all('SELECT export_note_text AS t FROM hub', [])) as { t: number }[])[0]?.t)

  /** A file whose columns are the table's own (or `as` says what stands in for one). */
  const direct = (file: string, table: string, as: Record<string, string> = {}, where?: string): BareSource => {
    const columns = fields.get(file)!
    const select = columns
      .map((f) => {
        const expression = as[f.name] ?? `t.${f.name}`
        return f.type === 'boolean' ? `CASE ${expression} WHEN 1 THEN 'true' WHEN 0 THEN 'false' END AS ${f.name}` : `${expression} AS ${f.name}`
      })
      .join(', ')
    const names = columns.map((f) => f.name)
    const emit = (row: Raw, put: Put) =>
      put(
        file,
        names.map((n) => row[n])
      )
    return { table: `${table} t`, select, where, emit }
  }
  const closureOf = (text: unknown) => (typeof text === 'string' ? (JSON.parse(text) as Record<string, any>) : null)

  const sources: BareSource[] = [
    direct('staff', 'app_user'),
    direct('organisations', 'directory_organisation'),
    direct('services', 'directory_service'),
    direct('families', 'family'),
    direct('people', 'person'),
    direct('person_disabilities', 'person_disability'),
    direct('memberships', 'family_membership'),
    direct('consents', 'consent', { given_by_person_id: 't.given_by_id' }),
    direct('family_access', 'family_access', {}, 't.revoked_at IS NULL'),
    {
      table: 'episode t',
      select:
        't.id, t.family_id, t.status, t.opened_on, t.closed_on, t.lead_user_id, t.opened_by_user_id, t.consent_id, t.reason, t.next_review_on, t.closure, t.created_at, t.updated_at',
      emit(r, put) {
        const c = closureOf(r.closure)
        put('episodes', [
          r.id,
          r.family_id,
          r.status,
          r.opened_on,
          r.closed_on,
          r.lead_user_id,
          r.opened_by_user_id,
          r.consent_id,
          r.reason,
          r.next_review_on,
          c?.reason,
          c?.note,
          c?.familyView,
          c?.stepUpOn,
          c?.requestedByUserId,
          c?.approvedByUserId,
          r.created_at,
          r.updated_at
        ])
      }
    },
    {
      table: 'episode_headline t JOIN episode e ON e.id = t.episode_id',
      select: 't.episode_id, t.code, e.closure',
      emit: (r, put) => put('episode_headlines', [r.episode_id, r.code, closureOf(r.closure)?.outcomes?.[r.code as string]])
    },
    direct('team_members', 'taf_member', {}, 't.deleted_at IS NULL'),
    {
      table: 'assessment t',
      select: 't.id, t.episode_id, t.family_id, t.started_on, t.completed_on, t.completed_by_user_id, t.updated_by_user_id, t.updated_at, t.content',
      emit(r, put) {
        const doc = JSON.parse(r.content as string)
        put('assessments', [
          r.id,
          r.episode_id,
          r.family_id,
          r.started_on,
          r.completed_on,
          r.completed_by_user_id,
          orNull(doc.familyVoice),
          r.updated_by_user_id,
          r.updated_at
        ])
        for (const s of doc.subjects) {
          for (const [domain, e] of Object.entries<any>(s.domains)) {
            put('assessment_entries', [r.id, `${s.personId ?? 'PARENTS_CARERS'}/${domain}`, s.personId, domain, e.level, orNull(e.strengths), orNull(e.needs)])
          }
        }
        for (const h of doc.identified) put('assessment_headlines', [r.id, h, orNull(doc.evidence[h])])
      }
    },
    {
      table: 'family_plan t',
      select: 't.id, t.episode_id, t.family_id, t.agreed_on, t.agreed_by_user_id, t.updated_by_user_id, t.updated_at, t.outcomes',
      emit(r, put) {
        put('plans', [r.id, r.episode_id, r.family_id, r.agreed_on, r.agreed_by_user_id, r.updated_by_user_id, r.updated_at])
        for (const o of JSON.parse(r.outcomes as string)) {
          put('plan_outcomes', [o.id, r.id, o.headline, o.text])
          for (const p of o.peopleIds) put('plan_outcome_people', [r.id, o.id, p])
          for (const a of o.actions) {
            const [kind, owner] = (a.owner as string).split(':')
            put('plan_actions', [a.id, o.id, r.id, a.what, kind === 'person' ? owner : null, kind === 'taf' ? owner : null, a.due, a.status])
          }
        }
      }
    },
    {
      table: 'review t',
      select: 't.id, t.episode_id, t.family_id, t.held_on, t.other_attendees, t.next_review_on, t.recorded_by_user_id, t.created_at, t.scores',
      emit(r, put) {
        put('reviews', [r.id, r.episode_id, r.family_id, r.held_on, r.other_attendees, r.next_review_on, r.recorded_by_user_id, r.created_at])
        for (const s of JSON.parse(r.scores as string)) put('review_scores', [r.id, s.outcomeId, s.score, orNull(s.comment)])
      }
    },
    direct('review_attendees', 'review_attendee', { team_member_id: 'NULL', attendee_key: "'person:' || t.person_id" }),
    direct('review_attendees', 'review_team_attendee', { person_id: 'NULL', team_member_id: 't.taf_member_id', attendee_key: "'taf:' || t.taf_member_id" }),
    direct('case_notes', 'case_note', noteText ? {} : { text: 'NULL' }),
    direct('case_note_people', 'case_note_person'),
    direct('requests', 'request_for_help'),
    direct('request_children', 'request_child'),
    direct('referrals', 'outbound_referral'),
    direct('referral_people', 'outbound_referral_person'),
    direct('step_ups', 'step_up'),
    direct('step_up_children', 'step_up_child'),
    direct('deletions', 'taf_member', { resource: "'team_members'", record_key: 't.id' }, 't.deleted_at IS NOT NULL'),
    direct(
      'deletions',
      'family_access',
      { resource: "'family_access'", record_key: "t.family_id || '|' || t.user_id", deleted_at: 't.revoked_at', deleted_by_user_id: 't.revoked_by_user_id' },
      't.revoked_at IS NOT NULL'
    )
  ]

  const files = new Map<string, { stream: WriteStream; text: string; rows: number }>()
  const fileFor = (name: string) => {
    let file = files.get(name)
    if (!file) {
      file = {
        stream: createWriteStream(join(folder!, `${name}.csv`)),
        text: `${fields
          .get(name)!
          .map((f) => f.name)
          .join(',')}\r\n`,
        rows: 0
      }
      files.set(name, file)
    }
    return file
  }
  const put: Put = (name, cells) => {
    const file = fileFor(name)
    file.text += cells.map(csvCell).join(',') + '\r\n'
    file.rows++
  }
  const write = async (file: { stream: WriteStream; text: string }) => {
    const text = file.text
    file.text = ''
    if (!file.stream.write(text)) await new Promise<void>((ok) => file.stream.once('drain', () => ok()))
  }
  for (const name of RESOURCES.map((r) => r.name)) fileFor(name)
  for (const source of sources) {
    let after = 0
    for (;;) {
      const rows = await all(
        `SELECT t.rowid AS _r, ${source.select} FROM ${source.table} WHERE t.rowid > ?${source.where ? ` AND ${source.where}` : ''} ORDER BY t.rowid LIMIT ?`,
        [after, PAGE]
      )
      for (const row of rows) source.emit(row, put)
      for (const file of files.values()) if (file.text.length >= FLUSH_AT) await write(file)
      if (rows.length < PAGE) break
      after = rows[rows.length - 1]!._r as number
    }
  }
  let rows = 0
  for (const file of files.values()) {
    await write(file)
    await new Promise<void>((ok) => file.stream.end(() => ok()))
    rows += file.rows
  }
  await new Promise<void>((ok) => raw.close(() => ok()))
  return { ms: performance.now() - started, rows, rowsPerFile: Object.fromEntries([...files].map(([name, f]) => [name, f.rows])) }
}

// Each mode times its own work (ms), after loading its modules; CPU time and peak RSS are the whole process's.
async function run() {
  const result = mode === 'export' ? await runExport() : mode === 'bare' ? await bare() : mode === 'open' ? await openOnly() : null
  if (!result) throw new Error(`Unknown mode ${mode}: export, bare or open`)
  const usage = process.resourceUsage()
  // maxRSS is in kilobytes; the CPU times in microseconds.
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)
  console.log(JSON.stringify({ mode, ...result, ms: Math.round(result.ms), peakRssMb: Math.round(usage.maxRSS / 1024), cpuMs }))
}

run().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
