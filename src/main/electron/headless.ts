// The installed app's own executable runs the command line's commands without opening a window
// (`Casebook.exe export --full`), so that Windows Task Scheduler can call it on a managed desktop
// where there is no npm. Electron's RunAsNode fuse stays off: these are Casebook's commands only,
// parsed by the same main() as `npm run casebook`, and nothing else is run.
import { CLI_OPTIONS } from '../cli/options'

/**
 * The command line's commands (src/main/cli/index.ts) that an installed app runs. Not `seed`: made-up
 * families have no place in a hub's real database, so only a development copy (npm) makes them.
 */
const HEADLESS_COMMANDS = ['init', 'search', 'audit', 'directory', 'export', 'backup', 'restore', 'migrate', 'move-to-postgres'] as const

/** The command line's options that take a value (the value may look like anything, a command included). */
const VALUE_OPTIONS = new Set(
  Object.entries(CLI_OPTIONS)
    .filter(([, option]) => option.type === 'string')
    .map(([name]) => `--${name}`)
)

/**
 * The command line's arguments when the app was started to run one of its commands, else null.
 * A packaged app's arguments follow the executable; `electron .` in development puts the app's
 * folder first. Chromium's own switches (--inspect, --enable-logging...) are not commands.
 */
export function headlessArguments(argv: readonly string[], packaged: boolean): string[] | null {
  const args = argv.slice(packaged ? 1 : 2)
  let first: string | undefined
  for (let i = 0; i < args.length && first === undefined; i++) {
    const arg = args[i]!
    if (VALUE_OPTIONS.has(arg)) i++
    else if (!arg.startsWith('-')) first = arg
  }
  return first && (HEADLESS_COMMANDS as readonly string[]).includes(first) ? [...args] : null
}
