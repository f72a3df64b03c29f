// The whole bridge between the page and the app: window.casebook.invoke, nothing else. The page
// never sees ipcRenderer; the main process checks the sender and validates every input.
import { contextBridge, ipcRenderer } from 'electron'
import type { CasebookApi } from '../shared/contract'
import { INVOKE_CHANNEL } from '../shared/ipc'

const api = {
  invoke: (channel, input) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input)
} satisfies CasebookApi

contextBridge.exposeInMainWorld('casebook', api)
