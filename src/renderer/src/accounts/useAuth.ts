import { createContext, useCallback, useContext, useEffect, useState } from 'react'
import type { AuthStatus, SessionUser } from '../../../shared/accounts/schemas'
import { invoke, onSessionProblem } from '../api'

export interface Auth {
  status: AuthStatus | null
  refresh: () => Promise<void>
  signedIn: (user: SessionUser) => void
  /** Shows the sign-in page at once, before anything else re-reads the session. */
  signedOut: () => void
  setLocked: (locked: boolean) => void
}

export const AuthContext = createContext<Auth | null>(null)

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth outside AuthContext')
  return auth
}

export function useAuthState(): Auth {
  const [status, setStatus] = useState<AuthStatus | null>(null)
  const refresh = useCallback(async () => {
    const result = await invoke('auth.status', {})
    if (result.ok) setStatus(result.value)
  }, [])
  useEffect(() => {
    void refresh()
    // A call that finds the session gone or locked (another window, a restart) re-reads it.
    return onSessionProblem(() => void refresh())
  }, [refresh])
  const signedIn = useCallback((user: SessionUser) => setStatus((s) => (s ? { ...s, needsSetup: false, user, locked: false } : s)), [])
  const signedOut = useCallback(() => setStatus((s) => (s ? { ...s, user: null, locked: false } : s)), [])
  const setLocked = useCallback((locked: boolean) => setStatus((s) => (s ? { ...s, locked } : s)), [])
  return { status, refresh, signedIn, signedOut, setLocked }
}
