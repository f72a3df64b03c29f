/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per 10% otherwise). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1
  return (done: number, total: number) => {
    // Clamped: a count that overshoots its estimate must not break the bar.
    const fraction = total === 0 ? 1 : Math.min(1, Math.max(0, done / total))
    const width = 30
    const filled = Math.round(fraction * width)
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`
    if (stream.isTTY) {
      stream.write(`\r${line}${done >= total ? '\n' : ''}`)
    } else if (Math.floor(fraction * 10) !== lastTenth) {
      lastTenth = Math.floor(fraction * 10)
      stream.write(`${line}\n`)
    }
  }
}
