// The early-help part of the benchmark: a hub with 2,000 open and 8,000 closed episodes and about
// 200,000 case notes, then opening an episode, a 300-entry chronology and the caseload lists,
// through connection.invoke. Rows go in with multi-row INSERTs: this seeds, it does not test writes.
import { randomUUID } from 'node:crypto'
import type { Casebook } from '../core/casebook'
import { todayIso } from '../../shared/dates'
import { rng } from '../seed/generator'
import { sample, type Summary } from './stats'

function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

const TYPES = ['HOME_VISIT', 'PHONE_CALL', 'MEETING', 'MESSAGE', 'OTHER']
const PRACTITIONERS = 40

async function insertRows(casebook: Casebook, table: string, columns: string[], rows: unknown[][]) {
  const per = Math.floor(900 / columns.length)
  for (let i = 0; i < rows.length; i += per * 50) {
    await casebook.core.writes.run(async (m) => {
      for (let j = i; j < Math.min(rows.length, i + per * 50); j += per) {
        const chunk = rows.slice(j, j + per)
        await m.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`, chunk.flat())
      }
    })
  }
}

export interface EarlyHelpBench {
  episodes: { open: number; closed: number; notes: number; seedSeconds: number }
  openEpisode: Summary
  chronology300: Summary
  myCaseload: Summary
  allOpenEpisodes: Summary
  chronologyEntries: number
}

export async function benchEarlyHelp(casebook: Casebook, samples: number, log: (line: string) => void): Promise<EarlyHelpBench> {
  const started = performance.now()
  const random = rng(99)
  const now = new Date().toISOString()
  const today = todayIso()
  const leads = Array.from({ length: PRACTITIONERS }, (_, i) => ({ id: randomUUID(), username: `practitioner${i}` }))
  await insertRows(casebook, 'app_user', ['id', 'username', 'display_name', 'role', 'password_hash', 'must_change_password', 'disabled', 'failed_attempts', 'created_at', 'updated_at', 'version'],
    leads.map((l) => [l.id, l.username, `Practitioner ${l.username.slice(12)}`, 'practitioner', 'scrypt$1$1$1$x$x', 0, 0, 0, now, now, 1]))
  const families = (await casebook.core.db.query('SELECT id FROM family ORDER BY rowid LIMIT 10000')) as { id: string }[]
  const episodes: unknown[][] = []
  const notes: unknown[][] = []
  families.forEach(({ id: familyId }, i) => {
    const open = i < 2000
    const episodeId = randomUUID()
    const opened = shiftDays(today, -Math.floor((open ? random() : 1 + random() * 4) * 365))
    const lead = leads[Math.floor(random() * leads.length)]!
    episodes.push([episodeId, familyId, open ? 'open' : 'closed', opened, open ? null : today, lead.id, 'Synthetic reason', 'HOUSING HEALTH', 'bench', now, now, 1])
    // The first family's chronology has 300 notes; the rest about 20 each (about 200,000 in all).
    const count = i === 0 ? 300 : Math.floor(random() * 40)
    for (let n = 0; n < count; n++) {
      const day = shiftDays(opened, Math.floor(random() * (open ? 180 : 365)))
      notes.push([randomUUID(), familyId, episodeId, `${day}T${String(9 + Math.floor(random() * 9)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`,
        TYPES[Math.floor(random() * TYPES.length)], '[]', 'Synthetic case note text about the visit and what was agreed with the family.', random() < 0.05 ? 1 : 0, lead.username, now, 1])
    }
  })
  await insertRows(casebook, 'episode', ['id', 'family_id', 'status', 'opened_on', 'closed_on', 'lead_user_id', 'reason', 'headlines', 'opened_by', 'created_at', 'updated_at', 'version'], episodes)
  await insertRows(casebook, 'case_note', ['id', 'family_id', 'episode_id', 'occurred_at', 'type', 'people', 'text', 'significant', 'author', 'created_at', 'version'], notes)
  // What addNote keeps in step, set once for the seeded notes.
  await casebook.core.writes.run((m) => m.query(`UPDATE episode SET note_count = (SELECT count(*) FROM case_note n WHERE n.episode_id = episode.id),
    last_contact_at = (SELECT max(occurred_at) FROM case_note n WHERE n.episode_id = episode.id)`))
  await casebook.core.db.query('PRAGMA optimize')
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10
  log(`Seeded 2000 open and 8000 closed episodes with ${notes.length} case notes in ${seedSeconds} s`)

  const manager = casebook.connect({ name: 'bench-manager' })
  const openIds = episodes.filter((e) => e[2] === 'open').map((e) => e[0] as string)
  const must = (r: { ok: boolean; error?: unknown }) => {
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r
  }
  const openEpisode = await sample(samples, (i) => manager.invoke('episodes.get', { id: openIds[i % openIds.length] }).then(must))
  const busiest = families[0]!.id
  let chronologyEntries = 0
  const chronology300 = await sample(samples, () => manager.invoke('chronology.get', { familyId: busiest }).then((r) => {
    chronologyEntries = (must(r) as unknown as { value: { entries: unknown[] } }).value.entries.length
  }))
  // Each practitioner's own list (about 50 open episodes each).
  const practitioners = leads.map((l) => casebook.connect({ name: l.username, userId: l.id }))
  const myCaseload = await sample(samples, (i) => practitioners[i % practitioners.length]!.invoke('episodes.mine', {}).then(must))
  const allOpenEpisodes = await sample(Math.min(samples, 50), () => manager.invoke('episodes.allOpen', {}).then(must))
  return { episodes: { open: 2000, closed: 8000, notes: notes.length, seedSeconds }, openEpisode, chronology300, myCaseload, allOpenEpisodes, chronologyEntries }
}
