// What a signed-in window pays that a trusted caller does not: the session's re-read of the
// account at every call, and, for reception, searches and duplicate checks that leave out the
// restricted families they may not open (one family in a hundred is restricted here).
import type { Casebook, Connection } from '../core/casebook'
import { measureInvoke, type Summary } from './stats'
import { rowNumber } from './engine'

export interface SignedInFigures {
  restrictedFamilies: number
  /** auth.activity: a call that does nothing, so its time is the call's own cost. */
  emptyCallTrusted: Summary
  emptyCallSignedIn: Summary
  searchAsReception: Record<string, Summary>
  duplicateCheckAsReception: Summary
}

/** `reception` is a window signed in as a receptionist; `trusted` a trusted caller's connection. */
export async function benchSignedIn(
  casebook: Casebook,
  trusted: Connection,
  reception: Connection,
  searches: Record<string, string[]>,
  duplicates: unknown[],
  samples: number
): Promise<SignedInFigures> {
  const families = (await casebook.core.db.query(`SELECT id, version FROM family WHERE ${rowNumber(casebook.core.db)} % 100 = 7`)) as {
    id: string
    version: number
  }[]
  for (const f of families) {
    const restricted = await trusted.invoke('families.setRestriction', { id: f.id, version: f.version, restricted: true, allowedUserIds: [] })
    if (!restricted.ok) throw new Error(restricted.error.message)
  }
  const nothing = Array.from({ length: samples }, () => ({}))
  const emptyCallTrusted = await measureInvoke(trusted, 'auth.activity', nothing)
  const emptyCallSignedIn = await measureInvoke(reception, 'auth.activity', nothing)
  const searchAsReception: Record<string, Summary> = {}
  for (const [mode, texts] of Object.entries(searches)) {
    for (const text of texts.slice(0, 10)) await reception.invoke('people.search', { text })
    searchAsReception[mode] = await measureInvoke(
      reception,
      'people.search',
      texts.map((text) => ({ text, limit: 25 }))
    )
  }
  const duplicateCheckAsReception = await measureInvoke(reception, 'people.checkDuplicates', duplicates)
  return { restrictedFamilies: families.length, emptyCallTrusted, emptyCallSignedIn, searchAsReception, duplicateCheckAsReception }
}
