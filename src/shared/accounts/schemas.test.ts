// Set-up's hub code is required however it is left out: a missing key is not let through as
// "optional" (zod skips an absent key whose schema is optional, refinement and all).
import { describe, expect, it } from 'vitest'
import { changePasswordInput, setupInput, signInInput } from './schemas'
import { updateHubInput } from '../hub/schemas'

const setup = {
  hubName: 'Riverside Family Hub',
  hubCode: 'rv',
  localAuthorityCode: '330',
  displayName: 'Ada Okafor',
  username: 'ada',
  password: 'correct horse battery',
  confirmPassword: 'correct horse battery'
}

describe('setting up the hub', () => {
  it('asks for the hub code when it is missing, empty or blank', () => {
    const { hubCode: _left, ...withoutCode } = setup
    for (const input of [withoutCode, { ...setup, hubCode: '' }, { ...setup, hubCode: '  ' }, { ...setup, hubCode: null }]) {
      expect(setupInput.safeParse(input).error?.issues).toEqual([expect.objectContaining({ path: ['hubCode'], message: 'Enter the hub code' })])
    }
    expect(setupInput.parse(setup)).toMatchObject({ hubCode: 'RV', displayName: 'Ada Okafor' })
  })

  it('still says when the passwords differ while another answer is missing', () => {
    const messages = setupInput.safeParse({ ...setup, hubCode: '', confirmPassword: 'something else entirely' }).error?.issues.map((i) => i.message)
    expect(messages).toEqual(['Enter the hub code', 'The passwords do not match'])
  })
})

describe('rules written once', () => {
  const hub = { version: 1, name: 'Riverside Family Hub', idleLockMinutes: 15, closureNeedsApproval: false, reviewWeeks: 6 }
  const laMessage = (schema: typeof setupInput | typeof updateHubInput, input: object, localAuthorityCode: unknown) =>
    schema.safeParse({ ...input, localAuthorityCode }).error?.issues.find((i) => i.path[0] === 'localAuthorityCode')?.message ?? null

  it('the local authority code: the same at set-up and in the hub settings', () => {
    for (const [schema, input] of [
      [setupInput, setup],
      [updateHubInput, hub]
    ] as const) {
      expect(laMessage(schema, input, ' 330 ')).toBeNull()
      expect(laMessage(schema, input, '33')).toBe('Local authority code must be 3 digits, like 330')
      expect(laMessage(schema, input, '')).toBe('Enter the local authority code')
      expect(laMessage(schema, input, undefined)).toBe('Enter the local authority code')
    }
  })

  it('the longest password, wherever one is typed', () => {
    const long = 'x'.repeat(201)
    const messages = [
      ...(setupInput.safeParse({ ...setup, password: long, confirmPassword: long }).error?.issues ?? []),
      ...(signInInput.safeParse({ username: 'ada', password: long }).error?.issues ?? []),
      ...(changePasswordInput.safeParse({ currentPassword: long, newPassword: long, confirmPassword: long }).error?.issues ?? [])
    ].map((i) => i.message)
    expect(messages).toEqual(Array(6).fill('Password must be 200 characters or fewer'))
  })
})
