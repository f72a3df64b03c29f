// The export's channels (prefix export.): see contract.ts. Managers export; the folder packages go
// to is IT's machine-wide setting, never named by the window.
import { z } from 'zod'
import { channel, type ChannelSpec } from '../channel'
import { exportHistoryInput, exportHistoryOutput, exportOverview, exportProgressInput, exportRun, startExportInput } from './schemas'
import { validationReport } from './validation'

export const exportChannels = {
  'export.overview': channel(z.object({}), exportOverview, 'export.run'),
  /** The validation report over what would be sent: errors block an export, warnings do not. */
  'export.validate': channel(z.object({}), validationReport, 'export.run'),
  /** Starts a run and answers at once; the window follows it with export.progress. */
  'export.start': channel(startExportInput, exportRun, 'export.run'),
  'export.progress': channel(exportProgressInput, exportRun, 'export.run'),
  'export.history': channel(exportHistoryInput, exportHistoryOutput, 'export.run')
} as const satisfies Record<string, ChannelSpec>
