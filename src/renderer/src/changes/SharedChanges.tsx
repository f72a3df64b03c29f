// What a window hears of other desks' saves on a shared PostgreSQL database (issue 13): one long
// question at a time (changes.wait) while someone is signed in and the window is not locked, and a
// number that goes up each time another save is heard of. Lists and the family page read it as one
// of the things they depend on, so they are read again by themselves. On a one-desk SQLite hub the
// first answer says there is nobody else, and the window stops asking.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { invoke } from '../api'
import type { ChannelOutput } from '../../../shared/contract'
import type { Result } from '../../../shared/result'

type ChangesWait = ChannelOutput<'changes.wait'>

/** After a failed question (the server gone, the window locked), how long before asking again. */
const AFTER_FAILURE_MS = 5000

const ChangesContext = createContext(0)

export function SharedChanges({ listening, children }: { listening: boolean; children: ReactNode }) {
  const [heard, setHeard] = useState(0)
  useEffect(() => {
    if (!listening) return
    let stopped = false
    let pause: ReturnType<typeof setTimeout> | null = null
    void (async () => {
      let after: number | null = null
      while (!stopped) {
        const answer: Result<ChangesWait> = await invoke('changes.wait', { after })
        if (stopped) return
        if (!answer.ok) {
          await new Promise<void>((resolve) => (pause = setTimeout(resolve, AFTER_FAILURE_MS)))
          continue
        }
        if (!answer.value.shared) return
        if (after !== null && answer.value.latest > after) setHeard((n) => n + 1)
        after = answer.value.latest
      }
    })()
    return () => {
      stopped = true
      if (pause) clearTimeout(pause)
    }
  }, [listening])
  return <ChangesContext.Provider value={heard}>{children}</ChangesContext.Provider>
}

/** A number that changes each time another desk's save is heard of: a dependency for what a page reads. */
export function useSharedChanges(): number {
  return useContext(ChangesContext)
}
