// What the anchor tests share: a trail made by registering families, its head, an export taken into
// the test's export folder, and a reopen that keeps that folder. ./anchors.test.ts checks the trail
// against backups (SQLite only); ./exportAnchors.test.ts against exports, on both engines.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { okaforFamily } from '../testing/fixtures'
import type { TempCasebook } from '../testing/tempCasebook'
import { exportAs } from '../export/exportTestWorld'
import { readAuditHead } from './anchors'
import type { AuditAnchor } from '../../shared/backup/schemas'
import type { ExportRun } from '../../shared/export/schemas'

/** People no duplicate check takes for one another, so that each registration is saved at once. */
const PEOPLE = [
  ['Ada', 'Ashworth'],
  ['Bryn', 'Castellano'],
  ['Cerys', 'Dunmore'],
  ['Dmitri', 'Eastwood'],
  ['Esme', 'Fairbanks'],
  ['Felix', 'Gallagher'],
  ['Greta', 'Holloway'],
  ['Hugo', 'Ingram'],
  ['Iris', 'Jablonski'],
  ['Jonah', 'Kowalczyk']
] as const
let registered = 0
const family = () => {
  const [givenName, familyName] = PEOPLE[registered % PEOPLE.length]!
  const born = `19${60 + (registered++ % 30)}-0${1 + (registered % 9)}-1${registered % 10}`
  return {
    ...okaforFamily(),
    members: [{ member: { kind: 'adult', givenName, familyName, dateOfBirth: born, sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' } }]
  }
}

/** `n` families registered in `t`: two entries each (the family, its one member). */
export async function registerFamilies(t: TempCasebook, n = 1): Promise<void> {
  for (let i = 0; i < n; i++) await t.ok('families.register', family())
}

/** The trail's head as the app reads it. */
export const auditHeadOf = async (t: TempCasebook): Promise<AuditAnchor> => (await readAuditHead(t.casebook.core.db))!

/** A full export, waited for, into the test's export folder (made the first time). */
export async function exportNowIn(t: TempCasebook): Promise<ExportRun> {
  const folder = join(t.dir, 'exports')
  if (!existsSync(folder)) mkdirSync(folder)
  t.casebook.core.exportFolder = folder
  const run = await exportAs(t.connection, { kind: 'full' })
  expect(run).toMatchObject({ status: 'succeeded' })
  return run
}

/** Reopened with the export folder it had (the command line reads it from the machine-wide config; tests set it on the core). */
export async function reopenKeepingExportFolder(t: TempCasebook): Promise<void> {
  const exportFolder = t.casebook.core.exportFolder
  await t.reopen()
  t.casebook.core.exportFolder = exportFolder
}
