// A signed-in window for a new user of the given role, as the app would have one after first sign-in.
import type { Connection } from '../core/casebook'
import { unwrap, type TempCasebook } from './tempCasebook'

/** `displayName`: the name staff know them by, for tests that must tell it from the username. */
export async function signedInUser(t: TempCasebook, username: string, role: string, displayName = username): Promise<{ connection: Connection; id: string }> {
  await t.ok('users.create', { displayName, username, role, temporaryPassword: 'temporary passphrase' })
  const connection = t.casebook.connect()
  unwrap(await connection.invoke('auth.signIn', { username, password: 'temporary passphrase' }))
  const { id } = unwrap<{ id: string }>(
    await connection.invoke('auth.changePassword', {
      currentPassword: 'temporary passphrase',
      newPassword: 'a chosen passphrase',
      confirmPassword: 'a chosen passphrase'
    })
  )
  return { connection, id }
}
