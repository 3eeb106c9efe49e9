import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseBacklogFile, READ_SIZE } from '../../../../src/main/import/parse/parse-backlog-file'
import { parseBacklog } from '../../../../src/shared/import/parse-backlog'
import { backlogCsv } from '../../../shared/import/csv-fixtures'

const dir = mkdtempSync(join(tmpdir(), 'teak-backlog-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let files = 0
function file(content: string | Uint8Array): string {
  const path = join(dir, `backlog-${++files}.csv`)
  writeFileSync(path, content)
  return path
}

/** Enough rows to span several reads, with multi-byte text and quoted line breaks among them. */
function bigBacklog(orderCount: number, itemsPerOrder: number): string {
  const rows = []
  for (let o = 0; o < orderCount; o++) {
    for (let i = 0; i < itemsPerOrder; i++) {
      rows.push({
        order_number: `ORD-${o}`,
        item_name: i === 1 ? `Crème brûlée ${o}\n“VIP” ❤` : `Crème ${i}`,
        item_reference_number: `R-${o}-${i}`,
        item_cost: `${10 + i}.50`
      })
    }
  }
  return backlogCsv(rows, { delimiter: ';', eol: '\r\n' })
}

describe('parseBacklogFile', () => {
  it('streams a file to the same result as reading it whole', async () => {
    const body = bigBacklog(600, 3)
    // Leading blank lines (allowed) shift the text so that the first read ends inside a character.
    const bytes = Buffer.from(body)
    const shift = [...Array(1000).keys()].find((k) => (bytes[READ_SIZE - k] & 0xc0) === 0x80)!
    const csv = '\n'.repeat(shift) + body
    expect(Buffer.from(csv)[READ_SIZE] & 0xc0).toBe(0x80)
    expect(csv.length).toBeGreaterThan(READ_SIZE)
    const result = await parseBacklogFile(file(csv))
    expect(result).toEqual(parseBacklog(csv))
    expect(result.rowCount).toBe(1800)
    expect(result.orders.every((o) => o.errors.length === 0)).toBe(true)
    expect(result.orders[599].request?.items[1].name).toBe('Crème brûlée 599\n“VIP” ❤')
    expect(result.orders[0].rows).toEqual([shift + 2, shift + 3, shift + 4])
  })

  it('gathers scattered orders with a second reading', async () => {
    const csv = backlogCsv([
      { order_number: 'A' },
      { order_number: 'B', item_reference_number: 'T-2' },
      { order_number: 'A', item_reference_number: 'T-3', customer_email: 'other@example.com' }
    ])
    const result = await parseBacklogFile(file(csv))
    expect(result.orders.map((o) => [o.orderNumber, o.rows, o.errors.map((e) => [e.row, e.column])])).toEqual(
      [
        ['A', [2, 4], [[4, 'customer_email']]],
        ['B', [3], []]
      ]
    )
  })

  it('reads the shipped template', async () => {
    const template = new URL('../../../../resources/backlog-template.csv', import.meta.url)
    const result = await parseBacklogFile(template.pathname)
    expect(result).toEqual(parseBacklog(readFileSync(template)))
    expect(result.orders.map((o) => o.errors)).toEqual([[], []])
  })

  it.each([
    ['Latin-1', Buffer.from(backlogCsv([{ item_name: 'Café' }]), 'latin1'), /^This file is not UTF-8 text/],
    ['UTF-16', Buffer.from('\ufeff' + backlogCsv([{}]), 'utf16le'), /^This file is UTF-16/]
  ])('refuses %s with the message of the whole-file reader', async (_, bytes, message) => {
    const result = await parseBacklogFile(file(bytes))
    expect(result.fileErrors).toEqual(parseBacklog(bytes).fileErrors)
    expect(result.fileErrors[0]).toMatch(message)
    expect(result.orders).toEqual([])
  })

  it('refuses a file that turns out not to be UTF-8 deep inside, reporting no order', async () => {
    const bytes = Buffer.concat([
      Buffer.from(bigBacklog(600, 3)),
      Buffer.from('ORD-X;USD;caf\xe9\r\n', 'latin1')
    ])
    const result = await parseBacklogFile(file(bytes))
    expect(result.fileErrors).toEqual([expect.stringMatching(/^This file is not UTF-8 text/)])
    expect(result.orders).toEqual([])
  })

  it('refuses a header whose quote never closes, with the byte offset of that quote in the file', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`"${backlogCsv([{}])}`)])
    const result = await parseBacklogFile(file(bytes))
    expect(result).toEqual(parseBacklog(bytes))
    expect(result.fileErrors).toEqual([
      'The header row is not closed: the quote (") at byte offset 3 opens a cell that is never closed. Close that cell with a second quote (") or remove the quote, and import again.'
    ])
    expect(result.orders).toEqual([])
  })

  it('stops reading a 20 MB one-line file whose first quote never closes once the header cap is passed', async () => {
    // The last byte is not UTF-8: a reader that went on to the end would say so instead.
    const line = `"${'x'.repeat(20 * 1024 * 1024)}`
    const result = await parseBacklogFile(file(Buffer.concat([Buffer.from(line), Buffer.from([0xff])])))
    const message = expect.stringMatching(
      /^The header row is not closed: the quote \("\) at byte offset 0 opens a cell that is not closed within the first 64 KiB of the file\./
    )
    expect(result.fileErrors).toEqual([message])
    expect(parseBacklog(line).fileErrors).toEqual([message])
  })

  it('reports an empty file', async () => {
    expect((await parseBacklogFile(file(''))).fileErrors).toEqual([
      'The file is empty: it needs a header row and at least one order row.'
    ])
  })

  it('rejects when the file cannot be read', async () => {
    await expect(parseBacklogFile(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
