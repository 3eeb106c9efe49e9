import { describe, expect, it } from 'vitest'
import { columnLetter } from '../../../src/shared/import/columns'
import { createHeaderScanner, HEADER_MAX_BYTES, type HeaderScan } from '../../../src/shared/import/delimiter'

/** The scan of `text` fed in `pieces` pieces of about equal length, ended when `complete`. */
function scan(text: string, complete = true, pieces = 1): HeaderScan {
  const scanner = createHeaderScanner()
  const size = Math.ceil(text.length / pieces)
  let result: HeaderScan = { state: 'reading' }
  for (let at = 0; at < text.length && result.state === 'reading'; at += size) {
    result = scanner.feed(text.slice(at, at + size))
  }
  return complete ? scanner.end() : result
}

const found = (delimiter: string) => ({ state: 'found', delimiter })

describe('header scan', () => {
  it.each([
    ['order_number,currency,item_cost\n1;2;3;4', ','],
    ['order_number;currency;item_cost\n1,2,3,4', ';'],
    ['order_number\tcurrency\titem_cost\r\n', '\t'],
    ['"order;number","a;b";c,d,e\n', ','],
    ['\r\n  \n,,,,\norder_number;currency\n', ';'],
    ['order_number;currency,item_cost\n', ','],
    ['order_number', ','],
    // A quote inside a cell is a character, as the reader takes it; "" inside quotes is a quote.
    ['order_number,it"em;x;y\n', ';'],
    ['"a"",,\nb";x;y\n', ';'],
    ['""\norder_number;currency\n', ';']
  ])('finds the delimiter of the header in %j, whole or a character at a time', (text, delimiter) => {
    expect(scan(text)).toEqual(found(delimiter))
    expect(scan(text, true, text.length)).toEqual(found(delimiter))
  })

  it('waits for the end of the header record while more text may follow', () => {
    expect(scan('order_number;curr', false)).toEqual({ state: 'reading' })
    expect(scan('"order\nnumber";curr', false)).toEqual({ state: 'reading' })
    expect(scan('"order\nnumber";curr', false, 19)).toEqual({ state: 'reading' })
    expect(scan('\n\norder_number;currency\n', false)).toEqual(found(';'))
  })

  it('refuses a header whose quote is never closed, naming the byte offset of that quote', () => {
    expect(scan('order_number,"currency\nA,USD\n')).toEqual({
      state: 'refused',
      message:
        'The header row is not closed: the quote (") at byte offset 13 opens a cell that is never closed. Close that cell with a second quote (") or remove the quote, and import again.'
    })
    // Offsets are bytes of the file: "é" is two, "❤" three, and a dropped byte-order mark three.
    const scanner = createHeaderScanner(3)
    scanner.feed('é❤,"x')
    expect(scanner.end()).toMatchObject({ message: expect.stringContaining('at byte offset 9 ') })
  })

  it('looks at a 20 MB one-line file once, and no further than the cap', () => {
    const scanner = createHeaderScanner()
    const piece = 'x'.repeat(256 * 1024)
    let pieces = 0
    let result = scanner.feed('"')
    while (result.state === 'reading' && pieces < 80) {
      result = scanner.feed(piece)
      pieces++
    }
    expect(pieces).toBe(1)
    expect(scanner.examined).toBe(HEADER_MAX_BYTES)
    expect(result).toMatchObject({
      state: 'refused',
      message: expect.stringMatching(
        /^The header row is not closed: the quote \("\) at byte offset 0 opens a cell that is not closed within the first 64 KiB of the file\./
      )
    })
    // The verdict stands: later pieces are not looked at.
    expect(scanner.feed(piece)).toBe(result)
    expect(scanner.examined).toBe(HEADER_MAX_BYTES)
  })

  it('refuses a first line that does not end within the cap, and takes one that ends just inside it', () => {
    const columns = (bytes: number) => 'order_number,'.padEnd(bytes, 'x')
    expect(scan(`${columns(HEADER_MAX_BYTES)}\nA\n`)).toEqual({
      state: 'refused',
      message:
        'The header row does not end within the first 64 KiB of the file. The first row must name the columns (see the backlog template).'
    })
    expect(scan(`${columns(HEADER_MAX_BYTES - 1)}\nA\n`)).toEqual(found(','))
  })
})

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA']
  ])('names column %i %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter)
  })
})
