import { useCallback, useEffect, useState } from 'react'
import type { UserRecord } from '../../../shared/accounts/schemas'
import { ROLES } from '../../../shared/roles'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'

export const roleLabel = (code: string) => ROLES.find((r) => r.code === code)?.label ?? code

/** Everyone who can use Casebook (administrators only), read again on demand. */
export function useUsers() {
  const [users, setUsers] = useState<UserRecord[] | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)
  const reload = useCallback(async () => {
    const result = await invoke('users.list', {})
    if (result.ok) setUsers(result.value.users)
    else setError(result.error)
  }, [])
  useEffect(() => void reload(), [reload])
  return { users, error, reload }
}
