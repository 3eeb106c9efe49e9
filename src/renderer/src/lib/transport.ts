import type { TeakDeskBridge } from '../../../preload/index.d'

/**
 * How the page reaches main: the Electron preload bridge when present, else the browser host over HTTP with
 * the per-launch token (handed over in the URL fragment, kept in sessionStorage so a reload keeps working).
 */
export interface Transport {
  kind: 'electron' | 'browser'
  invoke(method: string, input: unknown): Promise<unknown>
  subscribe(listener: (message: unknown) => void): () => void
}

const TOKEN_KEY = 'teak-desk-token'

export function pickTransport(win: Window = window): Transport {
  if (win.teakDesk) return electronTransport(win.teakDesk)
  return browserTransport(takeToken(win))
}

function electronTransport(bridge: TeakDeskBridge): Transport {
  return { kind: 'electron', invoke: bridge.invoke, subscribe: bridge.subscribe }
}

function takeToken(win: Window): string {
  const match = /(?:^|[#&])token=([^&]+)/.exec(win.location.hash)
  if (match) {
    win.sessionStorage.setItem(TOKEN_KEY, match[1])
    win.history.replaceState(null, '', win.location.pathname + win.location.search)
    return match[1]
  }
  return win.sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function browserTransport(token: string): Transport {
  const headers = { authorization: `Bearer ${token}` }
  return {
    kind: 'browser',
    async invoke(method, input) {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ method, input })
      })
      return response.json()
    },
    subscribe(listener) {
      const controller = new AbortController()
      void readEventStream(headers, controller.signal, listener)
      return () => controller.abort()
    }
  }
}

async function readEventStream(
  headers: Record<string, string>,
  signal: AbortSignal,
  listener: (message: unknown) => void
): Promise<void> {
  while (!signal.aborted) {
    try {
      const response = await fetch('/api/events', { headers, signal })
      if (!response.body) return
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (frame.startsWith('data: ')) listener(JSON.parse(frame.slice(6)))
        }
      }
    } catch {
      if (signal.aborted) return
    }
    // The host restarted or the connection dropped: try again shortly.
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}
