// Every string, list and record a window can send has a maximum in its schema, so nothing but the
// schema's own limits decides how much a caller can make the core store or walk; every number has
// bounds both databases hold (LARGEST_STORED_INTEGER), so none reaches PostgreSQL's 32-bit integer
// columns to fail there. A new field without them fails here, named by channel and path.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract } from './contract'
import { patternIsBounded, unboundedParts } from './testing/schemaWalk'
import { jsonObject } from './json'
import { LARGEST_STORED_INTEGER, versionField } from './fields'

describe('the bounds walk', () => {
  it('finds every unbounded string, list, record, number and unchecked value, through wrappers and pipes', () => {
    const loose = z
      .object({
        text: z.string(),
        list: z.array(z.number()),
        map: z.record(z.string(), z.string().max(5)),
        anything: z.unknown(),
        passed: z.preprocess((v) => v, z.custom<string>()),
        nested: z.object({ deep: z.array(z.string().max(4)).max(2).optional() }).nullable(),
        choice: z.discriminatedUnion('k', [z.object({ k: z.literal('a'), a: z.string().trim() }), z.object({ k: z.literal('b') })]),
        piped: z.preprocess(
          (v) => v,
          z.string().transform((s) => s.length)
        ),
        lazy: z.lazy(() => z.array(z.string().max(1))),
        safe: z.number().int().min(1),
        large: z
          .number()
          .int()
          .min(0)
          .max(LARGEST_STORED_INTEGER + 1),
        negative: z.number().max(10)
      })
      .superRefine(() => {})
    expect(unboundedParts(loose)).toEqual([
      'text: text with no maximum length',
      'list: a list with no maximum',
      'list[]: a number beyond what both databases hold',
      'map: a record with no bound on its keys',
      'map{key}: text with no maximum length',
      'anything: a value of kind unknown, taken unchecked',
      'passed: a value taken unchecked',
      'choice.a: text with no maximum length',
      'piped: text with no maximum length',
      'lazy: a list with no maximum',
      'safe: a number beyond what both databases hold',
      'large: a number beyond what both databases hold',
      'negative: a number beyond what both databases hold'
    ])
  })

  it('counts a maximum, an exact length, a bounded pattern, finite keys, a JSON size or a stored integer s range as a bound', () => {
    const tight = z.object({
      max: z.string().max(3),
      exact: z.string().length(3),
      pattern: z.string().regex(/^[a-z]{2,5}:\d{3}$/),
      id: z.uuid(),
      day: z.iso.date(),
      list: z.array(z.enum(['A', 'B'])).max(2),
      byCode: z.partialRecord(z.enum(['A', 'B']), z.string().max(9)),
      draft: jsonObject(1000, { tooBig: 'Too long', notPlain: 'Not plain' }),
      version: versionField,
      page: z.number().int().min(1).max(100_000).nullable().default(1),
      score: z.number().min(-LARGEST_STORED_INTEGER).max(LARGEST_STORED_INTEGER)
    })
    expect(unboundedParts(tight)).toEqual([])
  })

  it('does not take an open-ended or unanchored pattern for a bound', () => {
    expect(patternIsBounded(/^[a-z-]+:[0-9a-f-]{36}$/)).toBe(false)
    expect(patternIsBounded(/^\d{3,}$/)).toBe(false)
    expect(patternIsBounded(/[A-Z]{2}/)).toBe(false)
    expect(patternIsBounded(/^[+*]{1,3}\+?$/)).toBe(true)
    expect(patternIsBounded(/^([01]\d|2[0-3]):[0-5]\d$/)).toBe(true)
  })
})

describe('the contract', () => {
  it.each(Object.keys(contract))('%s: every string, list, record and number in the input has bounds', (channel) => {
    const found = unboundedParts(contract[channel as keyof typeof contract].input)
    expect(found === 'passing' ? ['(the whole input): a value taken unchecked'] : found).toEqual([])
  })
})
