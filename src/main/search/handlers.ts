import { defineHandlers } from '../core/router'
import { findPeople } from './searchIndex'
import { parseQuery } from './parseQuery'
import { findDuplicates } from './duplicates'

export const searchHandlers = defineHandlers({
  'people.search': async ({ text, limit }, { core }) => {
    const parsed = parseQuery(text)
    return { understoodAs: parsed.understoodAs, hits: await findPeople(core.db, parsed, limit) }
  },
  'people.checkDuplicates': async (input, { core }) => ({ matches: await findDuplicates(core.db, input) })
})
