// Before a person is saved: is this someone the hub already knows? Bands, strongest first:
// certain (same NHS number or UPN), likely (names that sound alike, or first names close by a
// second measure, with surnames that sound alike and the same date of birth), possible (same first
// name and date of birth at the same postcode, or with a surname that sounds alike but the other
// recorded sex). For a user who may not open a restricted family, its people are matched on names
// alone and shown without their details, with whom to ask: anything more would let a guessed date
// of birth be confirmed by trying it.
import type { EntityManager } from 'typeorm'
import type { DuplicateBand, DuplicateMatch } from '../../shared/search/schemas'
import { postcodeKey } from '../../shared/identifiers/postcode'
import { duplicateCandidates, restrictedNameCandidates, type CandidateRow } from './searchIndex'
import type { RestrictedViewer } from '../families/restrictedViewer'
import { soundsAlike } from './names'
import { closeFirstNames, firstWord } from './closeNames'
import { nameOnly, whomToAsk } from '../families/access'

export interface DuplicateQuery {
  givenName: string | null
  familyName: string
  dateOfBirth: string | null
  nhsNumber: string | null
  upn: string | null
  postcode: string | null
  /** SEX's code as recorded, or null. */
  sex: string | null
  excludePersonId: string | null
}

const RANK: Record<DuplicateBand, number> = { certain: 0, likely: 1, possible: 2 }

/** `viewer`: the user, when they may not open every restricted family; null for those who may. */
export async function findDuplicates(db: EntityManager, q: DuplicateQuery, viewer: RestrictedViewer | null): Promise<DuplicateMatch[]> {
  const candidates = await duplicateCandidates(db, q, viewer)
  const decided = q.excludePersonId ? await decidedDifferent(db, q.excludePersonId) : new Set<string>()
  const matches: DuplicateMatch[] = []
  for (const c of candidates) {
    if (c.personId === q.excludePersonId || decided.has(c.personId)) continue
    const judged = judge(q, c)
    if (judged) matches.push({ ...strip(c), ...judged })
  }
  if (viewer && q.givenName) {
    const hidden = (await restrictedNameCandidates(db, { givenName: q.givenName, familyName: q.familyName }, viewer)).filter(
      (c) => c.personId !== q.excludePersonId && !decided.has(c.personId) && soundsAlike(q.familyName, c.familyName) && soundsAlike(q.givenName, c.givenName)
    )
    const askFor = await whomToAsk(db, [...new Set(hidden.map((c) => c.familyId))])
    for (const c of hidden)
      matches.push({ ...nameOnly(c), band: 'possible', reason: `On a restricted record: ask ${askFor.get(c.familyId)} whether this is the same person` })
  }
  return matches.sort((a, b) => RANK[a.band] - RANK[b.band] || a.familyName.localeCompare(b.familyName))
}
function judge(q: DuplicateQuery, c: CandidateRow): { band: DuplicateBand; reason: string } | null {
  if (q.nhsNumber && c.nhsNumber === q.nhsNumber) return { band: 'certain', reason: 'Same NHS number' }
  if (q.upn && c.upn === q.upn) return { band: 'certain', reason: 'Same UPN' }
  if (!q.dateOfBirth || c.dateOfBirth !== q.dateOfBirth) return null
  const sameFirstName = firstWord(q.givenName) !== null && firstWord(q.givenName) === firstWord(c.givenName)
  if (soundsAlike(q.familyName, c.familyName)) {
    if (!sexesDiffer(q.sex, c.sex)) {
      if (q.givenName && soundsAlike(q.givenName, c.givenName)) return { band: 'likely', reason: 'Name sounds alike and same date of birth' }
      if (closeFirstNames(q.givenName, c.givenName)) return { band: 'likely', reason: 'First name spelt alike, surname sounds alike and same date of birth' }
    } else if (sameFirstName) {
      // Boy-and-girl twins are given names a letter or a sound apart (Louis and Louise, Francis and
      // Frances, Oliver and Olivia), which both measures call alike: with the other sex recorded,
      // a first name that is not the same is another person. Twins are never given the same name,
      // though, and a sex is sometimes recorded wrongly: the same name still warns, a band lower.
      return { band: 'possible', reason: 'Same first name and date of birth, surname sounds alike, but recorded as the other sex' }
    }
  }
  if (q.postcode && sameFirstName && postcodeKey(q.postcode) === c.postcodeKey) {
    return { band: 'possible', reason: 'Same first name and date of birth at the same postcode' }
  }
  return null
}

/** Both recorded, and not the same: U (unknown or not recorded) and no answer weigh nothing. */
const sexesDiffer = (a: string | null, b: string | null) => a !== null && b !== null && a !== 'U' && b !== 'U' && a !== b

function strip(c: CandidateRow) {
  const { nhsNumber: _n, upn: _u, postcodeKey: _p, sex: _s, ...hit } = c
  return hit
}

/** People someone has already confirmed are not this person: they are not asked about again. */
async function decidedDifferent(db: Pick<EntityManager, 'query'>, personId: string): Promise<Set<string>> {
  const rows = (await db.query(
    `SELECT other_person_id AS id FROM duplicate_decision WHERE person_id = ?
     UNION SELECT person_id AS id FROM duplicate_decision WHERE other_person_id = ?`,
    [personId, personId]
  )) as { id: string }[]
  return new Set(rows.map((r) => r.id))
}
