import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/contract/channels'

// The page gets exactly two functions. Method names and payloads are checked in main (the dispatcher), so
// the preload stays a pipe.
contextBridge.exposeInMainWorld('teakDesk', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  subscribe: (listener: (message: unknown) => void) => {
    const forward = (_event: IpcRendererEvent, message: unknown) => listener(message)
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward)
    }
  }
})
