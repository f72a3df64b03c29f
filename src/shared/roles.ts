// Who may do what. The core's router enforces this for every channel; the renderer only uses it
// to hide what a role cannot do.
import { z } from 'zod'

export const ROLES = [
  { code: 'reception', label: 'Reception' },
  { code: 'practitioner', label: 'Early-help practitioner' },
  { code: 'manager', label: 'Hub manager' },
  { code: 'admin', label: 'Administrator (IT)' }
] as const
export const roleSchema = z.enum(['reception', 'practitioner', 'manager', 'admin'])
export type Role = z.infer<typeof roleSchema>

/**
 * Every permission a channel can require. 'public' channels answer without signing in (status,
 * setup, sign-in); 'signedIn' ones need any signed-in user (lock, change password).
 */
export const PERMISSIONS = [
  'public',
  'signedIn',
  'hub.read',
  'people.search',
  'families.read',
  'families.write',
  'consent.write',
  'earlyHelp.read',
  'earlyHelp.write',
  'directory.read',
  'directory.manage',
  'referrals.log',
  'referrals.screen',
  'referrals.oversee',
  'export.run',
  'episodes.manage',
  'audit.read',
  'families.restrict',
  'users.manage',
  'hub.manage',
  'backup.manage'
] as const
export type Permission = (typeof PERMISSIONS)[number]

// Reception log requests for help (and see where each has got to) and read the agency directory.
const RECEPTION: Permission[] = ['hub.read', 'people.search', 'families.read', 'families.write', 'consent.write', 'directory.read', 'referrals.log']
// Practitioners do the casework: early help, screening requests, referring on and stepping up;
// reception only learns that an episode is open and who leads it.
const PRACTITIONER: Permission[] = [...RECEPTION, 'earlyHelp.read', 'earlyHelp.write', 'referrals.screen']
// Managers open restricted families and decide who else may, keep the directory, oversee
// referrals (every step-up, every sharing without consent) and send the hub's records to the authority.
const MANAGER: Permission[] = [...PRACTITIONER, 'episodes.manage', 'audit.read', 'families.restrict', 'directory.manage', 'referrals.oversee', 'export.run']
// IT: accounts, settings and backups (whole encrypted copies they cannot read in Casebook), and no case content at all.
const ADMIN: Permission[] = ['hub.read', 'users.manage', 'hub.manage', 'backup.manage']

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  reception: new Set(RECEPTION),
  practitioner: new Set(PRACTITIONER),
  manager: new Set(MANAGER),
  admin: new Set(ADMIN)
}

export function roleMay(role: Role, permission: Permission): boolean {
  return permission === 'public' || permission === 'signedIn' || ROLE_PERMISSIONS[role].has(permission)
}
