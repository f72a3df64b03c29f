// Never lose typed work: a long form's values are saved to the database, per user, a moment after
// typing stops, every few seconds while it goes on, whenever focus leaves a field and before the
// screen locks, and offered back when the form is opened again.
//
// A draft belongs to one record, named by its key: values are only ever saved under the key they
// were typed for, and a draft is only restored into the form opened for its key. Once the record
// itself is saved (the core discards the draft in the same transaction), the form writes no more.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import type { ErrorCode } from '../../../shared/result'
import { invoke } from '../api'
import { draftSettled, registerDraftSaver, trackDraftSave } from './flush'

const PAUSE_MS = 1500
/** Someone who types without a pause still has their draft saved this often. */
const MAX_WAIT_MS = 5000
/** Refusals the app answers itself (the lock screen, the sign-in page): not the draft's problem to show. */
const SESSION_PROBLEMS = new Set<ErrorCode>(['UNAUTHENTICATED', 'LOCKED', 'PASSWORD_CHANGE_REQUIRED'])

export interface DraftState {
  /**
   * The stored draft has been looked for (and restored if there was one). Until then the form is
   * not offered: what was typed before would be overwritten by the draft, or never saved.
   */
  ready: boolean
  /** When the draft shown was restored from, if it was. */
  restoredFrom: string | null
  /** When the latest save reached the database. */
  savedAt: string | null
  /** Why the latest save failed, until a save succeeds. */
  failure: string | null
  discard: () => Promise<void>
  /**
   * Runs the save of the record itself: no draft is written while it runs, and none ever again
   * once it has succeeded (a draft written after it would bring back a note already saved).
   */
  saveRecord: <R extends { ok: boolean }>(save: () => Promise<R>) => Promise<R>
}

/**
 * How a form's values are kept as a draft, when the draft is not simply the values: the registration
 * keeps what its form would send (its draft is checked against the form's schema), and turns it back.
 */
export interface DraftShape<V> {
  toPayload: (values: V) => Record<string, unknown>
  fromPayload: (payload: Record<string, unknown>) => V
}

interface Shown {
  key: string
  ready: boolean
  restoredFrom: string | null
  savedAt: string | null
  failure: string | null
}

/** One form's draft of one record, from the moment the form shows it until it stops. */
interface Tracker {
  key: string
  form: UseFormReturn<any, any, any>
  toPayload: (values: any) => Record<string, unknown>
  show: (patch: Partial<Shown>) => void
  /** The stored draft has been looked for: until then a change is the restore itself. */
  ready: boolean
  timer: ReturnType<typeof setTimeout> | null
  /** When the oldest change not yet in the database was made; null when nothing waits. */
  dirtySince: number | null
  /** Saves run one after another, so the values typed last reach the database last. */
  chain: Promise<void>
  /** The record itself is being saved (or its draft discarded): no draft may be written meanwhile. */
  holding: boolean
  /** The record has been saved: this form writes no more drafts. */
  finished: boolean
  /** The values when the form stopped showing this record; later saves use them, never the form's. */
  closedWith: Record<string, unknown> | null
}

const copy = (values: unknown) => JSON.parse(JSON.stringify(values)) as Record<string, unknown>

function clearTimer(t: Tracker): void {
  if (t.timer) clearTimeout(t.timer)
  t.timer = null
}

async function write(t: Tracker): Promise<void> {
  if (!t.ready || t.holding || t.finished || t.dirtySince === null) return
  t.dirtySince = null
  const payload = copy(t.toPayload(t.closedWith ?? t.form.getValues()))
  const result = await invoke('drafts.save', { key: t.key, payload })
  if (result.ok) return t.show({ savedAt: result.value.savedAt, failure: null })
  // Still not in the database: the next change, leaving a field, the lock or sign-out tries again.
  t.dirtySince ??= Date.now()
  // A draft its schema refused says why in its own words (too long to keep), not as a form's answers would.
  if (!SESSION_PROBLEMS.has(result.error.code)) t.show({ failure: result.error.fields?.payload ?? result.error.message })
}

/** Saves the draft after every save already on its way; resolves when it has been answered. */
function enqueue(t: Tracker): Promise<void> {
  clearTimer(t)
  t.chain = t.chain.then(() => write(t)).catch(() => undefined)
  trackDraftSave(t.key, t.chain)
  return t.chain
}

function changed(t: Tracker): void {
  if (!t.ready || t.finished) return
  clearTimer(t)
  t.dirtySince ??= Date.now()
  // While the record is being saved, the change waits: saved as a draft only if that save fails.
  if (t.holding) return
  if (Date.now() - t.dirtySince >= MAX_WAIT_MS) void enqueue(t)
  else t.timer = setTimeout(() => void enqueue(t), PAUSE_MS)
}

export function useDraft<V extends FieldValues>(key: string, form: UseFormReturn<V, any, any>, blank: V, shape?: DraftShape<V>): DraftState {
  const [shown, setShown] = useState<Shown>({ key, ready: false, restoredFrom: null, savedAt: null, failure: null })
  const tracker = useRef<Tracker | null>(null)
  const lastKey = useRef<string | null>(null)

  useEffect(() => {
    // The form still holds another record's values (its page was not opened afresh): never show them here.
    if (lastKey.current !== null && lastKey.current !== key) form.reset(blank)
    lastKey.current = key
    setShown((s) => (s.key === key ? s : { key, ready: false, restoredFrom: null, savedAt: null, failure: null }))
    const t: Tracker = {
      key,
      form,
      toPayload: shape?.toPayload ?? ((values: V) => values),
      // An answer about another key (a save still on its way when the record changed) shows nothing here.
      show: (patch) => setShown((s) => (s.key === key ? { ...s, ...patch } : s)),
      ready: false,
      timer: null,
      dirtySince: null,
      chain: draftSettled(key),
      holding: false,
      finished: false,
      closedWith: null
    }
    tracker.current = t
    let open = true
    void (async () => {
      // A save of this record from a form just closed lands before its draft is read back.
      await draftSettled(key)
      const result = await invoke('drafts.get', { key })
      if (!open) return
      if (result.ok && result.value) {
        form.reset(shape ? shape.fromPayload(result.value.payload) : { ...blank, ...(result.value.payload as V) })
        t.show({ restoredFrom: result.value.savedAt })
      }
      t.ready = true
      t.show({ ready: true })
    })()
    const subscription = form.watch(() => changed(t))
    // Leaving a field saves at once.
    const onBlur = () => {
      if (t.dirtySince !== null && !t.holding) void enqueue(t)
    }
    window.addEventListener('focusout', onBlur)
    const unregister = registerDraftSaver(() => enqueue(t))
    return () => {
      open = false
      unregister()
      subscription.unsubscribe()
      window.removeEventListener('focusout', onBlur)
      t.closedWith = copy(form.getValues())
      if (t.dirtySince !== null) void enqueue(t)
      else clearTimer(t)
    }
  }, [key]) // eslint-disable-line react-hooks/exhaustive-deps

  const discard = useCallback(async () => {
    const t = tracker.current
    if (!t) return
    clearTimer(t)
    t.holding = true
    await t.chain
    await invoke('drafts.discard', { key: t.key })
    // Putting the blank form back is not typing: it must not save a blank draft.
    t.ready = false
    form.reset(blank)
    t.ready = true
    t.dirtySince = null
    t.holding = false
    t.show({ restoredFrom: null, savedAt: null, failure: null })
  }, [form, blank])

  const saveRecord = useCallback(async <R extends { ok: boolean }>(save: () => Promise<R>): Promise<R> => {
    const t = tracker.current
    if (!t) return save()
    clearTimer(t)
    t.holding = true
    try {
      // A draft save already sent is answered first, so it cannot land after the save discards the draft.
      await t.chain
      const result = await save()
      if (result.ok) {
        t.finished = true
        t.dirtySince = null
      }
      return result
    } finally {
      t.holding = false
      if (!t.finished && t.dirtySince !== null) t.timer = setTimeout(() => void enqueue(t), PAUSE_MS)
    }
  }, [])

  const current = shown.key === key ? shown : { ready: false, restoredFrom: null, savedAt: null, failure: null }
  return { ready: current.ready, restoredFrom: current.restoredFrom, savedAt: current.savedAt, failure: current.failure, discard, saveRecord }
}
