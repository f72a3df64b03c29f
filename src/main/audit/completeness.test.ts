// Every channel, called successfully, leaves exactly the audit entries its policy says: a change
// or a view of a record always, and nothing for calls that touch no one's record. The entries are in
// ./completeness/expectedEntries.ts, the calls in ./completeness/callScript.ts. On both engines: on
// PostgreSQL the backup channels are refused and write nothing (expectedOn says so, in one place).
import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '../../shared/contract'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { damagedWithBackup } from '../testing/damage'
import { readBackupHeader } from '../backup/crypto'
import { EXPECTED, expectedOn } from './completeness/expectedEntries'
import { callScript, remember, type CallWorld } from './completeness/callScript'

let t: TempCasebook
const world = { state: {} } as CallWorld
const state = world.state
const CALLS = callScript(world)

beforeAll(async () => {
  t = await tempCasebook('completeness')
  world.t = t
  // This test is the window: asked to save a PDF, it writes the file where a user would have chosen.
  world.window = t.casebook.connect(undefined, {
    savePdf: async (name) => {
      writeFileSync(join(t.dir, name), '%PDF-1.7')
      return join(t.dir, name)
    },
    saveFile: async (name, content) => {
      writeFileSync(join(t.dir, name), content)
      return join(t.dir, name)
    }
  })
  world.admin = t.casebook.connect()
  // The directory's feed, as IT would set it: a file saved from it, of one service.
  t.casebook.core.directoryFeed = join(__dirname, '../directory/import/fixtures/v3-service-health-visiting.json')
  // The export folder, as IT would set it.
  t.casebook.core.exportFolder = t.dir
  world.practitioner = t.casebook.connect({ name: 'pat', permissions: new Set(['earlyHelp.read', 'earlyHelp.write', 'families.read']) })
})
let rescue: Awaited<ReturnType<typeof damagedWithBackup>>
beforeAll(async () => {
  // A database that cannot be opened (garbage in its pages), with a backup beside it: for the recovery screen's calls.
  rescue = await damagedWithBackup('completeness-rescue')
  world.rescue = rescue
})

afterAll(async () => {
  await rescue?.dispose()
  await t.dispose()
})

const backupHead = async (path: string) => (await readBackupHeader(path)).header.auditHead?.seq ?? 0

const lastSeq = async () => (await t.casebook.core.db.query('SELECT coalesce(max(seq), 0) AS s FROM audit_entry'))[0].s as number

describe('audit completeness', () => {
  it('states the entries of every channel in the contract, and calls each', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(contract).sort())
    expect(CALLS.map(([c]) => c).sort()).toEqual(Object.keys(contract).sort())
  })

  it('writes exactly the stated entries for each call, which succeeds unless this engine refuses it', async () => {
    const engine = t.postgres ? 'postgres' : 'sqlite'
    for (const [channel, call] of CALLS) {
      const [connection, input] = call()
      const expected = expectedOn(engine, channel)
      // A restore's database goes on from the backup's last entry; the recovery screen's restore is of another database.
      const restoring = expected.refused === null && (channel === 'backup.restore' || channel === 'recovery.restore')
      const before = restoring
        ? await backupHead(channel === 'backup.restore' ? join(t.dir, 'Backups', state.backupFile) : rescue.backup.path)
        : await lastSeq()
      const result = await connection.invoke(channel, input)
      expect({ channel, ok: result.ok, error: result.ok ? null : result.error }).toEqual(
        expected.refused === null ? { channel, ok: true, error: null } : { channel, ok: false, error: expect.objectContaining({ code: expected.refused }) }
      )
      if (channel === 'export.start') {
        state.exportRun = result.ok ? result.value : null
        await expect.poll(async () => ((await connection.invoke('export.progress', { runId: state.exportRun.id })) as any).value.status).toBe('succeeded')
      }
      if (channel === 'backup.start') {
        state.backupRun = result.ok ? result.value : null
        await t.casebook.core.backups.whenIdle()
      }
      const audited = channel === 'recovery.restore' ? rescue.casebook.core.db : t.casebook.core.db
      const written = (await audited.query('SELECT action, record_type AS type FROM audit_entry WHERE seq > ? ORDER BY seq', [before])).map(
        (e: { action: string; type: string }) => `${e.action} ${e.type}`
      )
      expect({ channel, written }).toEqual({ channel, written: expected.written })

      // What later calls need.
      if (result.ok) await remember(world, channel, result.value)
    }
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true })
  })
})
