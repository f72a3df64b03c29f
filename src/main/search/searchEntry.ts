// What a person's entry in the people-search index holds, on either engine (sqliteSearch.ts,
// postgresSearch.ts): their name words, their sound-alike keys, the surnames of the rest of their
// household (so a child is found by the mother's surname) and their home's postcode district.
// Entries are kept in step by the families service inside the same transaction as the change they
// index; a change to one member's surname changes the entries of the others in the household too.
import { foldName, nameTokens, soundKeys, soundKeysOf } from './names'

export interface IndexedNames {
  id: string
  givenName: string | null
  familyName: string
}

/** Last name then first name, folded; an unnamed unborn baby after the named ("~" sorts last). */
export function sortKey(person: { givenName: string | null; familyName: string }): string {
  return `${foldName(person.familyName)} ${person.givenName ? foldName(person.givenName) : '~'}`
}

/** A person's entry in the index, column by column. */
export interface SearchEntry {
  sortKey: string
  names: string
  sounds: string
  household: string
  /** The postcode district the household lives in (b33), so a name and a district are matched in the index alone. */
  place: string
}

/**
 * A postcode key's district as the index holds it (B338TH → 0b33): the leading 0 keeps districts
 * out of the prefixes a name is looked up by (le, ne, ls), which no name begins with. Migration
 * 17's triggers say the same in SQL, to follow a household's new postcode and a person's move.
 */
export function placeOf(postcodeKey: string): string {
  return postcodeKey.length > 3 ? districtPlace(postcodeKey.slice(0, -3)) : ''
}

/** A district (B33) as the index holds it. */
export const districtPlace = (district: string) => `0${district.toLowerCase()}`

/** The entry of a person whose household's other members have these surnames, at a home with this postcode key. */
export function searchEntry(person: { givenName: string | null; familyName: string }, householdSurnames: string[], postcodeKey: string): SearchEntry {
  const own = nameTokens(person.givenName, person.familyName)
  const ownSet = new Set(own)
  const household = [...new Set(nameTokens(...householdSurnames))].filter((t) => !ownSet.has(t)).sort()
  return {
    sortKey: sortKey(person),
    names: own.join(' '),
    sounds: soundKeysOf(person.givenName, person.familyName).join(' '),
    household: household.join(' '),
    place: placeOf(postcodeKey)
  }
}

/** A member of a household as the index reads it: who they are, where they live, and their entry as stored (null: none yet). */
export interface HouseholdMember {
  id: string
  givenName: string | null
  familyName: string
  postcodeKey: string
  stored: SearchEntry | null
}

/** The entries of one household's members that differ from those stored (or are missing): only those are rewritten. */
export function changedEntries<M extends HouseholdMember>(members: M[]): { member: M; entry: SearchEntry }[] {
  const changed: { member: M; entry: SearchEntry }[] = []
  for (const m of members) {
    const entry = searchEntry(
      m,
      members.filter((o) => o.id !== m.id).map((o) => o.familyName),
      m.postcodeKey
    )
    const s = m.stored
    const same =
      s !== null &&
      s.sortKey === entry.sortKey &&
      s.names === entry.names &&
      s.sounds === entry.sounds &&
      s.household === entry.household &&
      s.place === entry.place
    if (!same) changed.push({ member: m, entry })
  }
  return changed
}

/**
 * What finds someone on a restricted family the viewer may not open, by one name: any of its words
 * whole, or a word sounding like one of them. Matched on names alone, which the viewer can see by
 * searching anyway.
 */
export function nameAlternatives(name: string): { names: string[]; sounds: string[] } {
  const names = nameTokens(name)
  return { names, sounds: [...new Set(names.flatMap((t) => soundKeys(t)))] }
}
