// The recovery channels as a core that opened its database as it should answers them: all is well,
// and there is nothing to restore or open from here (an administrator restores a backup from the
// Backups screen, signed in). A core that could not open its database answers them itself
// (./recoveryCasebook).
import { defineHandlers } from '../core/router'
import { AppError } from '../core/errors'

const nothingToRecover = () =>
  new AppError(
    'CONFLICT',
    'Casebook opened its database as it should, so there is nothing to recover. To restore a backup, an administrator signs in and uses Backups.'
  )

export const recoveryHandlers = defineHandlers({
  'recovery.status': async () => ({ state: 'ok' as const }),
  'recovery.restore': async () => {
    throw nothingToRecover()
  },
  'recovery.openReadOnly': async () => {
    throw nothingToRecover()
  }
})
