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
