import { describe, expect, it } from 'vitest'
import { parseErrorBody } from '../../../src/main/teak/error-body'
import { isDuplicateOrderAnswer } from '../../../src/main/teak/duplicate-answer'

const said = (status: number, body: unknown) =>
  isDuplicateOrderAnswer(status, parseErrorBody(typeof body === 'string' ? body : JSON.stringify(body)))

describe('recognising "this order number already exists" by meaning', () => {
  it.each([
    ['a bare 409', 409, ''],
    ['DRF unique field (400)', 400, { order_number: ['order with this order number already exists.'] }],
    [
      'DRF unique field, capitalised (422)',
      422,
      { order_number: ['Order with this Order Number already exists.'] }
    ],
    [
      'DRF unique_together',
      400,
      { non_field_errors: ['The fields client, order_number must make a unique set.'] }
    ],
    ['DRF field must be unique', 400, { order_number: ['This field must be unique.'] }],
    ['legacy reason only', 400, { error: { errors: [{ reason: 'DuplicateOrderNumber' }] } }],
    [
      'legacy message',
      422,
      { error: { errors: [{ reason: 'ValidationError', message: 'Duplicate order number.' }] } }
    ],
    ['already been submitted', 400, { detail: 'Order number ORD-7 has already been submitted.' }],
    ['already exists, in message', 400, { message: 'An order with order_number "ORD-7" already exists' }],
    ['already in use', 400, { detail: 'Order # ORD-7 is already in use.' }],
    ['duplicate_order code text', 400, { error: 'duplicate_order_number' }],
    ['database wording', 400, "Duplicate entry 'ORD-7' for key 'order_number'"],
    ['plain text', 422, 'order number already exists']
  ])('%s', (_label, status, body) => {
    expect(said(status, body)).toBe(true)
  })

  it.each([
    ['a validation error on the cost', 400, { items: [{ cost: ['A valid number is required.'] }] }],
    ['an unknown 400', 400, { detail: 'Bad request.' }],
    ['an order not found', 404, { detail: 'Order not found.' }],
    ['a server error mentioning duplicates', 500, { detail: 'Duplicate order number.' }],
    ['a success', 201, { order_number: 'already exists' }],
    ['an expired quote token', 400, { token: ['The quote token has already expired.'] }]
  ])('not: %s', (_label, status, body) => {
    expect(said(status, body)).toBe(false)
  })
})
