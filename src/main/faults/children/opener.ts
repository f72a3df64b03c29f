// The interrupted-migration test's child (../migration.test.ts): the app starting on a database an
// earlier version wrote, which opening copies and then migrates. It loads, says "loaded", waits for
// "go", opens the database as the app does and says "opened" when the migrations are done, unless it
// is killed first, which is the point.
//
//   opener.ts <database>
import { openCasebook } from '../../core/casebook'
import { linesFromParent, runChild, say } from '../../testing/parentLines'
import { TEST_SCRYPT } from '../../testing/tempCasebook'

async function main(): Promise<void> {
  const [databasePath] = process.argv.slice(2) as [string]
  const parent = linesFromParent()
  say('loaded')
  if ((await parent.next()) !== 'go') process.exit(0)
  const casebook = await openCasebook({ databasePath, mode: 'existing', passwordCost: TEST_SCRYPT })
  say('opened')
  await casebook.close()
  process.exit(0)
}

runChild(main)
