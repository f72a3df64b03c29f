// Another desk on a test's database: a core of its own (on PostgreSQL, its own pool of connections)
// over the same database, as a second PC at the hub opens it. The caller closes it before disposing
// of the test's database.
import { openCasebook, type Casebook } from '../core/casebook'
import { TEST_HUB, TEST_SCRYPT, type TempCasebook } from './tempCasebook'

export function anotherDesk(t: TempCasebook): Promise<Casebook> {
  return openCasebook({ databasePath: t.databasePath, postgres: t.postgres, mode: 'existing', passwordCost: TEST_SCRYPT, hub: TEST_HUB })
}
