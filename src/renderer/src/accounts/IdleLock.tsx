import { useEffect, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { ACTIVITY_REPORT_SECONDS, unlockInput } from '../../../shared/accounts/schemas'
import type { z } from 'zod'
import { invoke } from '../api'
import { contractResolver, listErrors } from '../components/formErrors'
import { ErrorSummary } from '../components/ErrorSummary'
import { TextField } from '../components/fields'
import { applyServerErrors } from '../families/applyServerErrors'
import { useAuth } from './useAuth'
import { flushDrafts } from '../drafts/flush'

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const

/**
 * Locks the session after the hub's idle time without keyboard or mouse use; the page underneath
 * keeps everything typed. The core locks a window that has made no call for a little longer (see
 * IDLE_GRACE_SECONDS), so someone reading or typing tells it they are here, now and then.
 */
export function useIdleLock(minutes: number, active: boolean) {
  const { setLocked } = useAuth()
  useEffect(() => {
    if (!active) return
    let timer: ReturnType<typeof setTimeout>
    let reportedAt = -Infinity
    const lock = async () => {
      // Every draft is in the database, each save answered, before the core accepts nothing but unlock.
      await flushDrafts()
      const result = await invoke('auth.lock', {})
      if (result.ok) setLocked(true)
    }
    const restart = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void lock(), minutes * 60_000)
    }
    const onActivity = () => {
      restart()
      const now = Date.now()
      if (now - reportedAt < ACTIVITY_REPORT_SECONDS * 1000) return
      reportedAt = now
      void invoke('auth.activity', {})
    }
    restart()
    for (const event of ACTIVITY) window.addEventListener(event, onActivity, { passive: true })
    return () => {
      clearTimeout(timer)
      for (const event of ACTIVITY) window.removeEventListener(event, onActivity)
    }
  }, [minutes, active, setLocked])
}

export function LockScreen({ displayName, username }: { displayName: string; username: string }) {
  const { signedIn, refresh, signOut } = useAuth()
  const [attempt, setAttempt] = useState(0)
  const form = useForm<{ password: string }, unknown, z.output<typeof unlockInput>>({
    resolver: contractResolver(unlockInput, (v) => v),
    shouldFocusError: false,
    defaultValues: { password: '' }
  })
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
    // The window's title names the record on screen: it goes too while the screen is locked.
    const title = document.title
    document.title = 'Casebook is locked'
    return () => {
      document.title = title
    }
  }, [])
  const onValid = async (input: z.output<typeof unlockInput>) => {
    const result = await invoke('auth.unlock', input)
    if (result.ok) {
      signedIn(result.value)
      // A draft the core refused while it was locked (the page had not locked itself) is saved now.
      return void flushDrafts()
    }
    form.reset({ password: '' })
    if (!applyServerErrors(form, result.error)) await refresh()
    setAttempt((a) => a + 1)
  }
  return (
    <div className="app-lock" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <div className="app-lock__panel">
        <h1 className="govuk-heading-l" id="lock-title" tabIndex={-1} ref={heading}>
          Casebook is locked
        </h1>
        <p className="govuk-body">
          The screen was locked after a while without use. Everything on it is as {displayName} left it. Signed in as {username}.
        </p>
        <ErrorSummary items={listErrors(form.formState.errors)} focusKey={attempt} />
        <form noValidate onSubmit={form.handleSubmit(onValid, () => setAttempt((a) => a + 1))}>
          <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" width={20} />
          <button type="submit" className="govuk-button">
            Unlock
          </button>
        </form>
        <h2 className="govuk-heading-m">Not {displayName}, or finished?</h2>
        <p className="govuk-body">Sign out. Saved drafts are kept; anything else on the screen is cleared.</p>
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </div>
  )
}
