// Short forms and nicknames a name may be typed as (Kate for Katherine, Alex for Alexander): the
// well-kept upstream list in ./nicknames (see its README for its source, licence and gaps), plus a
// few short forms it lacks, named here with their reasons.
import { NAMES_CSV } from './nicknames/namesCsv'

/**
 * Ours, not the upstream list's: short forms common at an English family hub's desk that the
 * list (drawn from United States genealogy) does not hold. [full name, short form, why].
 */
export const SUPPLEMENT: readonly (readonly [string, string, string])[] = [
  ['mohammed', 'mohd', 'the usual abbreviation of the name in Malaysia, Singapore and South Asia, on passports too'],
  ['mohammed', 'md', 'the usual abbreviation of the name in Bangladesh, on passports too'],
  ['muhammad', 'mohd', 'as for Mohammed: the same name, another spelling'],
  ['muhammad', 'md', 'as for Mohammed'],
  ['mohammad', 'mohd', 'as for Mohammed'],
  ['mohammad', 'md', 'as for Mohammed'],
  ['aleksander', 'olek', 'the everyday Polish short form of Aleksander'],
  ['aleksander', 'alek', 'a Polish short form of Aleksander'],
  ['aleksandra', 'ola', 'the everyday Polish short form of Aleksandra']
]

let byShortForm: Map<string, string[]> | null = null

function load(): Map<string, string[]> {
  const map = new Map<string, Set<string>>()
  const add = (full: string, short: string) => {
    if (!full || !short || full === short) return
    let fulls = map.get(short)
    if (!fulls) map.set(short, (fulls = new Set()))
    fulls.add(full)
  }
  for (const line of NAMES_CSV.split('\n').slice(1)) {
    const [full, relationship, short] = line.trim().toLowerCase().split(',')
    if (relationship === 'has_nickname') add(full ?? '', short ?? '')
  }
  for (const [full, short] of SUPPLEMENT) add(full, short)
  return new Map([...map].map(([short, fulls]) => [short, [...fulls].sort()]))
}

/** The full names a folded word may be short for (kate → katelin, katelyn, katherine, ...); none if it is no short form. */
export function fullNamesFor(word: string): string[] {
  byShortForm ??= load()
  return byShortForm.get(word) ?? []
}

/** The short forms of a full name (katherine → cassie, cathy, kate, ...): the list read the other way, for the benchmark's searches. */
export function shortFormsOf(fullName: string): string[] {
  byShortForm ??= load()
  return [...byShortForm].filter(([, fulls]) => fulls.includes(fullName)).map(([short]) => short)
}
