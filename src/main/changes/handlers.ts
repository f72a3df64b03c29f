// changes.wait: a window's long question "has any desk saved something since N?" (./listener). On a
// one-desk SQLite hub there is no other desk to hear from, and the answer says so at once.
import { defineHandlers } from '../core/router'

export const changesHandlers = defineHandlers({
  'changes.wait': async ({ after }, ctx) => {
    const listener = ctx.core.changes
    if (!listener) return { shared: false, latest: 0 }
    return { shared: true, latest: await listener.wait(after) }
  }
})
