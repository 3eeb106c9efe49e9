import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/contract'
import { createApi } from '../../src/renderer/src/lib/api'
import type { Transport } from '../../src/renderer/src/lib/transport'

function transportAnswering(answer: unknown, sent: unknown[] = []): Transport {
  let listener: ((m: unknown) => void) | undefined
  return {
    kind: 'browser',
    invoke: async (method, input) => {
      sent.push({ method, input })
      return answer
    },
    subscribe: (l) => {
      listener = l
      return () => (listener = undefined)
    },
    // test hook: deliver an event as main would
    ...{ deliver: (m: unknown) => listener?.(m) }
  } as Transport
}

describe('renderer side of the contract', () => {
  it('refuses invalid input before it leaves the page', async () => {
    const sent: unknown[] = []
    const api = createApi(transportAnswering({ ok: true, data: {} }, sent))
    await expect(api.call('app.ping', { message: 7 as unknown as string })).rejects.toMatchObject({
      code: 'invalid_input'
    })
    expect(sent).toEqual([])
  })

  it('refuses output that does not match the contract', async () => {
    const api = createApi(transportAnswering({ ok: true, data: { pong: false } }))
    await expect(api.call('app.ping', {})).rejects.toMatchObject({ code: 'invalid_output' })
  })

  it('returns parsed output and rethrows typed errors with their code', async () => {
    const ok = createApi(transportAnswering({ ok: true, data: { pong: true, at: 'now' } }))
    expect(await ok.call('app.ping', {})).toEqual({ pong: true, at: 'now' })
    const failing = createApi(transportAnswering({ ok: false, error: { code: 'forbidden', message: 'No.' } }))
    const error = await failing.call('app.ping', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'forbidden', message: 'No.' })
  })

  it('delivers only well-formed events of the requested name', () => {
    const transport = transportAnswering(null) as Transport & { deliver(m: unknown): void }
    const api = createApi(transport)
    const seen: unknown[] = []
    api.on('app.notice', (p) => seen.push(p))
    transport.deliver({ name: 'app.notice', payload: { level: 'info', message: 'hi' } })
    transport.deliver({ name: 'app.notice', payload: { level: 'loud', message: 'bad' } })
    transport.deliver({ name: 'other', payload: {} })
    expect(seen).toEqual([{ level: 'info', message: 'hi' }])
  })
})
