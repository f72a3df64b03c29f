// The error summary says which repeated part of a form each message is about (issue 12, items 14 and 16).
import { describe, expect, it } from 'vitest'
import { namedByPart } from './formErrors'

const item = (path: string, message = 'Enter date of birth') => ({ path, message })

describe('messages named by the repeated part they are about', () => {
  it.each([
    ['members.1.dateOfBirth', 'Child 2: Enter date of birth'],
    ['members.0', 'Adult 1: Enter date of birth'],
    ['members.0._duplicate', 'Adult 1: Enter date of birth'],
    // Not a part of the list: left as it is.
    ['family.postcode', 'Enter date of birth'],
    ['membersExtra.0.x', 'Enter date of birth'],
    ['members', 'Enter date of birth'],
    // A part with no name (gone since the message was made) is left as it is.
    ['members.7.givenName', 'Enter date of birth']
  ])('%s reads "%s"', (path, message) => {
    const legends = ['Adult 1', 'Child 2']
    expect(namedByPart([item(path)], 'members', (i) => legends[i] ?? null)).toEqual([{ path, message }])
  })

  it('is given the rest of the path, so a part within a part is named too', () => {
    const seen: [number, string][] = []
    const named = namedByPart([item('outcomes.1.actions.0.due', 'Enter due date'), item('outcomes.0.text', 'Enter the outcome')], 'outcomes', (i, rest) => {
      seen.push([i, rest])
      const action = /^actions\.(\d+)\./.exec(rest)
      return action ? `Outcome ${i + 1}, action ${i + 1}.${Number(action[1]) + 1}` : `Outcome ${i + 1}`
    })
    expect(named.map((e) => e.message)).toEqual(['Outcome 2, action 2.1: Enter due date', 'Outcome 1: Enter the outcome'])
    expect(seen).toEqual([
      [1, 'actions.0.due'],
      [0, 'text']
    ])
  })

  it('reads a list path with dots in it literally', () => {
    expect(namedByPart([item('a.b.0.x'), item('aXb.0.x')], 'a.b', () => 'Part').map((e) => e.message)).toEqual([
      'Part: Enter date of birth',
      'Enter date of birth'
    ])
  })
})
