// A draft's schema is made from its form's: the same fields and maxima, any of them unfinished, and
// nothing left unbounded (a form's field with no maximum cannot be drafted at all).
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { draftOf } from './draftOf'
import { registrationDraft } from './schemas'
import { unboundedParts } from '../testing/schemaWalk'
import { dateField, optionalText, postcodeField, requiredCode, requiredText } from '../fields'
import { SEX } from '../codes'

describe('the draft of a form', () => {
  const form = z.object({
    line: requiredText('Enter line', 10, 'Line'),
    note: optionalText(20, 'Note'),
    postcode: postcodeField,
    born: dateField('Date of birth'),
    sex: requiredCode(SEX.schema, 'Select sex'),
    people: z
      .array(z.object({ kind: z.literal('child'), name: requiredText('Enter name', 5, 'Name') }))
      .min(1)
      .max(2)
  })
  const draft = draftOf(form)

  it('takes any field blank, missing or unfinished, as the form is part-way through', () => {
    expect(draft.safeParse({}).success).toBe(true)
    expect(draft.safeParse({ line: '', note: null, postcode: 'LS1', born: '3//', sex: '', people: [] }).success).toBe(true)
  })

  it('refuses a field the form does not have, a value of the wrong kind, and more than the form allows', () => {
    const codes = (value: unknown) => draft.safeParse(value).error?.issues.map((i) => `${i.path.join('.')} ${i.code}`)
    expect(codes({ other: 'x' })).toEqual([' unrecognized_keys'])
    expect(codes({ line: 3, sex: 'X', people: [{ name: 'a' }] })).toEqual(['line invalid_type', 'sex invalid_union', 'people.0.kind invalid_value'])
    expect(codes({ line: 'x'.repeat(11), people: [{ kind: 'child' }, { kind: 'child' }, { kind: 'child' }] })).toEqual(['line too_big', 'people too_big'])
  })

  it('is bounded everywhere, as the contract requires of every input, the registration’s included', () => {
    expect(unboundedParts(draft)).toEqual([])
    expect(unboundedParts(registrationDraft)).toEqual([])
  })

  it('cannot be made of a form with a field that has no maximum', () => {
    expect(() => draftOf(z.object({ notes: z.array(z.string().max(5)) }))).toThrow('draftOf: notes is a list with no maximum')
    expect(() => draftOf(z.object({ people: z.array(z.object({ name: z.string() })).max(3) }))).toThrow('draftOf: people[].name is text with no maximum')
  })
})
