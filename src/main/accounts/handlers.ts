import { defineHandlers } from '../core/router'
import { authStatus, changePassword, lock, setUp, signIn, signOut, unlock } from './auth'
import { createUser, listUsers, resetPassword, setUserDisabled, updateUser } from './users'

export const accountHandlers = defineHandlers({
  'auth.status': (_input, ctx) => authStatus(ctx),
  'auth.setUp': setUp,
  'auth.signIn': signIn,
  'auth.signOut': (_input, ctx) => signOut(ctx),
  'auth.lock': (_input, ctx) => lock(ctx),
  // The call itself is the news: the connection has already noted the window's activity.
  'auth.activity': async () => ({}),
  'auth.unlock': unlock,
  'auth.changePassword': changePassword,
  'users.list': (_input, ctx) => listUsers(ctx),
  'users.directory': async (_input, ctx) => {
    const { users } = await listUsers(ctx)
    return { users: users.filter((u) => !u.disabled).map(({ id, displayName, role }) => ({ id, displayName, role })) }
  },
  'users.create': createUser,
  'users.update': updateUser,
  'users.setDisabled': setUserDisabled,
  'users.resetPassword': resetPassword
})
