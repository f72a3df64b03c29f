// A restore in a process of its own, for the test that kills it (../backup/restore.test.ts): it says
// each step on stdout as it reaches it and, at the step it was told to stop at, waits there to be
// killed; told to stop nowhere, it runs through and the test kills it at a moment of its choosing.
//   tsx restoreInChild.ts <backup file> <database> <key file> <replaced|damaged> <step|none>
import { randomUUID } from 'node:crypto'
import { loadBackupKey } from '../backup/crypto'
import { prepareRestore, swapIn, type KeptAs, type RestoreStep } from '../backup/restore'
import { DEFAULT_BACKUP_EVERY_HOURS } from '../core/config'
import { linesFromParent } from '../testing/childProcess'

const [backupPath, databasePath, keyFile, kept, stopAt] = process.argv.slice(2) as [string, string, string, KeptAs, RestoreStep | 'none']

/** A line for the parent: written at once, so it is in the pipe before the next step begins. */
const say = (line: string) => process.stdout.write(`${line}\n`)

async function main(): Promise<void> {
  // Ends with its parent (stdin closes), so a failed test leaves nothing running.
  linesFromParent()
  const key = loadBackupKey({ folder: null, keyFile, key: null, everyHours: DEFAULT_BACKUP_EVERY_HOURS }, databasePath, false)
  const onStep = async (step: RestoreStep) => {
    say(`step ${step}`)
    if (step === stopAt) await new Promise(() => undefined)
  }
  const checked = await prepareRestore({ backupPath, databasePath, key, onStep, hubCode: null })
  await swapIn(checked, {
    databasePath,
    kept,
    at: new Date(),
    onStep,
    audit: (keptAt) => ({
      at: new Date().toISOString(),
      actor: 'cli:test',
      action: 'restore',
      recordType: 'database',
      recordId: randomUUID(),
      changes: { keptAt }
    })
  })
  say('done')
  process.exit(0)
}

main().catch((error: unknown) => {
  say(`failed ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
