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

  return { run, setRun, problem, setProblem }
}
