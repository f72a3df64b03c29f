import { defineHandlers } from '../core/router'
import { findPeople } from './searchIndex'
import { parseQuery } from './parseQuery'
import { findDuplicates } from './duplicates'
import { recentFamilies } from './recentFamilies'
import { redactRestricted, restrictedViewer } from '../families/access'
import { hitFamilyNames } from './hitFamilyNames'
import { todayIso } from '../../shared/dates'

/** How many recently opened families the empty search page lists. */
const RECENT_FAMILIES = 8

export const searchHandlers = defineHandlers({
  'people.search': async ({ text, limit }, ctx) => {
    const { core } = ctx
    if (!text.trim()) return { understoodAs: [], hits: [], familyNames: {}, recentFamilies: await recentFamilies(ctx, RECENT_FAMILIES) }
    // A two-digit year is placed against the hub's today, as everything else that reads the date.
    const parsed = parseQuery(text, todayIso(core.clock.now()))
    const hits = await redactRestricted(ctx, await findPeople(core.db, parsed, limit, restrictedViewer(ctx)))
    return { understoodAs: parsed.understoodAs, hits, familyNames: await hitFamilyNames(ctx, hits), recentFamilies: [] }
  },
  'people.checkDuplicates': async (input, ctx) => ({
    matches: await redactRestricted(ctx, await findDuplicates(ctx.core.db.manager, input, restrictedViewer(ctx)))
  })
})
