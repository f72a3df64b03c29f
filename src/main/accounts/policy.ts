import { AppError } from '../core/errors'
import { isCommonPassword } from './passwords'

export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 15

/** Refuses a new password that is on the common list; `field` is where the message goes. */
export async function refuseCommonPassword(password: string, field: string): Promise<void> {
  if (await isCommonPassword(password)) {
    throw new AppError('VALIDATION', 'There is a problem', {
      [field]: 'That password is too common. Choose one that is hard to guess, such as three random words'
    })
  }
}
