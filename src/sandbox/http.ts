import type { IncomingMessage, ServerResponse } from 'node:http'
import { refuse } from './errors'

/** What a route answers; the server writes it (or withholds it, when a fault says so). */
export interface ApiResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

const MAX_BODY_BYTES = 1024 * 1024

/**
 * The request body as text, or null when the client went away before sending all of it. A body over 1 MiB
 * is no Teak request: its connection is dropped rather than the body buffered.
 */
export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.destroy()
        return null
      }
      chunks.push(chunk)
    }
  } catch {
    return null
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** A JSON object body, or a validation refusal naming what is wrong with it. */
export function parseJsonObject(raw: string): Record<string, unknown> {
  let value: unknown
  try {
    value = raw.trim() === '' ? undefined : JSON.parse(raw)
  } catch {
    throw refuse('validation', 'InvalidJson', 'The request body is not valid JSON.')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw refuse('validation', 'InvalidBody', 'The request body must be a JSON object.')
  }
  return value as Record<string, unknown>
}

export function send(res: ServerResponse, response: ApiResponse): void {
  if (res.destroyed) return
  const headers = { ...response.headers }
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end()
    return
  }
  const payload = JSON.stringify(response.body)
  res
    .writeHead(response.status, {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(payload))
    })
    .end(payload)
}
