import type { SessionUser, UserRecord } from '../../shared/accounts/schemas'
import type { UserRow } from './entities'

export const sessionUserOf = (u: UserRow): SessionUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  mustChangePassword: Boolean(u.mustChangePassword)
})

export const userRecordOf = (u: UserRow): UserRecord => ({
  ...sessionUserOf(u),
  disabled: Boolean(u.disabled),
  lockedUntil: u.lockedUntil,
  lastSignInAt: u.lastSignInAt,
  version: u.version
})
