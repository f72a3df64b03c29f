import { EntitySchema } from 'typeorm'
import { textColumn as text } from '../core/columns'

/** An organisation of the agency directory (a school, a health trust, a charity...). */
export interface OrganisationRow {
  id: string
  /** Its id in the Open Referral UK feed it was imported from; null for one a manager added. */
  feedId: string | null
  name: string
  description: string | null
  website: string | null
  email: string | null
  phone: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export const OrganisationEntity = new EntitySchema<OrganisationRow>({
  name: 'DirectoryOrganisation',
  tableName: 'directory_organisation',
  columns: {
    id: { ...text('id', 36), primary: true },
    feedId: text('feed_id', 200, true),
    name: text('name', 200),
    description: text('description', 4000, true),
    website: text('website', 500, true),
    email: text('email', 254, true),
    phone: text('phone', 30, true),
    createdAt: text('created_at', 32),
    updatedAt: text('updated_at', 32),
    version: { type: 'integer' }
  }
})

/** A service an organisation offers, that a family can be signposted or referred to. */
export interface ServiceRow {
  id: string
  organisationId: string
  feedId: string | null
  name: string
  /** SERVICE_TYPE code: the hub's classification, guessed from the feed's taxonomy at the first import and then the hub's. */
  serviceType: string
  /** The national referral-source code that fits the service, where one does (3B for health visiting...); the hub's, as the type is. */
  referralSource: string | null
  /** What they offer. */
  description: string | null
  addressLine1: string | null
  town: string | null
  postcode: string | null
  phone: string | null
  /** The email the service publishes (the feed's). */
  email: string | null
  /** Where referrals go: the hub records it, and an import never changes it. */
  secureEmail: string | null
  website: string | null
  minAge: number | null
  maxAge: number | null
  /** SERVICE_STATUS code (Open Referral UK's): only an active service takes new referrals. */
  status: string
  /** The feed's last_modified for it when it was last imported. */
  feedModifiedAt: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export const ServiceEntity = new EntitySchema<ServiceRow>({
  name: 'DirectoryService',
  tableName: 'directory_service',
  columns: {
    id: { ...text('id', 36), primary: true },
    organisationId: text('organisation_id', 36),
    feedId: text('feed_id', 200, true),
    name: text('name', 200),
    serviceType: text('service_type', 20),
    referralSource: text('referral_source', 3, true),
    description: text('description', 4000, true),
    addressLine1: text('address_line1', 200, true),
    town: text('town', 100, true),
    postcode: text('postcode', 8, true),
    phone: text('phone', 30, true),
    email: text('email', 254, true),
    secureEmail: text('secure_email', 254, true),
    website: text('website', 500, true),
    minAge: { type: 'integer', name: 'min_age', nullable: true },
    maxAge: { type: 'integer', name: 'max_age', nullable: true },
    status: text('status', 20),
    feedModifiedAt: text('feed_modified_at', 32, true),
    createdAt: text('created_at', 32),
    updatedAt: text('updated_at', 32),
    version: { type: 'integer' }
  }
})
