// How a family is named wherever it appears: staff know households by their people, not by a
// reference. The one place these rules live; main and renderer both call it.

/** The parts of a person the family's name is made from. */
export interface NamedPerson {
  kind: 'adult' | 'child' | 'unborn'
  givenName: string | null
  familyName: string
}

/** How a person is named: an unborn baby may have no first name yet. */
export function personName(p: { givenName: string | null; familyName: string; kind: string }): string {
  return `${p.givenName ?? (p.kind === 'unborn' ? 'Unborn baby' : '')} ${p.familyName}`.trim()
}

/** Surnames compared as staff read them: case, accents and spacing aside. */
const surnameKey = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()

/** More names than this and the name stops being read at a glance. */
const MOST_NAMES = 3

function joinNames(names: string[]): string {
  if (names.length <= MOST_NAMES) return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  const others = names.length - (MOST_NAMES - 1)
  return `${names.slice(0, MOST_NAMES - 1).join(', ')} and ${others} others`
}

/**
 * The family's name without its reference, or null when there is no one to name it by.
 * The adults name a household; with no adults, its children (then unborn babies) do. One surname
 * among them: "Okafor family"; several: the people themselves, "Grace Okafor and Tom Reid".
 */
export function familyPeopleName(people: readonly NamedPerson[]): string | null {
  const namers = (['adult', 'child', 'unborn'] as const).map((kind) => people.filter((p) => p.kind === kind && p.familyName.trim())).find((g) => g.length)
  if (!namers) return null
  const surnames = new Map<string, string>()
  for (const p of namers) if (!surnames.has(surnameKey(p.familyName))) surnames.set(surnameKey(p.familyName), p.familyName.trim())
  if (surnames.size === 1) return `${[...surnames.values()][0]} family`
  return joinNames(namers.map(personName))
}

/**
 * "Okafor family (RV-000001)", "Grace Okafor and Tom Reid (RV-000001)", or "Family RV-000001" when
 * there is no one to name it by, or when `people` is null: the caller may not see who is in it
 * (a restricted family), so the reference alone is all that may be shown.
 */
export function familyName(reference: string, people: readonly NamedPerson[] | null): string {
  const name = people ? familyPeopleName(people) : null
  return name ? `${name} (${reference})` : `Family ${reference}`
}
