/** IPC channel names shared by main and the preload (bundled into it; no runtime import). */
export const INVOKE_CHANNEL = 'teak-desk:invoke'
export const EVENT_CHANNEL = 'teak-desk:event'
