// A package writer in its own process, for the test that kills it (SIGKILL: no shutdown, no cleanup) part
// of the way through a large package and then looks at what it left in the export folder.
// Usage: tsx largePackageWriter.ts <exportFolder> <packageSequence> <households>
// Prints `progress <rowsWritten> <totalRows>` as it goes and `done <folder>` at the end.
import { writePackage } from '../package/packageFolder'
import { households, manyHouseholds, manyMembers, members, sampleMetadata } from './sampleResources'

const MEMBERS_PER_HOUSEHOLD = 3

async function main() {
  const [exportFolder, sequence, count] = process.argv.slice(2) as [string, string, string]
  const n = Number(count)
  const written = await writePackage({
    exportFolder,
    createdAt: new Date('2026-11-24T03:14:20.000Z'),
    title: 'Killed writer',
    metadata: sampleMetadata({ packageSequence: Number(sequence) }),
    resources: [
      { definition: households, rows: () => manyHouseholds(n), expectedRows: n },
      { definition: members, rows: () => manyMembers(n, MEMBERS_PER_HOUSEHOLD), expectedRows: n * MEMBERS_PER_HOUSEHOLD }
    ],
    onProgress: (p) => process.stdout.write(`progress ${p.rowsWritten} ${p.totalRows}\n`)
  })
  process.stdout.write(`done ${written.folder}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
