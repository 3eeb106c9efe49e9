import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../../src/sandbox'
import { waitFor } from '../support/wait-for'
import { exampleOrder, startTestSandbox, type Partner } from './support'

/** `hold`: the latch tests use to act while calls are in flight, instead of hoping a moment is long enough. */
describe('holding calls', () => {
  let sandbox: RunningSandbox
  let partner: Partner

  beforeAll(async () => ({ sandbox, partner } = await startTestSandbox()))
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  it('answers the next `after` calls, holds later ones with their request read, and lets them go on release', async () => {
    const hold = sandbox.hold(1)
    const token = await partner.token()
    expect(token).toMatch(/\./)
    const creating = partner.call('POST', '/api/v2/orders', exampleOrder())
    await waitFor('the token call to be held', () => hold.held().length === 1)
    expect(hold.held()).toEqual([{ method: 'POST', path: '/api/v2/auth/token/' }])
    expect(sandbox.requests()).toHaveLength(1)

    hold.release()
    expect((await creating).status).toBe(201)
    expect(hold.held()).toEqual([])
    expect(sandbox.requests().map((r) => r.path)).toEqual([
      '/api/v2/auth/token/',
      '/api/v2/auth/token/',
      '/api/v2/orders'
    ])
  })

  it('lets held calls go on reset', async () => {
    const hold = sandbox.hold()
    const minting = partner.token()
    await waitFor('the call to be held', () => hold.held().length === 1)
    sandbox.reset()
    expect(await minting).toMatch(/\./)
    expect(hold.held()).toEqual([])
  })
})
