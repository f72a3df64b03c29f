// One walk over a value for everything that checks plain data before a schema reads it: the
// router's guard (with its limits on size) and a draft's JSON check (with only a depth). Each
// problem is named for the log, and by kind, so a caller can say it plainly.
import { describe, expect, it } from 'vitest'
import { isRecord, plainDataProblem, type PlainDataLimits } from './plainData'
import { plainJsonProblem } from './json'

const LIMITS: PlainDataLimits = { depth: 4, values: 20, arrayLength: 5, keys: 3, stringLength: 10, totalText: 25 }
const found = (value: unknown, limits = LIMITS) => {
  const problem = plainDataProblem(value, limits)
  return problem && [problem.kind, problem.detail]
}

describe('the plain-data walk', () => {
  it('passes plain data within the limits', () => {
    expect(found({ a: [1, 'two', null, true, { b: undefined }], c: 'x'.repeat(10) })).toBeNull()
    expect(found(Object.assign(Object.create(null), { a: 1 }))).toBeNull()
    expect(found(new Array(5))).toBeNull()
  })

  it('names what is not plain data', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(found(cycle)).toEqual(['contains-itself', 'a value that contains itself'])
    expect(found({ when: new Date(0) })).toEqual(['not-plain', 'a value that is not plain data'])
    expect(found({ map: new Map() })).toEqual(['not-plain', 'a value that is not plain data'])
    expect(found({ f: () => 1 })).toEqual(['not-plain', 'a value of type function'])
    expect(found([10n])).toEqual(['not-plain', 'a value of type bigint'])
    expect(found({ s: Symbol('s') })).toEqual(['not-plain', 'a value of type symbol'])
    expect(found({ n: Number.NaN })).toEqual(['not-finite', 'a number that is not finite'])
    expect(found([[[[[1]]]]])).toEqual(['too-deep', 'values nested too deeply'])
  })

  it('keeps each limit it is given, and only those', () => {
    expect(found(new Array(6))).toEqual(['list-too-long', 'a list that is too long'])
    expect(found({ a: 1, b: 2, c: 3, d: 4 })).toEqual(['too-many-fields', 'an object with too many fields'])
    expect(found('x'.repeat(11))).toEqual(['text-too-long', 'a string that is too long'])
    expect(found(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(6)])).toEqual(['too-much-text', 'too much text'])
    // A field's name is text too.
    expect(found({ [`k${'x'.repeat(9)}`]: 'x'.repeat(10), [`l${'x'.repeat(4)}`]: 'y' })).toEqual(['too-much-text', 'too much text'])
    expect(
      found([
        [1, 2, 3, 4],
        [1, 2, 3, 4],
        [1, 2, 3, 4],
        [1, 2, 3, 4],
        [1, 2, 3, 4]
      ])
    ).toEqual(['too-many-values', 'too many values'])
    expect(found({ a: new Array(1000).fill('x'.repeat(100)) }, { depth: 4 })).toBeNull()
  })

  it("is a draft's JSON check, with a draft's depth", () => {
    expect(plainJsonProblem({ f: () => 1 })).toBe('a value of type function')
    expect(plainJsonProblem({ fine: [1, 'two', null, true, { three: undefined }] })).toBeNull()
    let deep: unknown = 1
    for (let i = 0; i < 65; i++) deep = [deep]
    expect(plainJsonProblem(deep)).toBe('values nested too deeply')
    expect(plainJsonProblem((deep as unknown[])[0])).toBeNull()
  })
})

describe('isRecord', () => {
  it('is an object with fields: not null, not a list', () => {
    expect([{}, { a: 1 }, new Date(0), Object.create(null)].map(isRecord)).toEqual([true, true, true, true])
    expect([null, undefined, [], 'x', 1, true].map(isRecord)).toEqual([false, false, false, false, false, false])
  })
})
