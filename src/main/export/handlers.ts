// The export's channels. The window never names a folder: packages go where IT's machine-wide
// config says (core.exportFolder).
import { defineHandlers } from '../core/router'
import { AppError } from '../core/errors'
import type { CallContext } from '../core/context'
import { folderProblem, localOutcome, startExport } from './exporter'
import { history, lastSucceeded, readRun, runningRun } from './runs'
import { runValidation } from './validation'
import { changedSince } from './changes'

export const exportHandlers = defineHandlers({
  'export.overview': async (_input, ctx) => {
    const last = await lastSucceeded(ctx.core.db, false)
    const [hub] = (await ctx.core.db.query('SELECT export_note_text FROM hub WHERE id = 1', [])) as { export_note_text: number | boolean }[]
    return {
      folder: ctx.core.exportFolder,
      folderProblem: await folderProblem(ctx.core.exportFolder),
      lastSucceeded: last,
      running: await runningRun(ctx.core.db),
      changedSince: await changedSince(ctx.core.db, last?.changeTo ?? null),
      noteText: Boolean(hub?.export_note_text)
    }
  },
  'export.validate': (_input, ctx) => runValidation(ctx.core.db.manager),
  'export.start': async (input, ctx) => {
    const started = await startExport(ctx, { ...input, starter: starterOf(ctx) }, ctx.core.exportFolder)
    // The window follows the run with export.progress; the run records its own failure.
    void started.done
    return started.run
  },
  'export.progress': async (input, ctx) => {
    const run = await readRun(ctx.core.db, input.runId)
    if (!run) throw new AppError('NOT_FOUND', 'There is no such export run.')
    // Ended here, but the database could not be told (exporter.ts): say how it ended.
    return run.status === 'running' ? (localOutcome(ctx, run.id) ?? run) : run
  },
  'export.history': (input, ctx) => history(ctx.core.db, input)
})

function starterOf(ctx: CallContext) {
  return ctx.actor.userId
    ? { userId: ctx.actor.userId, via: 'app' as const, osUser: null }
    : { userId: null, via: 'command-line' as const, osUser: ctx.actor.name.replace(/^cli:/, '') }
}
