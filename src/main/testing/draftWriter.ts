// A core in its own process that saves a draft over and over, as a practitioner typing would,
// until it is killed: the crash test kills it mid-stream and reads what reached the disk.
import { openCasebook } from '../core/casebook'
import { TEST_SCRYPT } from './tempCasebook'

async function main() {
  const [databasePath, key] = process.argv.slice(2) as [string, string]
  const casebook = await openCasebook({ databasePath, mode: 'existing', passwordCost: TEST_SCRYPT })
  const window = casebook.connect({ name: 'pat' })
  for (let n = 1; ; n++) {
    const result = await window.invoke('drafts.save', { key, payload: { familyVoice: `Grace said ${n} things`, n } })
    if (!result.ok) throw new Error(result.error.message)
    process.stdout.write(`saved ${n}\n`)
  }
}

void main()
