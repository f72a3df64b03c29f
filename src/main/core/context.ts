import type { DataSource } from 'typeorm'
import type { Permission } from '../../shared/contract'
import type { Clock } from './clock'
import type { WriteQueue } from './writeQueue'

/** What every service is given: the database for reads, the queue for writes, the clock. */
export interface Core {
  db: DataSource
  writes: WriteQueue
  clock: Clock
}

/** Who is calling. Until sign-in exists, the desktop's user name and every permission. */
export interface Actor {
  name: string
  permissions: ReadonlySet<Permission>
}

export interface CallContext {
  core: Core
  actor: Actor
  /** The call's time, ISO-8601: one value for every row the call writes. */
  now: string
}
