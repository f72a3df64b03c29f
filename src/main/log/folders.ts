// Where the log goes: the machine-wide config's logFolder when IT set one, else a folder per OS that
// IT knows to look in. On Windows that is machine-wide (ProgramData), so one file holds what every
// user's app and every scheduled command did; where a user cannot write there (the folder was made by
// another account and IT did not open it to users), that user's own local folder is the next choice.
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

/** The folders to try, in order: IT's folder alone when set (a folder IT chose is never quietly replaced). */
export function logFolders(configured: string | null, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (configured) return [configured]
  if (platform === 'win32') {
    const home = env.USERPROFILE ?? homedir()
    return [
      win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Casebook', 'Logs'),
      win32.join(env.LOCALAPPDATA ?? win32.join(home, 'AppData', 'Local'), 'Casebook', 'Logs')
    ]
  }
  if (platform === 'darwin') return [posix.join(homedir(), 'Library', 'Logs', 'Casebook')]
  return [posix.join(env.XDG_STATE_HOME || posix.join(homedir(), '.local', 'state'), 'casebook', 'logs')]
}
