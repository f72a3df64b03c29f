// Whatever a window sends, every input schema answers with issues (never throws), and every message
// a person could see is plain English: none of zod's own defaults ("Invalid input: expected string,
// received undefined", "Invalid discriminator value", "Too big") gets through.
import { describe, expect, it } from 'vitest'
import { contract, type Channel } from './contract'
import { objectShape } from './testing/schemaWalk'

/** What a window might send instead of the object a channel expects. */
const WHOLE = [null, 1, 'x', [], {}, true, undefined, -0.5, { length: 3 }, [{}], { __proto__: null }]
/** What might arrive in any one field. */
const FIELD = [null, 1, 'x', [], {}, true, undefined, '', ' ', -1, 1.5, [null], [1], ['x'], { a: 1 }, 'x'.repeat(50_000)]

/** zod's own messages, or any message that talks like one. */
const DEFAULT_WORDING =
  /\binvalid\b|expected|received|too big|too small|discriminator|unrecognized|\bNaN\b|\bundefined\b|\bnull\b|\bobject\b|\bstring\b|\barray\b/i

const channels = Object.keys(contract) as Channel[]

function messagesOf(channel: Channel, input: unknown): string[] {
  const result = contract[channel].input.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => i.message)
}

function expectPlain(messages: string[]) {
  for (const message of messages) {
    expect(message, message).not.toMatch(DEFAULT_WORDING)
    expect(message, message).toMatch(/^[A-Z‘'"]/)
  }
}

describe('every channel, sent something that is not its input', () => {
  it.each(channels)('%s answers issues, in plain English, for null, a number, a string, lists and empty objects', (channel) => {
    for (const input of WHOLE) {
      expect(() => contract[channel].input.safeParse(input), JSON.stringify(input)).not.toThrow()
      expectPlain(messagesOf(channel, input))
    }
  })

  it.each(channels)('%s answers issues, in plain English, with each field given each wrong kind of value', (channel) => {
    const shape = objectShape(contract[channel].input)
    expect(shape).not.toBeNull()
    for (const key of Object.keys(shape ?? {})) {
      for (const value of FIELD) {
        const input = { [key]: value }
        expect(() => contract[channel].input.safeParse(input), `${key}: ${JSON.stringify(value)?.slice(0, 40)}`).not.toThrow()
        expectPlain(messagesOf(channel, input))
      }
    }
  })
})

describe('the messages themselves', () => {
  it('say what is missing, unreadable or not one of the options', () => {
    expect(messagesOf('auth.changePassword', {})).toContain('Enter the password again')
    expect(messagesOf('families.register', {})).toEqual(['Answer this question', 'Answer this question'])
    expect(messagesOf('families.register', null)).toEqual(['Casebook could not read this answer'])
    expect(messagesOf('people.search', { text: 1 })).toEqual(['Casebook could not read this answer'])
    expect(messagesOf('audit.list', { action: 'burn' })).toEqual(['Select one of the options'])
    expect(messagesOf('people.search', { text: 'x', limit: 101 })).toEqual(['Enter a number that is 100 or less'])
    expect(messagesOf('people.search', { text: 'x', limit: 2.5 })).toEqual(['Enter a whole number'])
  })

  it('name the kind of person to choose when a member is none of adult, child or unborn', () => {
    const family = { addressLine1: '1 Road', town: 'Leeds', postcode: 'LS1 1AA', mainLanguage: 'English' }
    const result = contract['families.register'].input.safeParse({ family, members: [{ member: { kind: 'cat' } }] })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['members.0.member.kind', 'Select whether they are an adult, a child or an unborn baby']
    ])
  })

  it('say how long text may be and how many a list may have, where a field gives no message of its own', () => {
    expect(messagesOf('people.checkDuplicates', { familyName: 'x'.repeat(101) })).toEqual(['This answer must be 100 characters or fewer'])
    expect(messagesOf('assessment.save', { scores: [] }).length).toBeGreaterThan(0)
    const tooMany = Array.from({ length: 81 }, () => 'person:00000000-0000-4000-8000-000000000000')
    expect(messagesOf('reviews.add', { attendees: tooMany })).toContain('Select up to 80 people')
    const scores = Array.from({ length: 21 }, () => ({ outcomeId: '00000000-0000-4000-8000-000000000000', score: 5 }))
    expect(messagesOf('reviews.add', { scores })).toContain('Select or add up to 20')
  })
})
