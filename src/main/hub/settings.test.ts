// The hub's settings as an administrator reads and saves them: whether case notes' text travels in
// the export starts off, is changed like any other setting (audited), and the row's secret (the
// pseudonymised export's key) is never among what a window reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('hub-settings')
})
afterEach(() => t.dispose())

describe('hub settings', () => {
  it('reads every setting and nothing else; case notes’ text is not sent until an administrator says so', async () => {
    expect(await t.ok('hub.settings', {})).toEqual({
      name: 'Test hub',
      code: 'TH',
      localAuthorityCode: '999',
      idleLockMinutes: 10,
      closureNeedsApproval: true,
      reviewWeeks: 6,
      requestDecisionDays: 2,
      referralAckDays: 5,
      stepUpSource: '8',
      exportNoteText: false,
      contactGapDays: 28,
      version: 1
    })
  })

  it('saves the export setting, audited, and the export reads it', async () => {
    const settings = await t.ok('hub.settings', {})
    expect(await t.ok('hub.update', { ...settings, exportNoteText: true })).toEqual({ version: 2 })
    expect(await t.ok('hub.settings', {})).toMatchObject({ exportNoteText: true, version: 2 })
    const [{ changes }] = await t.casebook.core.db.query(`SELECT changes FROM audit_entry WHERE record_type = 'hub' AND action = 'update'`)
    expect(JSON.parse(changes)).toEqual({ exportNoteText: { from: false, to: true } })
    expect(await t.ok('export.overview', {})).toMatchObject({ noteText: true })
    // After a reopen the setting is what was saved.
    await t.reopen()
    expect(await t.ok('hub.settings', {})).toMatchObject({ exportNoteText: true })
  })

  it('refuses a save that leaves the setting out, rather than turn it off unasked', async () => {
    const { exportNoteText: _left, ...rest } = await t.ok('hub.settings', {})
    const result = await t.connection.invoke('hub.update', rest)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
