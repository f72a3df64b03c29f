// Before each call from a window, its session is brought up to date with the account and the hub's
// idle time (one read by primary key): ended, locked, or carried on with the latest name. Every
// call pays this read so that a change an administrator makes, on this desk or another, takes
// effect at the user's next call, not at some later check.
import type { DataSource } from 'typeorm'
import { IDLE_GRACE_SECONDS } from '../../shared/accounts/schemas'
import { endSession, type Session } from '../core/session'
import { HubEntity } from '../hub/entities'
import { UserEntity } from './entities'

interface AccountNow {
  disabled: boolean | number
  role: string
  passwordHash: string
  displayName: string
  mustChangePassword: boolean | number
  idleLockMinutes: number
}

export async function followAccount(db: DataSource, session: Session, now: number): Promise<void> {
  const user = session.user
  if (!user) return
  // What the session was when the read began: if the window signs in, out or changes its password
  // while the read is on its way, the answer describes a session that no longer exists.
  const generation = session.generation
  const passwordHash = session.passwordHash
  const row = (await db
    .createQueryBuilder()
    .select(['u.disabled AS "disabled"', 'u.role AS "role"', 'u.password_hash AS "passwordHash"', 'u.display_name AS "displayName"'])
    .addSelect(['u.must_change_password AS "mustChangePassword"', 'h.idle_lock_minutes AS "idleLockMinutes"'])
    .from(UserEntity, 'u')
    .addFrom(HubEntity, 'h')
    .where('u.id = :id AND h.id = :hub', { id: user.id, hub: 1 })
    .getRawOne()) as AccountNow | undefined
  if (session.generation !== generation || !session.user) return
  if (!row || row.disabled) return endSession(session, 'This account has been disabled. Ask an administrator if you need it again.')
  if (row.passwordHash !== passwordHash) {
    return endSession(
      session,
      row.mustChangePassword
        ? 'An administrator has reset your password. Sign in with the temporary password they gave you.'
        : 'Your password has been changed in another window. Sign in with the new password.'
    )
  }
  if (row.role !== user.role) return endSession(session, 'An administrator has changed your role. Sign in again to carry on with your new role.')
  if (row.displayName !== session.user.displayName) session.user = { ...session.user, displayName: row.displayName }
  if (!session.locked && now - session.lastCallAt > (row.idleLockMinutes * 60 + IDLE_GRACE_SECONDS) * 1000) session.locked = true
}
