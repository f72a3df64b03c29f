// The audit trail oldest first as well as newest first, over the whole trail: the order is taken in
// the query and the next page carries on from the last entry shown, either way, with filters kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { writeAudit } from './audit'
import { LARGEST_STORED_INTEGER } from '../../shared/fields'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('audit-order')
  for (let i = 0; i < 7; i++) {
    const actor = i % 2 ? 'odd' : 'even'
    await t.casebook.core.writes.run((m) =>
      writeAudit(m, { at: new Date(Date.UTC(2026, 10, 24, 9, i)).toISOString(), actor, action: 'view', recordType: 'hub', recordId: '1' })
    )
  }
})
afterEach(async () => {
  await t.dispose()
})

const seqs = async (input: object) => (await t.ok('audit.list', { action: 'view', ...input })).entries.map((e: { seq: number }) => e.seq)

describe('the audit trail in either order', () => {
  it('reads oldest first from the start of the trail, a page at a time, and newest first from its end', async () => {
    const all = await seqs({ limit: 500 })
    expect(all).toHaveLength(7)
    const oldest = [...all].reverse()
    expect(await seqs({ oldestFirst: true, limit: 3 })).toEqual(oldest.slice(0, 3))
    expect(await seqs({ oldestFirst: true, limit: 3, afterSeq: oldest[2] })).toEqual(oldest.slice(3, 6))
    expect(await seqs({ oldestFirst: true, limit: 3, afterSeq: oldest[5] })).toEqual(oldest.slice(6))
    const page = await t.ok('audit.list', { action: 'view', oldestFirst: true, limit: 6 })
    expect(page.more).toBe(true)
  })

  it('keeps to entries after one and before another in either order, never dropping a bound', async () => {
    const oldest = await seqs({ oldestFirst: true })
    expect(await seqs({ afterSeq: oldest[4] })).toEqual(oldest.slice(5).reverse())
    expect(await seqs({ oldestFirst: true, beforeSeq: oldest[2] })).toEqual(oldest.slice(0, 2))
    expect(await seqs({ oldestFirst: true, afterSeq: oldest[1], beforeSeq: oldest[5] })).toEqual(oldest.slice(2, 5))
    expect(await seqs({ afterSeq: oldest[1], beforeSeq: oldest[5] })).toEqual(oldest.slice(2, 5).reverse())
    expect(await seqs({ afterSeq: oldest[3], beforeSeq: oldest[3] })).toEqual([])
    // 0 is before the first entry; the largest number both databases hold is after the last.
    expect(await seqs({ oldestFirst: true, afterSeq: 0 })).toEqual(oldest)
    expect(await seqs({ afterSeq: LARGEST_STORED_INTEGER })).toEqual([])
    expect(await seqs({ oldestFirst: true, beforeSeq: LARGEST_STORED_INTEGER })).toEqual(oldest)
  })

  it('lists entries of the same moment by their sequence, the order they were written, a page at a time either way', async () => {
    // One save writes several entries at the same instant (ctx.now): five more at the time of the fourth.
    const [fourth] = (await t.ok('audit.list', { action: 'view', oldestFirst: true, limit: 4 })).entries.slice(3)
    await t.casebook.core.writes.run(async (m) => {
      for (let i = 0; i < 5; i++) await writeAudit(m, { at: fourth.at, actor: 'same', action: 'view', recordType: 'hub', recordId: String(i) })
    })
    const all = await t.ok('audit.list', { action: 'view', oldestFirst: true })
    const tied = all.entries.filter((e: { at: string }) => e.at === fourth.at)
    expect(tied.map((e: { recordId: string }) => e.recordId)).toEqual(['1', '0', '1', '2', '3', '4'])
    const oldest = all.entries.map((e: { seq: number }) => e.seq)
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b))
    const walk = async (oldestFirst: boolean) => {
      const seen: number[] = []
      for (let page = await seqs({ oldestFirst, limit: 2 }); page.length;) {
        seen.push(...page)
        page = await seqs({ oldestFirst, limit: 2, [oldestFirst ? 'afterSeq' : 'beforeSeq']: page.at(-1) })
      }
      return seen
    }
    expect(await walk(true)).toEqual(oldest)
    expect(await walk(false)).toEqual([...oldest].reverse())
  })

  it('says what an entry number may be when one is refused', async () => {
    const refusal = async (input: object) => {
      const result = await t.connection.invoke('audit.list', input as never)
      return result.ok ? result : { code: result.error.code, fields: result.error.fields }
    }
    const afterRule = { code: 'VALIDATION', fields: { afterSeq: 'Entry number must be a whole number, 0 or more' } }
    expect(await refusal({ oldestFirst: true, afterSeq: -1 })).toEqual(afterRule)
    expect(await refusal({ afterSeq: 2.5 })).toEqual(afterRule)
    expect(await refusal({ beforeSeq: 0 })).toEqual({ code: 'VALIDATION', fields: { beforeSeq: 'Entry numbers start at 1' } })
    // Beyond what PostgreSQL's integer column holds: refused as input on both engines, never a failure in the database.
    for (const field of ['afterSeq', 'beforeSeq']) {
      for (const large of [LARGEST_STORED_INTEGER + 1, Number.MAX_SAFE_INTEGER, 2 ** 62])
        expect(await refusal({ [field]: large })).toEqual({ code: 'VALIDATION', fields: { [field]: 'No entry has a number that large' } })
    }
  })

  it('keeps the filters in either order', async () => {
    expect(
      (await t.ok('audit.list', { actor: 'odd', oldestFirst: true })).entries.map((e: { actor: string; at: string }) => `${e.actor} ${e.at.slice(11, 16)}`)
    ).toEqual(['odd 09:01', 'odd 09:03', 'odd 09:05'])
    expect(await t.connection.invoke('audit.list', { oldestFirst: true, afterSeq: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
