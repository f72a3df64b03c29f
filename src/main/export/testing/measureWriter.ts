// Measures the package writer (not a test: figures on a shared machine are indicative only).
// `tsx src/main/export/testing/measureWriter.ts` runs each case in its own process, so each peak RSS is
// that case's own, and prints rows per second and peak RSS for the writer with and without the
// spreadsheet copies, and for a bare loop writing the same rows as CSV (with and without an fsync of its
// files), at three sizes.
// `tsx measureWriter.ts <case> <households>` runs one case and prints one JSON line.
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writePackage } from '../package/packageFolder'
import { households, manyHouseholds, manyMembers, members } from './sampleResources'

const PER_HOUSEHOLD = 3
type Case = 'package' | 'package-no-copies' | 'bare-loop' | 'bare-loop-fsync'

async function runCase(which: Case, householdCount: number) {
  const folder = mkdtempSync(join(tmpdir(), 'measure-writer-'))
  const rows = householdCount * (1 + PER_HOUSEHOLD)
  const start = performance.now()
  try {
    if (which.startsWith('bare-loop')) await bareLoop(folder, householdCount, which === 'bare-loop-fsync')
    else {
      await writePackage({
        exportFolder: folder,
        createdAt: new Date(),
        title: 'Measure',
        metadata: {
          formatVersion: '1.0',
          hubCode: 'TH',
          localAuthorityCode: '999',
          packageSequence: 1,
          kind: 'full',
          changeSequence: { from: 0, to: 1 },
          pseudonymised: false
        },
        resources: [
          { definition: households, rows: () => manyHouseholds(householdCount) },
          { definition: members, rows: () => manyMembers(householdCount, PER_HOUSEHOLD) }
        ],
        spreadsheetCopies: which === 'package'
      })
    }
    const seconds = (performance.now() - start) / 1000
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
    process.stdout.write(
      `${JSON.stringify({ case: which, rows, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(rows / seconds), peakRssMb })}\n`
    )
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** What anyone would write first: join the values, quote where needed, stream to a file. No checks, no hash, no copies. */
async function bareLoop(folder: string, householdCount: number, fsync: boolean) {
  const write = async (path: string, source: Iterable<Record<string, unknown>>) => {
    const out = createWriteStream(path)
    let header = true
    for (const row of source) {
      if (header) {
        out.write(Object.keys(row).join(',') + '\r\n')
        header = false
      }
      const line =
        Object.values(row)
          .map((v) => (v === null ? '' : /[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v)))
          .join(',') + '\r\n'
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
    // The same durability as the package's files, for a fair comparison of the writing itself.
    if (fsync) {
      const handle = await open(path, 'r+')
      await handle.sync()
      await handle.close()
    }
  }
  await write(join(folder, 'households.csv'), manyHouseholds(householdCount))
  await write(join(folder, 'members.csv'), manyMembers(householdCount, PER_HOUSEHOLD))
}

async function main() {
  const [which, count] = process.argv.slice(2)
  if (which) return runCase(which as Case, Number(count))
  // 50,000 households × 4 rows = 200,000 rows; a quarter and four times that show whether memory grows.
  // Each case runs three times, interleaved, and the fastest run is kept (the machine is shared).
  for (const householdCount of [12_500, 50_000, 200_000]) {
    const best = new Map<Case, { seconds: number; peakRssMb: number; rows: number }>()
    for (let round = 0; round < 3; round++) {
      for (const c of ['bare-loop', 'bare-loop-fsync', 'package-no-copies', 'package'] as Case[]) {
        const run = spawnSync(process.execPath, ['--import', 'tsx', __filename, c, String(householdCount)], { encoding: 'utf8' })
        const line = run.stdout.split('\n').find((l) => l.startsWith('{'))
        if (!line) throw new Error(run.stderr)
        const result = JSON.parse(line)
        const before = best.get(c)
        best.set(c, {
          rows: result.rows,
          seconds: Math.min(before?.seconds ?? Infinity, result.seconds),
          peakRssMb: Math.max(before?.peakRssMb ?? 0, result.peakRssMb)
        })
      }
    }
    const bare = best.get('bare-loop')!.seconds
    for (const [c, r] of best) {
      const summary = {
        case: c,
        rows: r.rows,
        seconds: r.seconds,
        rowsPerSecond: Math.round(r.rows / r.seconds),
        ratioToBareLoop: Math.round((r.seconds / bare) * 100) / 100
      }
      process.stdout.write(`${JSON.stringify({ ...summary, peakRssMb: r.peakRssMb })}\n`)
    }
  }
}

void main()
