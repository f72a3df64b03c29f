// The Okafors registered and an early-help episode opened for them, led by `lead`, on consent Grace
// gives there and then: the start of most tests of the work inside an episode.
import type { Connection } from '../core/casebook'
import { okaforFamily } from './fixtures'
import { unwrap, type TempCasebook } from './tempCasebook'

export interface OpenedEpisode {
  family: { id: string; reference: string }
  /** The family's named members' ids, by first name (Grace, Samuel, Catherine, Mohammed). */
  people: Record<string, string>
  episodeId: string
}

export async function okaforsWithEpisode(t: TempCasebook, lead: { connection: Connection; id: string }, openedOn: string): Promise<OpenedEpisode> {
  const family = await t.ok('families.register', okaforFamily())
  const view = await t.ok('families.get', { id: family.id })
  const people = Object.fromEntries(
    view.members.filter((m: { givenName: string | null }) => m.givenName).map((m: { givenName: string; id: string }) => [m.givenName, m.id])
  )
  const { id: episodeId } = unwrap<{ id: string }>(
    await lead.connection.invoke('episodes.open', {
      familyId: family.id,
      openedOn,
      leadUserId: lead.id,
      reason: 'Rent arrears',
      headlines: ['HOUSING', 'EARLY_YEARS'],
      consentId: 'new',
      consentGivenById: people.Grace,
      consentMethod: 'WRITTEN',
      consentGivenOn: openedOn
    })
  )
  return { family, people, episodeId }
}
