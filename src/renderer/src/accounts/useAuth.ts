import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react'
import type { AuthStatus, SessionUser } from '../../../shared/accounts/schemas'
import { invoke, onSessionProblem } from '../api'
import { flushDrafts } from '../drafts/flush'

export interface Auth {
  status: AuthStatus | null
  refresh: () => Promise<void>
  signedIn: (user: SessionUser) => void
  /** Saves every draft, signs out, and starts the page again with nothing of this user in it. */
  signOut: () => Promise<void>
  setLocked: (locked: boolean) => void
}

export const AuthContext = createContext<Auth | null>(null)

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth outside AuthContext')
  return auth
}

/**
 * Signed out, by the user or by the core: the page loads again from its first screen, so nothing
 * of the last user (a search, a half-typed registration, a family on screen, anything held in
 * memory) is left for the next. The core keeps why the session ended for the sign-in page.
 */
function startAgain(): void {
  window.history.replaceState(null, '', '#/')
  window.location.reload()
}

export function useAuthState(): Auth {
  const [status, setStatus] = useState<AuthStatus | null>(null)
  const wasSignedIn = useRef(false)
  const leaving = useRef(false)
  // Bumped by every change made here: an answer to auth.status asked before it is out of date.
  const changes = useRef(0)

  const leave = useCallback(() => {
    if (leaving.current) return
    leaving.current = true
    startAgain()
  }, [])

  const refresh = useCallback(async () => {
    const asked = changes.current
    const result = await invoke('auth.status', {})
    if (!result.ok || asked !== changes.current || leaving.current) return
    if (wasSignedIn.current && !result.value.user) return leave()
    wasSignedIn.current = Boolean(result.value.user)
    setStatus(result.value)
  }, [leave])

  const signedIn = useCallback((user: SessionUser) => {
    changes.current++
    wasSignedIn.current = true
    setStatus((s) => (s ? { ...s, needsSetup: false, user, locked: false, signedOutBecause: null } : s))
  }, [])

  const setLocked = useCallback((locked: boolean) => {
    changes.current++
    setStatus((s) => (s?.user ? { ...s, locked } : s))
  }, [])

  const signOut = useCallback(async () => {
    // Whatever was being typed is kept as the user's draft for when they sign in again.
    await flushDrafts()
    await invoke('auth.signOut', {})
    leave()
  }, [leave])

  useEffect(() => {
    void refresh()
    return onSessionProblem((code) => {
      // The record goes out of sight at once; the session is then read again (a lock, or its end).
      if (code === 'LOCKED') setLocked(true)
      void refresh()
    })
  }, [refresh, setLocked])

  return { status, refresh, signedIn, signOut, setLocked }
}
