import { useCallback, useEffect, useState } from 'react'
import type { UserRecord } from '../../../shared/accounts/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'

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
