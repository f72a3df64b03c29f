import type { FamilyView } from '../../shared/contract'
import type { CallContext } from '../core/context'
import { notFound } from '../core/errors'
import { listConsents } from '../consent/service'
import { auditView } from '../audit/audit'
import { familyAccess } from './access'
import { openEpisodeOf, pastEpisodesOf } from '../earlyHelp/episodes'
import { FamilyEntity, PersonEntity } from './entities'
import { familyRecord, personRecord } from './records'
import { disabilitiesOf } from './disabilities'
import { staffNames } from '../accounts/staffNames'
import { familyName } from '../../shared/families/familyName'
import { familyAlerts } from './alerts'

const KIND_ORDER = { adult: 0, child: 1, unborn: 2 } as const

export async function getFamily(id: string, ctx: CallContext): Promise<FamilyView> {
  const db = ctx.core.db.manager
  const family = await db.findOneBy(FamilyEntity, { id })
  if (!family) throw notFound('family')
  const members = (await db.findBy(PersonEntity, { familyId: id })).sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.dateOfBirth ?? a.expectedDate ?? '').localeCompare(b.dateOfBirth ?? b.expectedDate ?? '') ||
      a.id.localeCompare(b.id)
  )
  // Reception learns that an episode is open and who leads it; what it is about is casework.
  const casework = ctx.actor.permissions.has('earlyHelp.read')
  const consents = (await listConsents(db, id)).filter((c) => casework || c.scope !== 'EARLY_HELP')
  // Who looked at a family's record is on record too (need-to-know is checked after the fact).
  await auditView(ctx, 'family', id, id)
  const { allowedUsers } = await familyAccess(ctx, id, Boolean(family.restricted))
  const episode = await openEpisodeOf(db, id)
  const openEpisode = episode
    ? {
        id: episode.id,
        status: episode.status,
        openedOn: episode.openedOn,
        leadName: episode.leadName,
        headlines: casework ? episode.headlines : null,
        version: episode.version
      }
    : null
  const disabilities = await disabilitiesOf(
    db,
    members.map((m) => m.id)
  )
  const registeredBy = (await staffNames(db, [family.registeredByUserId]))(family.registeredByUserId)
  const facts = {
    registeredBy,
    // The caller may open this family (the router checked), so its people name it.
    name: familyName(family.reference, members),
    episode: episode && episode.status !== 'closed' ? { status: episode.status, openedOn: episode.openedOn, leadName: episode.leadName } : null,
    alerts: await familyAlerts(db, ctx, id, { episodeOpen: Boolean(episode), consents })
  }
  return {
    family: familyRecord(family, facts),
    members: members.map((m) => personRecord(m, disabilities.get(m.id) ?? [])),
    consents,
    allowedUsers,
    openEpisode,
    pastEpisodes: await pastEpisodesOf(db, id)
  }
}
