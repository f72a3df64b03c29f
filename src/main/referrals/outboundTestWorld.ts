// Attack probes on referrals on (issue 9): a real SQLite casebook with reception, a practitioner, a
// second practitioner and a manager signed in, the Okafor family with an open episode, and two
// directory organisations. Each probe file builds its own world.
import { join } from 'node:path'
import type { Connection } from '../core/casebook'
import type { WindowHost } from '../core/context'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily, today } from '../testing/fixtures'
import { directoryRows, type DirectoryRows } from './testWorld'

export interface World {
  t: TempCasebook
  rita: Connection
  pat: Connection
  patId: string
  pia: Connection
  molly: Connection
  family: { id: string; reference: string }
  people: Record<string, string>
  episodeId: string
  directory: DirectoryRows
  saved: string[]
}

export async function world(name: string): Promise<World> {
  const t = await tempCasebook(name)
  const rita = (await signedInUser(t, 'rita', 'reception')).connection
  const practitioner = await signedInUser(t, 'pat', 'practitioner')
  await signedInUser(t, 'pia', 'practitioner')
  const molly = (await signedInUser(t, 'molly', 'manager')).connection
  const saved: string[] = []
  // Windows that can save a PDF, as the desktop dialogue would.
  const host: WindowHost = {
    savePdf: async (fileName) => {
      saved.push(fileName)
      return join(t.dir, fileName)
    }
  }
  const windowFor = async (username: string) => {
    const c = t.casebook.connect(undefined, host)
    unwrap(await c.invoke('auth.signIn', { username, password: 'a chosen passphrase' }))
    return c
  }
  const pat = await windowFor('pat')
  const pia = await windowFor('pia')
  const family = await t.ok('families.register', okaforFamily())
  const view = await t.ok('families.get', { id: family.id })
  const people = Object.fromEntries(view.members.map((m: { givenName: string | null; id: string }) => [m.givenName ?? 'Unborn', m.id]))
  const directory = await directoryRows(t.casebook)
  const episode = unwrap<{ id: string }>(
    await pat.invoke('episodes.open', {
      familyId: family.id,
      openedOn: today,
      leadUserId: practitioner.id,
      reason: 'Grace is finding the nights hard.',
      headlines: ['HEALTH'],
      consentId: 'new',
      consentGivenById: people.Grace,
      consentMethod: 'VERBAL',
      consentGivenOn: today
    })
  )
  return { t, rita, pat, patId: practitioner.id, pia, molly, family, people, episodeId: episode.id, directory, saved }
}

export const call = async (c: Connection, channel: string, input: unknown) => unwrap<any>(await c.invoke(channel, input), channel)
export const refused = async (c: Connection, channel: string, input: unknown) => {
  const r = await c.invoke(channel, input)
  if (r.ok) throw new Error(`${channel} was expected to be refused but succeeded: ${JSON.stringify(r.value)}`)
  return r.error
}

export const draftInput = (w: World, more: Record<string, unknown> = {}) => ({
  familyId: w.family.id,
  episodeId: w.episodeId,
  serviceId: w.directory.serviceId,
  reason: 'Grace would like help with Catherine’s sleep.',
  personIds: [w.people.Catherine, w.people.Grace],
  shared: ['identifiers', 'address'],
  ...more
})

export const sharing = (w: World, more: Record<string, unknown>) =>
  call(w.pat, 'consent.record', { familyId: w.family.id, givenById: w.people.Grace, scope: 'SHARING', method: 'WRITTEN', givenOn: today, ...more })

export const send = (c: Connection, r: { id: string; version: number }, more: Record<string, unknown> = {}) =>
  c.invoke('referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL', ...more })

export const OVERRIDE = { reason: 'Asking Grace would put Catherine at risk of harm.', lawfulBasis6: '6_1_E', lawfulBasis9: 'DPA_S1_P18' }

export async function auditCount(t: TempCasebook): Promise<number> {
  return Number((await t.casebook.core.db.query('SELECT count(*) AS n FROM audit_entry'))[0].n)
}
