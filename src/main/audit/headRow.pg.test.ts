// On PostgreSQL the database records the audit chain's end itself (audit_head, kept by the trigger
// every entry passes), so a trail cut at its end is found with no backup or export to tell, and the
// desks go on saving after it, as on SQLite, their entries following the recorded end so the chain
// itself shows the gap. Tampered with as the database's holder would, triggers off (../testing/tamper).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { tamperWith } from '../testing/tamper'
import { auditHeadOf, registerFamilies } from './anchorsTestWorld'
import { entryHash } from './audit'
import type { AuditRow } from './entities'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('head-row')
})
afterEach(async () => {
  await t.dispose()
})

describe("the database's own record of the trail's end", () => {
  it('finds entries cut from the end when no backup or export saw them', async () => {
    await registerFamilies(t, 3)
    const end = (await auditHeadOf(t)).seq
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true, problem: null })

    await tamperWith(t, `DELETE FROM audit_entry WHERE seq > ${end - 2}`)
    expect(await t.ok('audit.verify', {})).toEqual({
      intact: false,
      entries: end - 2,
      problem: { seq: end - 1, message: `Entries after ${end - 2} are missing: the database's own record of the trail's end says entry ${end}.` }
    })
  })

  it('lets the desks go on saving after the cut, and the chain then shows the gap', async () => {
    await registerFamilies(t, 2)
    const end = (await auditHeadOf(t)).seq
    await tamperWith(t, `DELETE FROM audit_entry WHERE seq > ${end - 2}`)

    await registerFamilies(t, 1)
    expect((await auditHeadOf(t)).seq).toBe(end + 2)
    expect(await t.ok('audit.verify', {})).toMatchObject({
      intact: false,
      problem: { seq: end - 1, message: `Entries ${end - 1} to ${end} are missing: the trail goes from entry ${end - 2} to entry ${end + 1}.` }
    })
  })

  it('finds the last entry replaced, its hash made again to match', async () => {
    await registerFamilies(t, 2)
    const end = (await auditHeadOf(t)).seq
    const [row] = (await t.casebook.core.db.query(
      `SELECT seq, at, actor, action, record_type AS "recordType", record_id AS "recordId", family_id AS "familyId", changes, prev_hash AS "prevHash"
         FROM audit_entry WHERE seq = ?`,
      [end]
    )) as Omit<AuditRow, 'hash'>[]
    const forged = { ...row!, actor: 'someone else' }
    await tamperWith(t, `UPDATE audit_entry SET actor = '${forged.actor}', hash = '${entryHash(forged)}' WHERE seq = ${end}`)

    expect(await t.ok('audit.verify', {})).toMatchObject({
      intact: false,
      problem: {
        seq: end,
        message: `The trail's end is not the one the database recorded: the database's own record of the trail's end says entry ${end}, and the trail ends at entry ${end}. Entries have been removed or replaced.`
      }
    })
  })
})
