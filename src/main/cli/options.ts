// The command line's options, as parseArgs takes them: read by the command line (./index) and by the
// app's entry, which must tell a command's option values from the command (../electron/headless).
import type { ParseArgsConfig } from 'node:util'

export const CLI_OPTIONS = {
  db: { type: 'string' },
  'hub-name': { type: 'string' },
  'hub-code': { type: 'string' },
  'la-code': { type: 'string' },
  families: { type: 'string' },
  seed: { type: 'string' },
  file: { type: 'string' },
  url: { type: 'string' },
  full: { type: 'boolean' },
  pseudonymised: { type: 'boolean' },
  out: { type: 'string' },
  'key-file': { type: 'string' },
  to: { type: 'string' },
  postgres: { type: 'boolean' },
  owner: { type: 'string' },
  'owner-password-env': { type: 'string' },
  'owner-password-file': { type: 'string' },
  from: { type: 'string' },
  'ca-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies ParseArgsConfig['options']
