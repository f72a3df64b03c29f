// The log of this process, as the app's entry (../index.ts) and the command line (../cli/index.ts)
// build it: a file log (./fileLog) in the machine-wide log folder (./folders), and its first line.
import { machineSettings } from '../core/config'
import { openFileLog, type FileLog, type ProcessKind } from './fileLog'
import { logFolders } from './folders'
import type { Log, LogValue } from './log'
import { version } from '../../../package.json'

/** The machine-wide config's logFolder; null when unset, or when the config cannot be read (opening says why, in its own words). */
function configuredLogFolder(): string | null {
  try {
    return machineSettings().logFolder
  } catch {
    return null
  }
}

export function openMachineLog(kind: ProcessKind, configured: string | null = configuredLogFolder()): FileLog {
  return openFileLog({ folders: logFolders(configured), process: kind })
}

/** The first line of a process's log: which Casebook, on what. */
export function logStarted(log: Log, runtime: Record<string, LogValue> = {}): void {
  log.info('casebook.started', { version, platform: process.platform, arch: process.arch, ...runtime })
}
