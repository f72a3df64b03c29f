import { EntitySchema } from 'typeorm'
import { textColumn as text } from '../core/columns'
import type { Role } from '../../shared/roles'

export interface UserRow {
  id: string
  username: string
  displayName: string
  role: Role
  /** scrypt$N$r$p$salt$key: the cost travels with the hash, so it can be raised later. */
  passwordHash: string
  mustChangePassword: boolean
  disabled: boolean
  failedAttempts: number
  lockedUntil: string | null
  lastSignInAt: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'AppUser',
  tableName: 'app_user',
  columns: {
    id: { ...text('id', 36), primary: true },
    username: text('username', 50),
    displayName: text('display_name', 100),
    role: text('role', 20) as never,
    passwordHash: text('password_hash', 200),
    mustChangePassword: { type: 'boolean', name: 'must_change_password' },
    disabled: { type: 'boolean' },
    failedAttempts: { type: 'integer', name: 'failed_attempts' },
    lockedUntil: text('locked_until', 32, true),
    lastSignInAt: text('last_sign_in_at', 32, true),
    createdAt: text('created_at', 32),
    updatedAt: text('updated_at', 32),
    version: { type: 'integer' }
  }
})
