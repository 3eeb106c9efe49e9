import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TeakOrder } from '../../src/shared/teak/responses'
import { DEMO_KEYS, startSandbox } from '../../src/sandbox'
import { makeTempDir } from '../support/temp-dir'
import { waitFor } from '../support/wait-for'
import { exampleOrder, Partner } from './support'

/** The `stateFile` option: orders survive a restart; writes are atomic and off the request path. */
describe('state file', () => {
  let dir: ReturnType<typeof makeTempDir>
  let stateFile: string

  beforeEach(() => {
    dir = makeTempDir('teak-sandbox-state-')
    stateFile = join(dir.path, 'sandbox-state.json')
  })
  afterEach(() => dir.remove())

  it('keeps orders and policy states across a restart', async () => {
    const first = await startSandbox({ stateFile })
    const created = (await new Partner(first).call<TeakOrder>('POST', '/api/v2/orders', exampleOrder())).body
    await new Partner(first).call('PUT', `/api/v2/policies/${created.policies[0].policy_number}`)
    const saved = first.orders()
    await first.close()
    expect(readdirSync(dir.path)).toEqual(['sandbox-state.json'])

    const second = await startSandbox({ stateFile })
    try {
      expect(second.orders()).toEqual(saved)
      const partner = new Partner(second)
      expect((await partner.call('POST', '/api/v2/orders', exampleOrder())).status).toBe(409)
      expect(
        (await partner.call('PUT', `/api/v2/policies/${created.policies[0].policy_number}`)).status
      ).toBe(409)
      expect(
        (await partner.call('PUT', `/api/v2/policies/${created.policies[1].policy_number_new}/cancel`)).status
      ).toBe(200)
      const patched = await partner.call('PATCH', `/api/v2/orders/${created.protecht_order_id}/`, {
        items: [{ name: 'New', old_reference_number: 'test-item-1', reference_number: 'new', cost: '1' }]
      })
      expect(patched.status).toBe(409)
    } finally {
      await second.close()
    }
  })

  it('writes shortly after a change, without waiting for close, and holds no keys or tokens', async () => {
    const sandbox = await startSandbox({ stateFile })
    try {
      const partner = new Partner(sandbox)
      const token = await partner.token()
      await partner.call('POST', '/api/v2/orders', exampleOrder())
      await waitFor('the state file to be written', () => existsSync(stateFile))
      const text = readFileSync(stateFile, 'utf8')
      expect(JSON.parse(text)).toMatchObject({
        version: 1,
        orders: [{ order_number: 'order-number-in-my-system-01' }]
      })
      expect(text).not.toContain(DEMO_KEYS.secretKey)
      expect(text).not.toContain(token)
    } finally {
      await sandbox.close()
    }
  })

  it('saves the emptied state after a reset', async () => {
    const sandbox = await startSandbox({ stateFile })
    await new Partner(sandbox).call('POST', '/api/v2/orders', exampleOrder())
    sandbox.reset()
    await sandbox.close()
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ version: 1, orders: [] })
  })

  it('refuses to start on a file that is not a sandbox state file, and leaves it alone', async () => {
    writeFileSync(stateFile, '{"something": "else"}')
    await expect(startSandbox({ stateFile })).rejects.toThrow(/not a Teak sandbox state file/)
    writeFileSync(stateFile, '{broken')
    await expect(startSandbox({ stateFile })).rejects.toThrow(/not valid JSON/)
    expect(readFileSync(stateFile, 'utf8')).toBe('{broken')
  })
})
