import type { IpcMain, WebContents } from 'electron'
import type { Casebook, Connection } from '../core/casebook'
import type { WindowHost } from '../core/context'
import { INVOKE_CHANNEL } from '../../shared/ipc'
import type { Result } from '../../shared/result'
import { isTrustedSender } from './security'

/**
 * Wires the one IPC channel to the core: a connection per window, the sender checked every call.
 * `hostFor` gives each window's connection what only a window can do (save itself as a PDF).
 */
export function registerIpc(ipcMain: IpcMain, casebook: Casebook, appUrl: string, hostFor?: (contents: WebContents) => WindowHost): void {
  const connections = new WeakMap<WebContents, Connection>()
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame, appUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Casebook window' } }
    }
    let connection = connections.get(event.sender)
    if (!connection) {
      connection = casebook.connect(undefined, hostFor?.(event.sender))
      connections.set(event.sender, connection)
    }
    return connection.invoke(String(channel), input)
  })
}
