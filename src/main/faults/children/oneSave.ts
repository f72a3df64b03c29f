// The read-only tests' child (../diskFull.test.ts): a desk that opens the database and registers one
// family, run without root's power to write past file modes. It reports "opened" or
// "refused <message>" (opening said no), then "saved <Result as JSON>", then closes.
//
//   oneSave.ts <database> <marker email>
import { openCasebook } from '../../core/casebook'
import { okaforFamily } from '../../testing/fixtures'
import { runChild, say } from '../../testing/parentLines'
import { TEST_SCRYPT } from '../../testing/tempCasebook'

async function main(): Promise<void> {
  const [databasePath, marker] = process.argv.slice(2) as [string, string]
  let casebook
  try {
    casebook = await openCasebook({ databasePath, mode: 'existing', passwordCost: TEST_SCRYPT })
  } catch (error) {
    say(`refused ${error instanceof Error ? error.message : String(error)}`)
    return
  }
  say('opened')
  const family = okaforFamily()
  family.family.email = marker
  say(`saved ${JSON.stringify(await casebook.connect({ name: 'desk' }).invoke('families.register', family))}`)
  await casebook.close()
}

runChild(main)
