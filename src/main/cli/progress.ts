/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per 10% otherwise). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1
  return (done: number, total: number) => {
    // Clamped, here only: a count that overshoots its estimate (an export's records) must not break the bar.
    const shown = Math.min(Math.max(0, done), total)
    const fraction = total === 0 ? 1 : shown / total
    const width = 30
    const filled = Math.round(fraction * width)
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${shown}/${total}`
    if (stream.isTTY) {
      stream.write(`\r${line}${shown >= total ? '\n' : ''}`)
    } else if (Math.floor(fraction * 10) !== lastTenth) {
      lastTenth = Math.floor(fraction * 10)
      stream.write(`${line}\n`)
    }
  }
}
