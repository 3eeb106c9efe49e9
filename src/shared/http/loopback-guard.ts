/**
 * The guard of every HTTP server Teak Desk runs on 127.0.0.1 (the browser host, the local sandbox) against
 * DNS rebinding and cross-site requests. A page on another site can make the browser send requests to
 * 127.0.0.1, but not with one of our loopback names as Host (a rebound name arrives as itself), nor with
 * our origin as Origin. So: Host must name this machine's loopback with our port, and an Origin, when
 * sent, must be that very origin (a page served by us).
 */
export type LoopbackRefusal = 'host' | 'origin'

export interface RequestAddress {
  host?: string
  origin?: string
}

export function loopbackRefusal(headers: RequestAddress, port: number): LoopbackRefusal | null {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]
  if (headers.host === undefined || !own.includes(headers.host)) return 'host'
  if (headers.origin !== undefined && headers.origin !== `http://${headers.host}`) return 'origin'
  return null
}
