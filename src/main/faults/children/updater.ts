// The two-process test's child (../twoProcesses.test.ts): one desk of two on the same database. It
// opens its own core, says "ready", waits for "go", then makes <count> updates to the records it was
// given, each as a user would: open the family, change one field, save with the version it read.
// It reports each answer on a line: "ack <family|person> <id> <new version> <value>" for a save that
// worked, "conflict <kind> <id> <version read>" for one refused as a colleague's change, and
// "error ..." for anything else (which the test counts as a failure). Then "done".
//
//   updater.ts <database> <desk> <count> <family id> <person id>,<person id>...
import type { Result } from '../../../shared/result'
import { openCasebook } from '../../core/casebook'
import { rng } from '../../seed/generator'
import { linesFromParent, runChild, say } from '../../testing/parentLines'
import { TEST_SCRYPT } from '../../testing/tempCasebook'

interface Viewed {
  family: Record<string, unknown> & { version: number }
  members: (Record<string, unknown> & { id: string; version: number })[]
}

async function main(): Promise<void> {
  const [databasePath, desk, count, familyId, people] = process.argv.slice(2) as [string, string, string, string, string]
  const personIds = people.split(',')
  const parent = linesFromParent()
  const casebook = await openCasebook({ databasePath, mode: 'existing', passwordCost: TEST_SCRYPT })
  const connection = casebook.connect({ name: desk })
  const random = rng([...desk].reduce((h, c) => h * 31 + c.charCodeAt(0), 7))
  say('ready')
  if ((await parent.next()) !== 'go') process.exit(0)

  const answer = (kind: string, id: string, read: number, value: string, result: Result<unknown>) => {
    if (result.ok) say(`ack ${kind} ${id} ${(result.value as { version: number }).version} ${value}`)
    else if (result.error.code === 'CONFLICT') say(`conflict ${kind} ${id} ${read}`)
    else say(`error ${kind} ${id} ${JSON.stringify(result.error)}`)
  }

  for (let i = 1; i <= Number(count); i++) {
    const viewed = await connection.invoke('families.get', { id: familyId })
    if (!viewed.ok) {
      say(`error read ${JSON.stringify(viewed.error)}`)
      continue
    }
    const { family, members } = viewed.value as Viewed
    const value = `${desk}-${i}`
    const pick = Math.floor(random() * (personIds.length + 1))
    if (pick === personIds.length) {
      const result = await connection.invoke('families.update', { id: familyId, version: family.version, family: { ...family, addressLine2: value } })
      answer('family', familyId, family.version, value, result)
    } else {
      const person = members.find((m) => m.id === personIds[pick])!
      const result = await connection.invoke('people.update', { id: person.id, version: person.version, member: { ...person, gpPractice: value } })
      answer('person', person.id, person.version, value, result)
    }
  }
  await casebook.close()
  say('done')
  process.exit(0)
}

runChild(main)
