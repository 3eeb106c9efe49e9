import { describe, expect, it } from 'vitest'
import { readBacklog } from '../../../src/renderer/src/lib/import/read-backlog'

function file(name: string, bytes: Uint8Array | string, size?: number) {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes
  return { name, size: size ?? data.length, arrayBuffer: async () => data.buffer as ArrayBuffer }
}

describe('reading the chosen backlog file', () => {
  it('reads UTF-8 text, dropping a byte-order mark', async () => {
    expect(await readBacklog(file('a.csv', '\ufefforder_number\nÅ-1\n'))).toEqual({
      ok: true,
      text: 'order_number\nÅ-1\n'
    })
  })

  it('refuses a Windows-1252 file instead of garbling its names', async () => {
    const reading = await readBacklog(file('latin.csv', new Uint8Array([0x43, 0x61, 0x66, 0xe9])))
    expect(reading).toMatchObject({ ok: false, problem: expect.stringContaining('not UTF-8') })
  })

  it('refuses a file over 50 MB before reading it, and an empty one', async () => {
    const huge = {
      name: 'huge.csv',
      size: 60 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error('read'))
    }
    expect(await readBacklog(huge)).toEqual({
      ok: false,
      problem: 'huge.csv is 60 MB; the limit is 50 MB. Split it into smaller files.'
    })
    expect(await readBacklog(file('empty.csv', ''))).toEqual({ ok: false, problem: 'empty.csv is empty.' })
  })
})
