// The command line run in the test's own process, as IT runs it: its exit code and everything it
// printed, one line after another.
import { main } from '../cli/index'

export async function runCommand(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = []
  const code = await main(args, (line) => lines.push(line))
  return { code, out: lines.join('\n') }
}
