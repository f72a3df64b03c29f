// A core in its own process that saves a draft over and over, as a practitioner typing would,
// until it is killed: the crash test kills it mid-stream and reads what reached the disk.
import { openCasebook } from '../core/casebook'
import { linesFromParent, runChild, say } from './parentLines'
import { TEST_SCRYPT } from './tempCasebook'

async function main(): Promise<void> {
  const [databasePath, key, postgres] = process.argv.slice(2) as [string, string, string | undefined]
  // Ends with its parent (stdin closes), so a test that fails before killing it leaves nothing saving in a loop.
  linesFromParent()
  // The test's PostgreSQL database, as JSON, in the PostgreSQL project; SQLite's file otherwise.
  const casebook = await openCasebook({ databasePath, postgres: postgres ? JSON.parse(postgres) : undefined, mode: 'existing', passwordCost: TEST_SCRYPT })
  const window = casebook.connect({ name: 'pat' })
  for (let n = 1; ; n++) {
    const result = await window.invoke('drafts.save', { key, payload: { familyVoice: `Grace said ${n} things`, n } })
    if (!result.ok) throw new Error(result.error.message)
    say(`saved ${n}`)
  }
}

runChild(main)
