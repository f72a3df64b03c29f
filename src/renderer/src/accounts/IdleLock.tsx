import { useEffect, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { unlockInput } from '../../../shared/accounts/schemas'
import type { z } from 'zod'
import { invoke } from '../api'
import { contractResolver, listErrors } from '../components/formErrors'
import { ErrorSummary } from '../components/ErrorSummary'
import { TextField } from '../components/fields'
import { applyServerErrors } from '../families/applyServerErrors'
import { useAuth } from './useAuth'
import { flushDrafts } from '../drafts/flush'

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const

/** Locks the session after the hub's idle time; the page underneath keeps everything typed. */
export function useIdleLock(minutes: number, active: boolean) {
  const { setLocked } = useAuth()
  useEffect(() => {
    if (!active) return
    let timer: ReturnType<typeof setTimeout>
    const restart = () => {
      clearTimeout(timer)
      timer = setTimeout(async () => {
        await flushDrafts()
        const result = await invoke('auth.lock', {})
        if (result.ok) setLocked(true)
      }, minutes * 60_000)
    }
    restart()
    for (const event of ACTIVITY) window.addEventListener(event, restart, { passive: true })
    return () => {
      clearTimeout(timer)
      for (const event of ACTIVITY) window.removeEventListener(event, restart)
    }
  }, [minutes, active, setLocked])
}

export function LockScreen({ displayName, username }: { displayName: string; username: string }) {
  const { signedIn, refresh } = useAuth()
  const [attempt, setAttempt] = useState(0)
  const form = useForm<{ password: string }, unknown, z.output<typeof unlockInput>>({
    resolver: contractResolver(unlockInput, (v) => v),
    shouldFocusError: false,
    defaultValues: { password: '' }
  })
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const onValid = async (input: z.output<typeof unlockInput>) => {
    const result = await invoke('auth.unlock', input)
    if (result.ok) return signedIn(result.value)
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
      </div>
    </div>
  )
}
