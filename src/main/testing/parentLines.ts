// The child's side of ./childProcess, kept apart so that a child loads nothing of the parent's.

/**
 * The lines the parent (the test) sends, one at a time. The child ends when its parent has gone (its
 * stdin closes), so a test that dies never leaves a child saving in a loop behind it.
 */
export function linesFromParent(): { next(): Promise<string> } {
  const queued: string[] = []
  const waiting: ((line: string) => void)[] = []
  let buffered = ''
  process.stdin.on('data', (chunk: Buffer) => {
    const parts = (buffered + chunk.toString()).split('\n')
    buffered = parts.pop()!
    for (const line of parts) {
      const waiter = waiting.shift()
      if (waiter) waiter(line)
      else queued.push(line)
    }
  })
  process.stdin.on('end', () => process.exit(0))
  return {
    next: () => new Promise((resolve) => (queued.length ? resolve(queued.shift()!) : waiting.push(resolve)))
  }
}

/** A line for the parent: written at once (a pipe is written synchronously), so it is in the pipe before the child's next step begins. */
export const say = (line: string) => process.stdout.write(`${line}\n`)

/** Runs the child's `main`; anything it throws is told to the parent as "error <what>" and ends the child with exit code 2. */
export function runChild(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    say(`error ${String(error)}`)
    process.exit(2)
  })
}
