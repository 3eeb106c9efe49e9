import { describe, expect, it } from 'vitest'
import { columnLetter } from '../../../src/shared/import/columns'
import { detectDelimiter } from '../../../src/shared/import/delimiter'

describe('detectDelimiter', () => {
  it.each([
    ['order_number,currency,item_cost\n1;2;3;4', ','],
    ['order_number;currency;item_cost\n1,2,3,4', ';'],
    ['order_number\tcurrency\titem_cost\r\n', '\t'],
    ['"order;number","a;b";c,d,e\n', ','],
    ['\r\n  \n,,,,\norder_number;currency\n', ';'],
    ['order_number;currency,item_cost\n', ','],
    ['order_number', ',']
  ])('finds the delimiter of the header in %j', (text, delimiter) => {
    expect(detectDelimiter(text, true)).toBe(delimiter)
  })

  it('waits for the end of the header record while more text may follow', () => {
    expect(detectDelimiter('order_number;curr', false)).toBeNull()
    expect(detectDelimiter('"order\nnumber";curr', false)).toBeNull()
    expect(detectDelimiter('\n\norder_number;currency\n', false)).toBe(';')
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
