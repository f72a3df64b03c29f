// The window's first question: did Casebook open its database as it should? Until it answers, nothing
// else is asked; a database that could not be opened is shown the recovery screen instead of sign-in.
import { useCallback, useEffect, useState } from 'react'
import type { RecoveryStatus } from '../../../shared/recovery/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'

/** What the core says when its database did not open as it should: on the recovery screen, or a read-only copy. */
export type Unopened = Exclude<RecoveryStatus, { state: 'ok' }>

export interface Recovery {
  /** null until the core has answered. */
  status: RecoveryStatus | null
  /** Why the core could not say (it could not be reached, or failed): the window says so rather than stay blank. */
  problem: AppErrorValue | null
  ask: () => Promise<void>
  /** What recovery.openReadOnly answered: the window carries on, on the copy. */
  opened: (status: RecoveryStatus) => void
}

export function useRecoveryStatus(): Recovery {
  const [status, setStatus] = useState<RecoveryStatus | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const ask = useCallback(async () => {
    setProblem(null)
    const result = await invoke('recovery.status', {})
    if (result.ok) setStatus(result.value)
    else setProblem(result.error)
  }, [])
  useEffect(() => {
    void ask()
  }, [ask])
  return { status, problem, ask, opened: setStatus }
}
