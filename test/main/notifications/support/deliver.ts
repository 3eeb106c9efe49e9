import { request } from 'node:http'
import { pythonJsonDumps } from '../../../../src/shared/notifications/python-json'
import { hmacSignature, SIGNATURE_HEADER } from '../../../../src/shared/notifications/signature'

export interface Delivered {
  status: number
  body: Record<string, unknown>
}

/** A POST as Teak would make it: the body as given, with the signature header when one is given. */
export async function deliver(url: string, body: string, signature?: string): Promise<Delivered> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (signature !== undefined) headers[SIGNATURE_HEADER] = signature
  const response = await fetch(url, { method: 'POST', headers, body })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** The payload as Teak's Python would send it, signed over exactly those bytes. */
export async function signedDelivery(url: string, payload: unknown, secret: string): Promise<Delivered> {
  const body = pythonJsonDumps(payload)
  return deliver(url, body, await hmacSignature(secret, body))
}

/** A body sent in chunks with no Content-Length, so only reading it reveals its size. */
export function deliverChunked(url: string, chunks: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

export function voidPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'ntf_0001',
    event: 'Contract Void',
    created: '2027-03-02T10:00:00.000000Z',
    order_number: 'N-1',
    policy_number: 'FLOOR-POLICY01',
    status: 'Voided',
    currency: 'EUR',
    premium: '4.89',
    refund_amount: '4.89',
    ...overrides
  }
}
