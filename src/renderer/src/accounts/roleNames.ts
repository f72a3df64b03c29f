import { ROLES } from '../../../shared/roles'

/** A role as lists and tables show it: "Hub manager". */
export const roleLabel = (code: string) => ROLES.find((r) => r.code === code)?.label ?? code

/**
 * A role inside a sentence, made from its label so that a new role needs no words of its own here:
 * "the hub manager role", "the reception role", "the administrator (IT) role".
 */
export function theRole(code: string): string {
  const label = roleLabel(code)
  return `the ${label.charAt(0).toLowerCase()}${label.slice(1)} role`
}
