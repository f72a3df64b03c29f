// A draft is a form's values as JSON: bounded by size, and refused (never thrown on) when it is not
// plain data, while anything its form could save still fits.
import { describe, expect, it } from 'vitest'
import { DRAFT_MAX_BYTES, saveDraftInput } from './schemas'
import { jsonBytes } from '../json'
import { MAX_SUBJECTS, saveAssessmentInput } from '../earlyHelp/assessment'
import { MAX_ACTIONS_PER_OUTCOME, MAX_OUTCOMES, savePlanInput } from '../earlyHelp/plan'
import { HEADLINE } from '../codes'
import { todayIso } from '../dates'

const ID = '00000000-0000-4000-8000-000000000000'
const key = `assessment:${ID}`
const messages = (payload: unknown) => {
  const result = saveDraftInput.safeParse({ key, payload })
  return result.success ? [] : result.error.issues.map((i) => i.message)
}

describe('a draft', () => {
  it(`is kept up to ${DRAFT_MAX_BYTES} bytes of JSON, and refused beyond, with a message saying what to do`, () => {
    const fits = { text: 'x'.repeat(DRAFT_MAX_BYTES - 20) }
    expect(jsonBytes(fits)).toBeLessThanOrEqual(DRAFT_MAX_BYTES)
    expect(messages(fits)).toEqual([])
    // Counted in bytes as stored: 'é' is two.
    expect(messages({ text: 'é'.repeat(DRAFT_MAX_BYTES / 2) })).toEqual([
      'This draft is too long to keep (more than 1 MB). Save the form to keep your work, or shorten the longest answers.'
    ])
  })

  it('that is not plain data (a value that contains itself, a Map, a date, a number that is not finite) is refused, not thrown on', () => {
    const cycle: Record<string, unknown> = { text: 'a' }
    cycle.self = cycle
    const deep: Record<string, unknown> = { list: [{ again: null }] }
    ;(deep.list as Record<string, unknown>[])[0]!.again = deep
    const unreadable = 'Casebook could not read this draft, so it was not kept. Save the form to keep your work.'
    for (const payload of [cycle, deep, { map: new Map() }, { when: new Date() }, { n: Number.NaN }, { n: Infinity }, { f: () => 1 }]) {
      expect(() => saveDraftInput.safeParse({ key, payload })).not.toThrow()
      expect(messages(payload)).toEqual([unreadable])
    }
    expect(messages({ fine: [1, 'two', null, true, { three: undefined }] })).toEqual([])
  })

  it('holds the largest assessment and the largest plan their forms can save', () => {
    const text = (n: number) => 'x'.repeat(n)
    const domain = { strengths: text(4000), needs: text(4000), level: 'COMPLEX' }
    const assessment = {
      episodeId: ID,
      version: 3,
      startedOn: todayIso(),
      completedOn: todayIso(),
      subjects: Array.from({ length: MAX_SUBJECTS }, () => ({
        personId: ID,
        domains: { CHILD_DEVELOPMENT: domain, PARENTS_CARERS: domain, FAMILY_ENVIRONMENT: domain }
      })),
      familyVoice: text(8000),
      identified: HEADLINE.items.map((h) => h.code),
      evidence: Object.fromEntries(HEADLINE.items.map((h) => [h.code, text(4000)]))
    }
    expect(saveAssessmentInput.safeParse(assessment).error?.issues ?? []).toEqual([])
    expect(jsonBytes(assessment)).toBeLessThanOrEqual(DRAFT_MAX_BYTES)
    expect(messages(assessment)).toEqual([])

    const action = { id: ID, what: text(1000), owner: `taf:${ID}`, due: todayIso(), status: 'IN_PROGRESS' }
    const outcome = { id: ID, text: text(2000), headline: 'HOUSING', peopleIds: [ID], actions: Array.from({ length: MAX_ACTIONS_PER_OUTCOME }, () => action) }
    const plan = { episodeId: ID, version: 2, agreedOn: todayIso(), outcomes: Array.from({ length: MAX_OUTCOMES }, () => outcome) }
    expect(savePlanInput.safeParse(plan).error?.issues ?? []).toEqual([])
    expect(messages(plan)).toEqual([])
  })
})
