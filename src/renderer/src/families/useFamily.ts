import { useCallback, useEffect, useState } from 'react'
import type { FamilyView } from '../../../shared/contract'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { useSharedChanges } from '../changes/SharedChanges'

export function useFamily(id: string) {
  const [view, setView] = useState<FamilyView | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)
  const reload = useCallback(async () => {
    const result = await invoke('families.get', { id })
    if (result.ok) {
      setView(result.value)
      setError(null)
    } else {
      setError(result.error)
    }
    return result
  }, [id])
  // Read again when another desk saves something (a shared database's): the family may be what changed.
  const changes = useSharedChanges()
  useEffect(() => {
    void reload()
  }, [reload, changes])
  return { view, error, reload }
}
