// Never lose typed work: a long form's values are saved to the database, per user, a moment after
// typing stops, every few seconds while it goes on, whenever focus leaves a field and before the
// screen locks, and offered back when the form is opened again.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { invoke } from '../api'
import { registerDraftSaver } from './flush'

const PAUSE_MS = 1500
/** Someone who types without a pause still has their draft saved this often. */
const MAX_WAIT_MS = 5000

export interface DraftState {
  /** When the draft shown was restored from, if it was. */
  restoredFrom: string | null
  /** When the latest save reached the database. */
  savedAt: string | null
  discard: () => Promise<void>
}

export function useDraft<V extends FieldValues>(key: string, form: UseFormReturn<V, any, any>, blank: V): DraftState {
  const [restoredFrom, setRestoredFrom] = useState<string | null>(null)
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const ready = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  // When the oldest change not yet saved was made.
  const dirtySince = useRef<number | null>(null)

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    dirtySince.current = null
    if (!ready.current) return
    const result = await invoke('drafts.save', { key, payload: form.getValues() as Record<string, unknown> })
    if (result.ok) setSavedAt(result.value.savedAt)
  }, [key, form])

  useEffect(() => {
    let live = true
    void invoke('drafts.get', { key }).then((result) => {
      if (!live) return
      if (result.ok && result.value) {
        form.reset({ ...blank, ...(result.value.payload as V) })
        setRestoredFrom(result.value.savedAt)
      }
      ready.current = true
    })
    const subscription = form.watch(() => {
      if (!ready.current) return
      if (timer.current) clearTimeout(timer.current)
      dirtySince.current ??= Date.now()
      if (Date.now() - dirtySince.current >= MAX_WAIT_MS) void save()
      else timer.current = setTimeout(() => void save(), PAUSE_MS)
    })
    // Leaving a field saves at once.
    const onBlur = () => {
      if (timer.current) void save()
    }
    window.addEventListener('focusout', onBlur)
    const unregister = registerDraftSaver(async () => {
      if (timer.current) await save()
    })
    return () => {
      live = false
      unregister()
      subscription.unsubscribe()
      window.removeEventListener('focusout', onBlur)
      if (timer.current) void save()
    }
  }, [key]) // eslint-disable-line react-hooks/exhaustive-deps

  const discard = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    await invoke('drafts.discard', { key })
    // Putting the blank form back is not typing: it must not save a blank draft.
    ready.current = false
    form.reset(blank)
    ready.current = true
    dirtySince.current = null
    setRestoredFrom(null)
    setSavedAt(null)
  }, [key, form, blank])

  return { restoredFrom, savedAt, discard }
}
