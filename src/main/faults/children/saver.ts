// The crash test's child (../crash.test.ts): a core in its own process that saves in a loop until it
// is killed, and says "ack" for each save only after the call has answered ok, so that every ack is
// a save the user was told had worked.
//
//   saver.ts <database> register <tag>              families.register, each family marked <tag>.<n>@crash.example.com
//   saver.ts <database> plan <tag> <episode id>     plan.save on the episode's plan, each outcome naming <tag> <n>
//   saver.ts <database> backup <tag>                 the registrations above, with backups running beside them
//                                                   one after another ("backup-started <run>", "backup-ok <file>")
//
// It loads everything first and waits for "go", so that the test's kill lands on saving and the next
// child's start-up overlaps this one's run.
import { todayIso } from '../../../shared/dates'
import type { Result } from '../../../shared/result'
import { openCasebook, type Casebook, type Connection } from '../../core/casebook'
import { FamilyGenerator } from '../../seed/generator'
import { linesFromParent, runChild, say } from '../../testing/parentLines'
import { TEST_SCRYPT } from '../../testing/tempCasebook'

/** A failure the test must see: anything but the answers it expects ends the child with the reason. */
function fail(what: string, result: Result<unknown>): never {
  say(`error ${what} ${JSON.stringify(result)}`)
  process.exit(2)
}

/** A seed from the tag, so each child registers different families (and a repeat of the run the same ones). */
const seedOf = (tag: string) => [...tag].reduce((h, c) => (Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0) % 2 ** 31, 2166136261 % 2 ** 31)

async function register(desk: Connection, tag: string): Promise<never> {
  const families = new FamilyGenerator(seedOf(tag), todayIso())
  for (let n = 1; ; n++) {
    const input = families.family()
    input.family.email = `${tag}.${n}@crash.example.com`
    const result = await desk.invoke('families.register', input)
    // Synthetic families now and then share a name and date of birth: the duplicate check is doing its job.
    if (!result.ok && result.error.code === 'DUPLICATE_UNCONFIRMED') continue
    if (!result.ok) fail(`register ${n}`, result)
    say(`ack ${n} ${(result.value as { id: string }).id} ${input.members.length}`)
  }
}

async function savePlans(desk: Connection, tag: string, episodeId: string): Promise<never> {
  const episode = await desk.invoke('episodes.get', { id: episodeId })
  if (!episode.ok) fail('episodes.get', episode)
  const { familyId, openedOn, plan } = episode.value as { familyId: string; openedOn: string; plan: { version: number } | null }
  const family = await desk.invoke('families.get', { id: familyId })
  if (!family.ok) fail('families.get', family)
  const [parent, child] = (family.value as { members: { id: string; kind: string }[] }).members.filter((m) => m.kind !== 'unborn')
  let version = plan?.version ?? null
  for (let n = 1; ; n++) {
    const result = await desk.invoke('plan.save', {
      episodeId,
      version,
      agreedOn: openedOn,
      outcomes: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          text: `Saved by ${tag} ${n}: the rent is paid each month`,
          headline: 'HOUSING',
          peopleIds: [parent!.id],
          actions: [
            {
              id: '00000000-0000-4000-8000-a00000000001',
              what: `Budgeting session ${n}`,
              owner: `person:${child!.id}`,
              due: '2099-03-01',
              status: 'IN_PROGRESS'
            }
          ]
        }
      ]
    })
    if (!result.ok) fail(`plan ${n}`, result)
    version = (result.value as { version: number }).version
    say(`ack ${n} ${version}`)
  }
}

/**
 * Backups one after another, each started as soon as the last has ended, as the administrator's
 * "Back up now" starts them: the first settles what a killed run left behind.
 */
async function backUpContinually(casebook: Casebook): Promise<never> {
  for (;;) {
    const { run, done } = await casebook.core.backups.start({ reason: 'manual', userId: null, actor: 'crash-desk' })
    say(`backup-started ${run.id}`)
    const ended = await done
    if (ended.status !== 'ok') fail(`backup ${ended.id}`, { ok: false, error: { code: 'INTERNAL', message: ended.message ?? 'no message' } })
    say(`backup-ok ${ended.fileName}`)
  }
}

async function main(): Promise<void> {
  const [databasePath, kind, tag, extra] = process.argv.slice(2) as [string, 'register' | 'plan' | 'backup', string, string | undefined]
  const parent = linesFromParent()
  say('loaded')
  if ((await parent.next()) !== 'go') process.exit(0)
  const casebook = await openCasebook({ databasePath, mode: 'existing', passwordCost: TEST_SCRYPT })
  const desk = casebook.connect({ name: 'crash-desk' })
  say('open')
  if (kind === 'register') await register(desk, tag)
  if (kind === 'backup') await Promise.all([backUpContinually(casebook), register(desk, tag)])
  if (kind === 'plan') await savePlans(desk, tag, extra!)
  throw new Error(`No such kind of save: ${kind}`)
}

runChild(main)
