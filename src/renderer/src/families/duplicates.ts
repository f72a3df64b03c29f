import type { Member } from '../../../shared/families/schemas'
import type { DuplicateMatch } from '../../../shared/search/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { duplicateQueryFor } from './formValues'

export type DuplicatesByMember = Record<number, DuplicateMatch[]>

/** Matches for each member that the user has not yet confirmed are different people. */
export async function unconfirmedDuplicates(
  entries: { member: Member; notDuplicateOf: string[]; personId?: string }[],
  postcode: string | null
): Promise<{ ok: true; found: DuplicatesByMember } | { ok: false; error: AppErrorValue }> {
  const found: DuplicatesByMember = {}
  for (const [i, entry] of entries.entries()) {
    const result = await invoke('people.checkDuplicates', duplicateQueryFor(entry.member, postcode, entry.personId ?? null))
    if (!result.ok) return result
    const unconfirmed = result.value.matches.filter((m) => !entry.notDuplicateOf.includes(m.personId))
    if (unconfirmed.length > 0) found[i] = unconfirmed
  }
  return { ok: true, found }
}
