import type { z } from 'zod'
import type { CONSENT_SCOPE } from '../../shared/codes'
import { EntitySchema } from 'typeorm'
import { textColumn as text } from '../core/columns'

export interface ConsentRow {
  id: string
  familyId: string
  givenById: string
  scope: z.infer<typeof CONSENT_SCOPE.schema>
  agency: string | null
  /** The directory organisation consent to share is with (migration 10); older consents have only `agency`. */
  organisationId: string | null
  method: 'VERBAL' | 'WRITTEN'
  givenOn: string
  /** Null: recorded by the system or the command line (the audit trail says who). */
  recordedByUserId: string | null
  recordedAt: string
  withdrawnOn: string | null
  version: number
}

export const ConsentEntity = new EntitySchema<ConsentRow>({
  name: 'Consent',
  tableName: 'consent',
  columns: {
    id: { ...text('id', 36), primary: true },
    familyId: text('family_id', 36),
    givenById: text('given_by_id', 36),
    scope: text('scope', 20) as never,
    agency: text('agency', 200, true),
    organisationId: text('organisation_id', 36, true),
    method: text('method', 10) as never,
    givenOn: text('given_on', 10),
    recordedByUserId: text('recorded_by_user_id', 36, true),
    recordedAt: text('recorded_at', 32),
    withdrawnOn: text('withdrawn_on', 10, true),
    version: { type: 'integer' }
  }
})
