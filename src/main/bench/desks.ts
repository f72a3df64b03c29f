// Several desks at once (`--desks 8`): each desk a core of its own (on PostgreSQL its own pool, as a
// workstation has), all on the one database, for a fixed time. Each desk does what a hub's day is
// made of, picked at random in these proportions: searching as reception types a name, opening a
// family, registering a family of four after its duplicate check, and opening an episode and saving
// its plan again. The episodes edited are a few shared by every desk, so two desks sometimes save
// the same one: the second is refused as stale (a conflict, counted), as a person at a desk would
// be. Afterwards the records are counted: every registration answered ok is there once, references
// never repeat, and the audit chain is one unbroken chain.
import type { Casebook } from '../core/casebook'
import { todayIso } from '../../shared/dates'
import { FamilyGenerator, rng } from '../seed/generator'
import type { RegisterFamilyInput } from '../../shared/families/schemas'
import { verifyAuditChain } from '../audit/verify'
import { summarise, time, type Summary } from './stats'
import type { PersonSample } from './search'

export interface DesksFigures {
  desks: number
  /** At a person's pace (PACE), or each desk's next call the moment its last is answered. */
  paced: boolean
  seconds: number
  operations: number
  operationsPerSecond: number
  byKind: Record<string, Summary & { perSecond: number }>
  /** Saves refused because another desk had saved the record first (CONFLICT), as a user would be told. */
  conflicts: number
  /** Transactions PostgreSQL ended as a serialization failure or deadlock and the core ran again. */
  retries: number
  /** Calls answered with an error other than a conflict (there should be none). */
  failures: { channel: string; code: string }[]
  registered: number
  registeredFound: number
  repeatedReferences: number
  auditChain: { intact: boolean; entries: number }
}

/** Episodes shared by the desks' edits: few enough that two desks sometimes save the same one. */
const SHARED_EPISODES = 24

/** 0 → 'a', 25 → 'z', 26 → 'ba': a number spelt in letters, for names that must hold none. */
export const lettersFor = (n: number): string => n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))

/**
 * The generator's next family of two adults and two or more children, as four people named
 * `familyName`, with no identifiers: nobody on record resembles them.
 */
export function familyOfFour(generator: FamilyGenerator, familyName: string): RegisterFamilyInput {
  for (;;) {
    const f = generator.family()
    const adults = f.members.filter((m) => m.member.kind === 'adult')
    const children = f.members.filter((m) => m.member.kind === 'child')
    if (adults.length === 2 && children.length >= 2)
      return { ...f, members: [...adults, ...children.slice(0, 2)].map((m) => ({ ...m, member: { ...m.member, familyName, nhsNumber: null, upn: null } })) }
  }
}

/** What reception has typed, keystroke by keystroke, when the list is asked again (from the third letter, then every other). */
export function typing(text: string): string[] {
  const shown: string[] = []
  for (let n = 3; n < text.length; n += 2) if (text[n - 1] !== ' ') shown.push(text.slice(0, n))
  return [...shown, text]
}

/** What each desk is given: the same for all, but for its number. */
export interface DeskPlan {
  desk: number
  desks: number
  people: PersonSample[]
  familyIds: string[]
  /** The episodes every desk edits. */
  shared: string[]
  /** This run's number, for its own families (see benchDesks). */
  runNumber: number
  run: string
  /** At a person's pace (PACE) rather than flat out. */
  pace: boolean
}

/**
 * A person's pace (`--pace`), brisker than any hub's day: typing at about seven keys a second, the
 * list asked again at every other key (as `typing` has it), and one to four seconds between one
 * thing and the next. Flat out (the default), every desk asks again the moment it is answered: that
 * measures how much the database and this machine can do at most, and what a desk waits when they
 * are saturated; at a person's pace, what a desk waits while others work at the same moment.
 */
export const PACE = { searchEveryMs: 300, thinkMs: { least: 1000, most: 4000 } }

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** What a desk did: every call's time by kind, and how the calls were answered. */
export interface DeskDay {
  samples: Record<string, number[]>
  conflicts: number
  failures: DesksFigures['failures']
  registered: number
  /** Transactions this desk's core ran again: each desk is a core of its own, with its own count. */
  retried: number
}

export const CALL_KINDS = ['search', 'open a family', 'duplicate check', 'register a family of four', 'open an episode', 'save a plan'] as const

/** One desk's day, until the time is up. */
export async function deskDay(casebook: Casebook, plan: DeskPlan, until: number): Promise<DeskDay> {
  const d = plan.desk
  const retriedBefore = casebook.core.writes.retried
  const day: DeskDay = { samples: Object.fromEntries(CALL_KINDS.map((k) => [k, []])), conflicts: 0, failures: [], registered: 0, retried: 0 }
  const desk = casebook.connect({ name: `desk-${d + 1}` })
  const call = async (kind: string, channel: string, input: unknown): Promise<any> => {
    const [ms, result] = await time(() => desk.invoke(channel, input))
    day.samples[kind]!.push(ms)
    if (result.ok) return result.value
    if (result.error.code === 'CONFLICT') day.conflicts++
    else day.failures.push({ channel, code: result.error.code })
    return null
  }
  const random = rng(1000 + d)
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
  const generator = new FamilyGenerator(2000 + d + plan.desks * plan.runNumber, todayIso())
  let families = 0
  while (performance.now() < until) {
    if (plan.pace) await pause(PACE.thinkMs.least + random() * (PACE.thinkMs.most - PACE.thinkMs.least))
    const roll = random()
    if (roll < 0.45) {
      const p = pick(plan.people)
      for (const text of typing(`${p.givenName} ${p.familyName}`)) {
        const asked = performance.now()
        await call('search', 'people.search', { text, limit: 25 })
        if (plan.pace) await pause(Math.max(0, asked + PACE.searchEveryMs - performance.now()))
      }
    } else if (roll < 0.65) {
      await call('open a family', 'families.get', { id: pick(plan.familyIds) })
    } else if (roll < 0.8) {
      // A surname nobody on record has (names hold no digits): the run, the desk and its count, in letters.
      const family = familyOfFour(generator, `Desk${plan.run}${lettersFor(d)}x${lettersFor(families++)}`)
      const first = family.members[0]!.member as { givenName: string; familyName: string; dateOfBirth: string }
      const check = { givenName: first.givenName, familyName: first.familyName, dateOfBirth: first.dateOfBirth, postcode: family.family.postcode }
      await call('duplicate check', 'people.checkDuplicates', check)
      if (await call('register a family of four', 'families.register', family)) day.registered++
    } else {
      const episode = await call('open an episode', 'episodes.get', { id: pick(plan.shared) })
      if (!episode) continue
      const outcomes = episode.plan.outcomes.map((o: any, k: number) =>
        k ? o : { ...o, actions: o.actions.map((a: any) => ({ ...a, status: a.status === 'IN_PROGRESS' ? 'NOT_STARTED' : 'IN_PROGRESS' })) }
      )
      await call('save a plan', 'plan.save', { episodeId: episode.id, version: episode.plan.version, agreedOn: episode.plan.agreedOn, outcomes })
    }
  }
  day.retried = casebook.core.writes.retried - retriedBefore
  return day
}

export async function benchDesks(
  open: () => Promise<Casebook>,
  options: { desks: number; seconds: number; pace: boolean; people: PersonSample[]; familyIds: string[]; episodeIds: string[] },
  log: (line: string) => void
): Promise<DesksFigures> {
  // This run's own families: a kept database (--seeded) holds those earlier runs registered, and the
  // same generator's families again would be duplicates (the same first names, birthdays, postcodes).
  // A number from the clock seeds the generators and, as five letters, starts the surnames.
  const runNumber = Math.floor(Date.now() / 1000) % (26 ** 5 - 26 ** 4)
  const run = lettersFor(26 ** 4 + runNumber)
  const shared = options.episodeIds.slice(0, SHARED_EPISODES)
  const cores = await Promise.all(Array.from({ length: options.desks }, () => open()))
  const until = performance.now() + options.seconds * 1000
  const [ms, days] = await time(() => Promise.all(cores.map((casebook, desk) => deskDay(casebook, { ...options, desk, shared, runNumber, run }, until))))
  const seconds = ms / 1000
  await Promise.all(cores.map((c) => c.close()))

  const samples: Record<string, number[]> = Object.fromEntries(CALL_KINDS.map((k) => [k, days.flatMap((day) => day.samples[k] ?? [])]))
  const checker = await open()
  try {
    const db = checker.core.db
    const [found] = (await db.query(`SELECT count(DISTINCT family_id) AS n FROM person WHERE family_name LIKE ?`, [`Desk${run}%`])) as { n: number }[]
    const [repeated] = (await db.query(`SELECT count(*) - count(DISTINCT reference) AS n FROM family`)) as { n: number }[]
    const chain = await verifyAuditChain(db)
    const byKind: DesksFigures['byKind'] = {}
    for (const [kind, list] of Object.entries(samples)) byKind[kind] = { ...summarise(list), perSecond: Math.round((list.length / seconds) * 10) / 10 }
    const operations = Object.values(samples).reduce((n, list) => n + list.length, 0)
    log(`${options.desks} desks for ${seconds.toFixed(1)} s: ${operations} calls`)
    return {
      desks: options.desks,
      paced: options.pace,
      seconds: Math.round(seconds * 10) / 10,
      operations,
      operationsPerSecond: Math.round((operations / seconds) * 10) / 10,
      byKind,
      conflicts: days.reduce((n, day) => n + day.conflicts, 0),
      retries: days.reduce((n, day) => n + day.retried, 0),
      failures: days.flatMap((day) => day.failures),
      registered: days.reduce((n, day) => n + day.registered, 0),
      registeredFound: Number(found!.n),
      repeatedReferences: Number(repeated!.n),
      auditChain: { intact: chain.intact, entries: chain.entries }
    }
  } finally {
    await checker.close()
  }
}

export function printDesks(f: DesksFigures, log: (line: string) => void): void {
  log(`\n${f.desks} desks at once for ${f.seconds} s, ${f.paced ? "at a person's pace" : 'flat out'}: ${f.operations} calls, ${f.operationsPerSecond} a second`)
  log('Call                          per second   p50 / p95 / p99 (ms)      max')
  for (const [kind, s] of Object.entries(f.byKind))
    log(`${kind.padEnd(30)}${String(s.perSecond).padEnd(13)}${`${s.p50} / ${s.p95} / ${s.p99}`.padEnd(26)}${s.max}`)
  log(`Conflicts (stale saves refused): ${f.conflicts}   transactions retried: ${f.retries}   other failures: ${f.failures.length}`)
  for (const failure of f.failures.slice(0, 10)) log(`  ${failure.channel}: ${failure.code}`)
  log(`Registered ${f.registered}, found ${f.registeredFound}; repeated references: ${f.repeatedReferences}`)
  log(`Audit chain: ${f.auditChain.intact ? 'intact' : 'BROKEN'}, ${f.auditChain.entries} entries`)
}
