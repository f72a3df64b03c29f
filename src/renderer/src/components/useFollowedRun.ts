// A long run the core carries out on its own (an export, a backup), followed from a screen: the one
// the screen started, or one already going when it opened (another desk's, the schedule's, the
// command line's). The screen asks for its progress every POLL_MS until it ends, then says so once.
import { useEffect, useRef, useState } from 'react'
import type { AppErrorValue, Result } from '../../../shared/result'

const POLL_MS = 400

interface Run {
  id: string
  status: string
}

export function useFollowedRun<R extends Run>(
  /** The run the core says is going, if any (from the screen's overview). */
  running: R | null,
  /** How to ask the core for the run's progress. */
  progress: (id: string) => Promise<Result<R>>,
  /** Told once when a followed run has ended. */
  onEnded: (run: R) => void
) {
  const [run, setRun] = useState<R | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  // The latest callbacks, without restarting the polling when a parent renders again.
  const ended = useRef(onEnded)
  ended.current = onEnded
  const ask = useRef(progress)
  ask.current = progress

  useEffect(() => {
    if (running) setRun((current) => (current?.id === running.id ? current : running))
  }, [running])

  const runId = run?.status === 'running' ? run.id : null
  useEffect(() => {
    if (!runId) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const poll = async () => {
      const result = await ask.current(runId)
      if (stopped) return
      if (!result.ok) {
        setProblem(result.error)
        return
      }
      setRun(result.value)
      if (result.value.status === 'running') timer = setTimeout(() => void poll(), POLL_MS)
      else ended.current(result.value)
    }
    timer = setTimeout(() => void poll(), POLL_MS)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [runId])

  const [starting, setStarting] = useState(false)
  /** Asks the core to start a run, and follows it; false when the core refused (`problem` then says why). */
  const start = async (begin: () => Promise<Result<R>>, onStarted: () => void): Promise<boolean> => {
    setStarting(true)
    setProblem(null)
    const result = await begin()
    setStarting(false)
    if (!result.ok) {
      setProblem(result.error)
      return false
    }
    setRun(result.value)
    onStarted()
    // The core may answer with a run that has already ended: that is told at once, as a followed run's end is.
    if (result.value.status !== 'running') ended.current(result.value)
    return true
  }

  return { run, problem, starting, start }
}
