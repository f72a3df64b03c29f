// Early-help inputs whose rules are more than their fields: an action's owner, the step-up date,
// the closure's outcomes, and the sizes of a plan and a review.
import { describe, expect, it } from 'vitest'
import { addDays, todayIso } from '../dates'
import { closeEpisodeInput } from './schemas'
import { MAX_ACTIONS_PER_OUTCOME, MAX_OUTCOMES, planAction, savePlanInput } from './plan'

const ID = '00000000-0000-4000-8000-000000000000'
const today = todayIso()
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

describe('a plan action', () => {
  const action = { id: ID, what: 'Book audiology', due: today, status: 'NOT_STARTED' }

  it('without an owner is a validation error, whether the key is missing, empty or null', () => {
    for (const owner of [undefined, '', null, '  ']) {
      expect(issues(planAction.safeParse({ ...action, owner }))).toEqual({ owner: 'Select who will do it' })
    }
    expect(issues(planAction.safeParse(action))).toEqual({ owner: 'Select who will do it' })
  })

  it('names someone in the family or the Team Around the Family', () => {
    expect(planAction.parse({ ...action, owner: `taf:${ID}` }).owner).toBe(`taf:${ID}`)
    expect(issues(planAction.safeParse({ ...action, owner: 'everyone' }))).toEqual({ owner: 'Select who will do it' })
  })
})

describe('the size of a plan', () => {
  const outcome = (actions: number) => ({
    id: ID,
    text: 'Grace knows the rent is paid',
    headline: 'HOUSING',
    peopleIds: [ID],
    actions: Array.from({ length: actions }, () => ({ id: ID, what: 'Call', owner: `taf:${ID}`, due: today, status: 'NOT_STARTED' }))
  })
  const plan = (outcomes: number, actions: number) => ({ episodeId: ID, agreedOn: today, outcomes: Array.from({ length: outcomes }, () => outcome(actions)) })

  it(`takes ${MAX_OUTCOMES} outcomes of ${MAX_ACTIONS_PER_OUTCOME} actions, and says so beyond that`, () => {
    expect(savePlanInput.safeParse(plan(MAX_OUTCOMES, MAX_ACTIONS_PER_OUTCOME)).success).toBe(true)
    expect(issues(savePlanInput.safeParse(plan(MAX_OUTCOMES + 1, 1)))).toEqual({ outcomes: 'A plan can have up to 20 outcomes' })
    expect(issues(savePlanInput.safeParse(plan(1, MAX_ACTIONS_PER_OUTCOME + 1)))).toEqual({ 'outcomes.0.actions': 'An outcome can have up to 20 actions' })
  })
})

describe('closing an episode', () => {
  const closure = { id: ID, version: 1, closedOn: today, reason: 'STEPPED_UP', outcomes: { HOUSING: 'ACHIEVED' }, familyView: 'It helped' }

  it('takes the step-up date as a real date, today or earlier', () => {
    expect(closeEpisodeInput.parse({ ...closure, stepUpOn: today }).stepUpOn).toBe(today)
    expect(issues(closeEpisodeInput.safeParse({ ...closure, stepUpOn: addDays(today, 1) }))).toEqual({
      stepUpOn: 'Date of the step-up must be today or in the past'
    })
    expect(issues(closeEpisodeInput.safeParse({ ...closure, stepUpOn: '31/02/2026' }))).toEqual({ stepUpOn: 'Date of the step-up must be a real date' })
    expect(issues(closeEpisodeInput.safeParse({ ...closure, stepUpOn: 'x'.repeat(5000) }))).toEqual({ stepUpOn: 'Date of the step-up must be a real date' })
    expect(issues(closeEpisodeInput.safeParse({ ...closure, stepUpOn: '' }))).toEqual({ stepUpOn: 'Enter the date of the step-up' })
    expect(closeEpisodeInput.parse({ ...closure, reason: 'OUTCOMES_ACHIEVED', stepUpOn: '' }).stepUpOn).toBeNull()
  })

  it('takes one outcome per headline, by its code, and nothing else', () => {
    expect(closeEpisodeInput.parse({ ...closure, stepUpOn: today, outcomes: { HOUSING: 'PARTLY', FINANCIAL: '' } }).outcomes).toEqual({
      HOUSING: 'PARTLY',
      FINANCIAL: undefined
    })
    expect(issues(closeEpisodeInput.safeParse({ ...closure, stepUpOn: today, outcomes: { HOUSING: 'GREAT' } }))).toEqual({
      'outcomes.HOUSING': 'Select one of the options'
    })
    const invented = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`KEY_${i}`, 'ACHIEVED']))
    const result = closeEpisodeInput.safeParse({ ...closure, stepUpOn: today, outcomes: invented })
    expect(result.success).toBe(false)
    expect(new Set(result.error?.issues.map((i) => i.message))).toEqual(new Set(['Casebook could not read this answer']))
  })
})
