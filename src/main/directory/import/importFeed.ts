// directory.import and directory.feed: the feed IT set in the machine-wide config (a web address or
// a JSON file), read and checked whole before one transaction writes it. The window never names a
// URL or a file: the command line may, as IT, by opening the core with its own feed.
import type { CallContext } from '../../core/context'
import { machineConfigPath } from '../../core/config'
import { AppError } from '../../core/errors'
import { applyImport } from './apply'
import { planImport } from './plan'
import { readFeed } from './read'
import { NOTHING_CHANGED } from './source'

export async function importDirectory(_input: unknown, ctx: CallContext) {
  const feed = ctx.core.directoryFeed
  if (!feed) {
    throw new AppError(
      'NOT_FOUND',
      `No directory feed is set up, so there is nothing to import. IT sets it as directoryFeed in the machine-wide config file, ${machineConfigPath()}: the feed’s web address, or the path of a JSON file saved from it. ${NOTHING_CHANGED}`
    )
  }
  const plan = planImport(await readFeed(feed))
  return ctx.core.writes.run((manager) => applyImport(manager, plan, ctx))
}

export async function directoryFeed(_input: unknown, ctx: CallContext) {
  return { feed: ctx.core.directoryFeed, configFile: machineConfigPath() }
}
