import { defineHandlers } from '../core/router'
import { findPeople } from './searchIndex'
import { parseQuery } from './parseQuery'
import { findDuplicates } from './duplicates'
import { redactRestricted, restrictedViewer } from '../families/access'

export const searchHandlers = defineHandlers({
  'people.search': async ({ text, limit }, ctx) => {
    const { core } = ctx
    const parsed = parseQuery(text)
    return { understoodAs: parsed.understoodAs, hits: await redactRestricted(ctx, await findPeople(core.db, parsed, limit, restrictedViewer(ctx))) }
  },
  'people.checkDuplicates': async (input, ctx) => ({
    matches: await redactRestricted(ctx, await findDuplicates(ctx.core.db.manager, input, restrictedViewer(ctx)))
  })
})
