import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/contract'
import { createDispatcher, type Handlers } from '../../../src/main/contract/dispatcher'

function dispatcherWith(overrides: Partial<Handlers>, onInternalError?: (m: string, e: unknown) => void) {
  const handlers = {
    'app.info': () => ({
      name: 'Teak Desk',
      version: '1.2.3',
      dataDir: '/tmp/x',
      host: 'browser',
      environments: [],
      selectedEnvironment: 'local'
    }),
    'app.ping': ({ message }: { message?: string }) => ({
      pong: true,
      echo: message,
      at: '2026-01-01T00:00:00Z'
    }),
    ...overrides
  } as Handlers
  return createDispatcher(handlers, { onInternalError })
}

describe('contract dispatcher', () => {
  it('runs a handler with parsed input and returns its parsed output', async () => {
    const result = await dispatcherWith({})('app.ping', { message: 'hello' })
    expect(result).toEqual({ ok: true, data: { pong: true, echo: 'hello', at: '2026-01-01T00:00:00Z' } })
  })

  it('refuses input that does not match the schema, naming the field, without calling the handler', async () => {
    let called = false
    const dispatch = dispatcherWith({
      'app.ping': () => {
        called = true
        return { pong: true, at: 'now' }
      }
    })
    const result = await dispatch('app.ping', { message: 42 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.details).toMatchObject({ issues: [{ path: ['message'] }] })
    expect(called).toBe(false)
  })

  it('refuses unexpected extra input fields (strict schemas)', async () => {
    const result = await dispatcherWith({})('app.info', { sneaky: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('refuses unknown methods, including prototype names', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await dispatcherWith({})(name, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_method' }
      })
    }
  })

  it('parses the output too: a handler returning the wrong shape is reported, not passed on', async () => {
    const seen: string[] = []
    const dispatch = dispatcherWith({ 'app.ping': () => ({ pong: 'yes' }) as never }, (m) => seen.push(m))
    const result = await dispatch('app.ping', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_output' } })
    expect(seen).toEqual(['app.ping'])
  })

  it('passes typed errors through as {code, message, details}', async () => {
    const dispatch = dispatcherWith({
      'app.ping': () => {
        throw new AppError('not_found', 'No such thing.', { id: 7 })
      }
    })
    expect(await dispatch('app.ping', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such thing.', details: { id: 7 } }
    })
  })

  it('never lets a raw error or stack cross the boundary', async () => {
    const logged: unknown[] = []
    const dispatch = dispatcherWith(
      {
        'app.ping': () => {
          throw new Error('database exploded at /secret/path/file.ts:12')
        }
      },
      (_m, e) => logged.push(e)
    )
    const result = await dispatch('app.ping', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('exploded')
    expect(JSON.stringify(result)).not.toContain('file.ts')
    expect(logged).toHaveLength(1)
  })
})
