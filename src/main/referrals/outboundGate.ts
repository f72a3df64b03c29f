// The consent gate of a referral on: a referral is sent on the family's consent to share with the
// service's organisation (recorded, tied to that organisation, not withdrawn), or on a recorded
// override. The core decides; the form only shows what it decided.
import { IsNull, type EntityManager } from 'typeorm'
import { ConsentEntity, type ConsentRow } from '../consent/entities'

export interface GateState {
  /** The consent that lets it be sent: the latest given, not withdrawn. */
  consent: ConsentRow | null
  /** When there is none: the latest to this organisation that was withdrawn. */
  withdrawn: ConsentRow | null
}

export async function consentGate(db: EntityManager, familyId: string, organisationId: string): Promise<GateState> {
  const where = { familyId, organisationId, scope: 'SHARING' as const }
  const consent = await db.findOne(ConsentEntity, { where: { ...where, withdrawnOn: IsNull() }, order: { givenOn: 'DESC', recordedAt: 'DESC' } })
  if (consent) return { consent, withdrawn: null }
  const withdrawn = await db.findOne(ConsentEntity, { where, order: { withdrawnOn: 'DESC', recordedAt: 'DESC' } })
  return { consent: null, withdrawn }
}
