// Families and episodes made straight through the core, as colleagues at other desks would have
// made them before the journey starts.
import type { Harness } from './fixtures'

export const GRACE = {
  kind: 'adult',
  givenName: 'Grace',
  familyName: 'Okafor',
  dateOfBirth: '1990-02-01',
  sex: 'F',
  ethnicity: 'BAFR',
  relationship: 'PARENT_CARER'
}
export const CATHERINE = { kind: 'child', givenName: 'Catherine', familyName: 'Okafor', dateOfBirth: '2019-07-03', sex: 'F', ethnicity: 'BAFR' }

/** A call to the core as another user, which must succeed. */
export async function asColleague(harness: Pick<Harness, 'casebook'>, name: string, channel: string, input: unknown): Promise<any> {
  const result = await harness.casebook.connect({ name }).invoke(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value
}

/** The Okafors of 12 Acacia Road: Grace and Catherine unless other members are given. */
export async function registerOkafors(harness: Pick<Harness, 'casebook'>, members: object[] = [GRACE, CATHERINE]): Promise<string> {
  const family = await asColleague(harness, 'earlier', 'families.register', {
    family: { addressLine1: '12 Acacia Road', town: 'Birmingham', postcode: 'B33 8TH', mainLanguage: 'English' },
    members: members.map((member) => ({ member }))
  })
  return family.id as string
}

/** Opens an episode led by pat, on consent Grace gives there and then. */
export async function openEpisodeFor(
  harness: Pick<Harness, 'casebook'>,
  familyId: string,
  { openedOn, headlines, reason = headlines.join(' and ') }: { openedOn: string; headlines: string[]; reason?: string }
) {
  const [{ id: patId }] = await harness.casebook.core.db.query(`SELECT id FROM app_user WHERE username = 'pat'`)
  const [{ id: grace }] = await harness.casebook.core.db.query(`SELECT id FROM person WHERE family_id = ? AND given_name = 'Grace'`, [familyId])
  const episode = await asColleague(harness, 'pat', 'episodes.open', {
    familyId,
    openedOn,
    leadUserId: patId,
    reason,
    headlines,
    consentId: 'new',
    consentGivenById: grace,
    consentMethod: 'VERBAL',
    consentGivenOn: openedOn
  })
  return { patId: patId as string, grace: grace as string, episodeId: episode.id as string }
}
