// zod's own limits, said in plain English with the right numbers: a list says how many may be
// chosen or added, and a bound that excludes its number ("more than 0") is said as such.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import './messages'
import { auditListInput } from './audit/schemas'

const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message

describe('messages for limits a field gives no words of its own', () => {
  it('say how many a list may have, as a sentence', () => {
    expect(message(z.array(z.string()).max(5), ['a', 'b', 'c', 'd', 'e', 'f'])).toBe('Select or add up to 5')
    expect(message(z.array(z.string()).max(1), ['a', 'b'])).toBe('Select or add only one')
    expect(message(z.array(z.string()).min(3), ['a'])).toBe('Select or add at least 3')
    expect(message(z.array(z.string()).length(2), ['a'])).toBe('Select or add exactly 2')
  })

  it('give the smallest and largest number allowed, whether the bound includes its number or not', () => {
    expect(message(z.number().int().min(1), 0)).toBe('Enter a number that is 1 or more')
    expect(message(z.number().int().max(10), 11)).toBe('Enter a number that is 10 or less')
    expect(message(z.number().int().positive(), 0)).toBe('Enter a number greater than 0')
    expect(message(z.number().negative(), 0)).toBe('Enter a number less than 0')
    expect(message(z.number().lt(2.5), 3)).toBe('Enter a number less than 2.5')
  })

  it('say how long text must be when it must be exactly so long', () => {
    expect(message(z.string().length(3), 'ab')).toBe('This answer must be exactly 3 characters')
    expect(message(z.string().length(3), 'abcd')).toBe('This answer must be exactly 3 characters')
  })
})

describe('the audit trail', () => {
  it('says entry numbers start at 1 when asked for the entries before 0', () => {
    expect(auditListInput.safeParse({ beforeSeq: 0 }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['beforeSeq', 'Entry numbers start at 1']
    ])
    expect(auditListInput.safeParse({ beforeSeq: 1.5 }).error?.issues.map((i) => i.message)).toEqual(['Entry numbers start at 1'])
    expect(auditListInput.parse({ beforeSeq: 1 }).beforeSeq).toBe(1)
  })
})
