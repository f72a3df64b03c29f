// A child's census file takes why their UPN is not known from their details (issue 10: the person
// record holds the census's reason), unless the user chooses another for the file.
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, today, yearsAgo } from '../testing/fixtures'
import { ROLE_PERMISSIONS } from '../../shared/roles'
import { requestInput } from './testWorld'
import { at, parseXml } from './xmlTesting'

let t: TempCasebook
let pat: Connection
let stepUpId: string
let people: Record<string, { id: string; version: number }>
const saved: string[] = []

beforeEach(async () => {
  t = await tempCasebook('step-up-files')
  const { id: patId } = await t.ok('users.create', { displayName: 'Pat', username: 'pat', role: 'practitioner', temporaryPassword: 'temporary passphrase' })
  const host = { savePdf: async () => null, saveFile: async (name: string, content: string) => (saved.push(content), join(t.dir, name)) }
  pat = t.casebook.connect({ name: 'pat', userId: patId, permissions: ROLE_PERMISSIONS.practitioner }, host)
  const input = okaforFamily()
  input.members.push({
    member: { kind: 'child', givenName: 'Amara', familyName: 'Okafor', dateOfBirth: yearsAgo(4), sex: 'F', ethnicity: 'BAFR', upnUnknown: 'UN1' }
  })
  const family = await t.ok('families.register', input)
  const view = await t.ok('families.get', { id: family.id })
  people = Object.fromEntries(view.members.map((m: { givenName: string | null; id: string; version: number }) => [m.givenName ?? 'Unborn', m]))
  const children = [people.Amara!.id, people.Mohammed!.id]
  const request = unwrap<{ id: string; version: number }>(
    await pat.invoke('referrals.logRequest', requestInput(family.id, children, { receivedOn: today, receivedTime: '00:00' }))
  )
  const decided = unwrap<{ stepUpId: string }>(
    await pat.invoke('referrals.screenRequest', {
      id: request.id,
      version: request.version,
      decision: 'ESCALATE',
      escalate: { concern: 'Bruising seen at nursery.', childIds: children, steppedUpOn: today }
    })
  )
  stepUpId = decided.stepUpId
  saved.length = 0
})
afterEach(async () => {
  await t.dispose()
})

const reasonInFile = () => at(parseXml(saved.at(-1)!), 'Children', 'Child', 'ChildIdentifiers', 'UPNunknown')?.text

it("takes the reason recorded on the child's details when none is chosen for the file", async () => {
  expect(await pat.invoke('referrals.saveCinFile', { id: stepUpId, personId: people.Amara!.id, fileName: 'Amara.xml' })).toMatchObject({ ok: true })
  expect(reasonInFile()).toBe('UN1')
  // One chosen for the file is the file's.
  expect(await pat.invoke('referrals.saveCinFile', { id: stepUpId, personId: people.Amara!.id, upnUnknown: 'UN4', fileName: 'Amara.xml' })).toMatchObject({
    ok: true
  })
  expect(reasonInFile()).toBe('UN4')
  // A child with no reason recorded still needs one chosen.
  expect(await pat.invoke('referrals.saveCinFile', { id: stepUpId, personId: people.Mohammed!.id, fileName: 'Mohammed.xml' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { upnUnknown: 'No UPN recorded: select why it is not known' } }
  })
  expect(saved).toHaveLength(2)
})
