import type { Connection } from '../core/casebook'

export interface Summary {
  n: number
  min: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Milliseconds, rounded to hundredths. */
export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const round = (v: number) => Math.round(v * 100) / 100
  return { n: sorted.length, min: round(sorted[0] ?? 0), p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? 0) }
}

export async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now()
  const value = await work()
  return [performance.now() - start, value]
}

/** Calls a channel once per input, one after another; every call must succeed. */
export async function measureInvoke(connection: Connection, channel: string, inputs: unknown[]): Promise<Summary> {
  const samples: number[] = []
  for (const input of inputs) {
    const [ms, result] = await time(() => connection.invoke(channel, input))
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
    samples.push(ms)
  }
  return summarise(samples)
}

/** Runs `work` n times, one after another, and summarises the times. */
export async function sample(n: number, work: (i: number) => Promise<unknown>): Promise<Summary> {
  const samples: number[] = []
  for (let i = 0; i < n; i++) samples.push((await time(() => work(i)))[0])
  return summarise(samples)
}
