/** What the preload exposes to the page (see src/preload/index.ts). */
export interface TeakDeskBridge {
  invoke(method: string, input: unknown): Promise<unknown>
  subscribe(listener: (message: unknown) => void): () => void
}

declare global {
  interface Window {
    teakDesk?: TeakDeskBridge
  }
}
