// A restore in a process of its own, for the test that kills it (../../backup/restore.test.ts): it says
// each step on stdout as it reaches it and, at the step it was told to stop at, waits there to be
// killed; told to stop nowhere, it runs through and the test kills it at a moment of its choosing.
//   tsx restoreInChild.ts <backup file> <database> <key file> <replaced|damaged> <step|none>
import { randomUUID } from 'node:crypto'
import { loadBackupKey } from '../../backup/crypto'
import { prepareRestore, swapIn, type KeptAs, type RestoreStep } from '../../backup/restore'
import { DEFAULT_BACKUP_SETTINGS } from '../../core/config'
import { linesFromParent, runChild, say } from '../../testing/parentLines'

const [backupPath, databasePath, keyFile, kept, stopAt] = process.argv.slice(2) as [string, string, string, KeptAs, RestoreStep | 'none']

async function main(): Promise<void> {
  // Ends with its parent (stdin closes), so a failed test leaves nothing running.
  linesFromParent()
  const key = loadBackupKey({ ...DEFAULT_BACKUP_SETTINGS, keyFile }, databasePath, false)
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

runChild(main)
