// The world most referrals tests start from: a real SQLite casebook with reception (rita), a
// practitioner (pat) and a manager (molly) signed in, the Okafors registered, and the directory's
// rows. Kept apart from testWorld.ts, which the browser journeys import too.
import type { Connection } from '../core/casebook'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily } from '../testing/fixtures'
import { directoryRows, type DirectoryRows } from './testWorld'

export interface RequestsWorld {
  t: TempCasebook
  rita: Connection
  pat: Connection
  molly: Connection
  /** Each user's id, by username. */
  ids: { rita: string; pat: string; molly: string }
  family: { id: string; reference: string }
  /** The Okafors' person ids by given name ('Unborn' for the baby). */
  people: Record<string, string>
  directory: DirectoryRows
}

export async function requestsWorld(name: string): Promise<RequestsWorld> {
  const t = await tempCasebook(name)
  const users = {
    rita: await signedInUser(t, 'rita', 'reception'),
    pat: await signedInUser(t, 'pat', 'practitioner'),
    molly: await signedInUser(t, 'molly', 'manager')
  }
  const family = await t.ok('families.register', okaforFamily())
  const view = await t.ok('families.get', { id: family.id })
  const people = Object.fromEntries(view.members.map((m: { givenName: string | null; id: string }) => [m.givenName ?? 'Unborn', m.id]))
  return {
    t,
    rita: users.rita.connection,
    pat: users.pat.connection,
    molly: users.molly.connection,
    ids: { rita: users.rita.id, pat: users.pat.id, molly: users.molly.id },
    family,
    people,
    directory: await directoryRows(t.casebook)
  }
}
