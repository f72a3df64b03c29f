// A run killed at any point (a real child process and SIGKILL: no shutdown, no cleanup) leaves nothing in
// the export folder that looks like a package unless it is one, whole; and the next run writes a correct
// package and clears what the killed one left.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { readPackage } from '../testing/readPackage'
import { households, manyHouseholds, manyMembers, members, sampleMetadata } from '../testing/sampleResources'
import { PARTIAL_PREFIX, writePackage } from './packageFolder'

const HOUSEHOLDS = 40_000 // with three members each: 160,000 rows, about 40 MB with the copies

let exportFolder: string
beforeEach(() => {
  exportFolder = mkdtempSync(join(tmpdir(), 'killed-export-'))
})
afterEach(() => {
  rmSync(exportFolder, { recursive: true, force: true })
})

/** Starts the writer and kills it once it has written `fraction` of its rows. Resolves when it is dead. */
async function killPartWay(sequence: number, fraction: number): Promise<{ killedAt: number; total: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../testing/largePackageWriter.ts'), exportFolder, String(sequence), String(HOUSEHOLDS)],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const result = await new Promise<{ killedAt: number; total: number }>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => reject(new Error(`the writer ended by itself (${code ?? signal}) before it was killed`)))
    let buffered = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) {
        const m = /^progress (\d+) (\d+)$/.exec(line)
        if (!m || child.killed) continue
        const [done, total] = [Number(m[1]), Number(m[2])]
        if (done >= fraction * total) {
          child.kill('SIGKILL')
          resolve({ killedAt: done, total })
        }
      }
    })
  })
  await exited
  return result
}

/** Every entry is a partial folder (or its owner note) or a whole package the independent reader accepts. */
async function expectNothingThatLooksComplete(): Promise<string[]> {
  const packages: string[] = []
  for (const entry of readdirSync(exportFolder)) {
    if (entry.startsWith(PARTIAL_PREFIX)) continue
    await readPackage(join(exportFolder, entry)) // throws unless complete and sound
    packages.push(entry)
  }
  return packages
}

it('leaves no package that looks complete when the writer is killed, and the next run is correct', async () => {
  let sequence = 1
  const killedAt: number[] = []
  const landed: string[] = []
  // At the start (a partial folder just made), early, late in the second file, and after the last row
  // (while datapackage.json is written and the folder renamed: either outcome is allowed, none other).
  for (const fraction of [0, 0.2, 0.85, 1]) {
    const { killedAt: done, total } = await killPartWay(sequence, fraction)
    killedAt.push(done)
    expect(done).toBeLessThanOrEqual(total)
    const packages = await expectNothingThatLooksComplete()
    // A package whose rename landed before the kill is whole (checked above); the next run takes the next number.
    if (packages.length > landed.length) {
      expect(packages).toEqual([...landed, `TH-20261124T031420Z-${String(sequence).padStart(6, '0')}`])
      landed.push(packages.at(-1)!)
      sequence++
    }
    if (fraction > 0 && fraction < 1) expect(readdirSync(exportFolder).some((entry) => entry.startsWith(PARTIAL_PREFIX))).toBe(true)
  }
  expect(killedAt[1]).toBeLessThan(killedAt[2]!) // the kills really were at different points

  // The next run: a correct package, and nothing left of the killed ones.
  const written = await writePackage({
    exportFolder,
    createdAt: new Date('2026-11-24T03:14:20.000Z'),
    title: 'After the kills',
    metadata: sampleMetadata({ packageSequence: sequence }),
    resources: [
      { definition: households, rows: () => manyHouseholds(1_000) },
      { definition: members, rows: () => manyMembers(1_000, 3) }
    ]
  })
  expect(readdirSync(exportFolder)).toEqual([...landed, written.name])
  const read = await readPackage(written.folder)
  expect(read.resources.members!.rows).toHaveLength(3_000)
}, 120_000)
