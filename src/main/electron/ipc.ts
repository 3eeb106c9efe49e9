import type { BrowserWindow, IpcMain } from 'electron'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/contract/channels'
import { AppError } from '../../shared/contract'
import type { Dispatch } from '../contract/dispatcher'
import { isTrustedSender, type TrustedOrigins } from '../contract/sender'
import type { EventBus } from '../event-bus'

/** Binds the contract to Electron IPC: one invoke channel, sender checked, then the shared dispatcher. */
export function bindContractIpc(ipcMain: IpcMain, dispatch: Dispatch, trusted: TrustedOrigins): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, trusted)) {
      return {
        ok: false,
        error: new AppError('forbidden', 'This call did not come from the Teak Desk window.').toShape()
      }
    }
    return dispatch(typeof method === 'string' ? method : '', input)
  })
  return () => ipcMain.removeHandler(INVOKE_CHANNEL)
}

/** Forwards contract events to the window while it lives. */
export function forwardEvents(events: EventBus, window: BrowserWindow): void {
  const unsubscribe = events.subscribe((message) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, message)
  })
  window.on('closed', unsubscribe)
}
