import { describe, expect, it } from 'vitest'
import { parseErrorBody } from '../../../src/main/teak/error-body'

describe('parseErrorBody', () => {
  it('reads the legacy shape, with and without a field', () => {
    const body = JSON.stringify({
      error: {
        errors: [
          { reason: 'ValidationError', message: 'Cost is not valid.', field: 'items[0].cost' },
          { reason: 'ValidationError', message: 'Cost must be positive.', field: 'items[0].cost' },
          { reason: 'DuplicateOrderNumber', message: 'Order number already used.' },
          { reason: 'NoMessage' }
        ]
      }
    })
    expect(parseErrorBody(body)).toEqual({
      messages: ['Order number already used.', 'NoMessage'],
      fieldErrors: { 'items[0].cost': ['Cost is not valid.', 'Cost must be positive.'] }
    })
  })

  it('reads the DRF {field: [messages]} shape, nested into items[n].field keys', () => {
    const body = JSON.stringify({
      order_number: ['This field is required.'],
      items: [{}, { cost: ['A valid number is required.'], event: { start_date: ['Wrong format.'] } }],
      non_field_errors: ['Something about the whole order.']
    })
    expect(parseErrorBody(body)).toEqual({
      messages: ['Something about the whole order.'],
      fieldErrors: {
        order_number: ['This field is required.'],
        'items[1].cost': ['A valid number is required.'],
        'items[1].event.start_date': ['Wrong format.']
      }
    })
  })

  it('reads DRF detail bodies as general messages and skips machine codes', () => {
    expect(
      parseErrorBody('{"detail":"Given token not valid for any token type","code":"token_not_valid"}')
    ).toEqual({
      messages: ['Given token not valid for any token type']
    })
    expect(parseErrorBody('["First problem.","Second problem."]')).toEqual({
      messages: ['First problem.', 'Second problem.']
    })
    expect(parseErrorBody('{"message":"Not allowed"}')).toEqual({ messages: ['Not allowed'] })
  })

  it('reads plain text and HTML error pages as one short message', () => {
    expect(parseErrorBody('Internal Server Error')).toEqual({ messages: ['Internal Server Error'] })
    expect(
      parseErrorBody(
        '<html><head><style>p{}</style><title>502</title></head><body><h1>Bad   Gateway</h1></body></html>'
      )
    ).toEqual({ messages: ['502 Bad Gateway'] })
    const long = parseErrorBody('x'.repeat(1000)).messages[0]
    expect(long).toHaveLength(301)
    expect(long.endsWith('…')).toBe(true)
  })

  it('has nothing to say about an empty body', () => {
    expect(parseErrorBody('')).toEqual({ messages: [] })
    expect(parseErrorBody('  \n')).toEqual({ messages: [] })
  })
})
