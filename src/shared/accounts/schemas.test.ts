// Set-up's hub code is required however it is left out: a missing key is not let through as
// "optional" (zod skips an absent key whose schema is optional, refinement and all).
import { describe, expect, it } from 'vitest'
import { setupInput } from './schemas'

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
