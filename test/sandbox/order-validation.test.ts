import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CURRENCY_CODES } from '../../src/shared/teak/currencies'
import type { TeakOrder } from '../../src/shared/teak/responses'
import type { RunningSandbox } from '../../src/sandbox'
import { DOCS_SAMPLE_TOKEN, errorsOf, exampleOrder, startTestSandbox, type Partner } from './support'

/** One test per field rule of contract-notes §4 (ODET, ITEMS), against the sandbox's own server-side checks. */
describe('POST /api/v2/orders field rules', () => {
  let sandbox: RunningSandbox
  let partner: Partner
  let serial = 0

  beforeAll(async () => ({ sandbox, partner } = await startTestSandbox()))
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  /** The docs' example order with `changes` applied: each key a dotted path ("items.0.cost"); undefined deletes. */
  const order = (changes: Record<string, unknown> = {}) => {
    const body: Record<string, unknown> = exampleOrder(`order-${++serial}`)
    for (const [path, value] of Object.entries(changes)) {
      const keys = path.split('.')
      const last = keys.pop() as string
      const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, body)
      if (value === undefined) delete parent[last]
      else parent[last] = value
    }
    return body
  }
  const item = (fields: Record<string, unknown>) => ({
    name: 'Ticket',
    reference_number: 'ticket-1',
    cost: '50',
    ...fields
  })
  const withItem = (fields: Record<string, unknown>) => order({ items: [item(fields)] })
  const create = (body: unknown) => partner.call<TeakOrder>('POST', '/api/v2/orders', body)

  /** The errors of a refused body, which must have stored nothing. */
  async function refusal(body: unknown) {
    const stored = sandbox.orders().length
    const reply = await create(body)
    expect(reply.status).toBe(400)
    expect(sandbox.orders()).toHaveLength(stored)
    return errorsOf(reply)
  }

  it('accepts the full example request of the docs (§4.6) with an opt-in quote token', async () => {
    const token = sandbox.mintQuoteToken({ opt_in: true })
    const reply = await create({ token, ...exampleOrder() })
    expect(reply.status).toBe(201)
    expect(reply.body.order_number).toBe('order-number-in-my-system-01')
    expect(reply.body.items.map((i) => i.cost)).toEqual(['50.00', '100.00'])
  })

  it("refuses the docs' sample quote token: only tokens minted by the sandbox are valid", async () => {
    const reply = await create({ token: DOCS_SAMPLE_TOKEN, ...exampleOrder() })
    expect(reply.status).toBe(400)
    expect(errorsOf(reply)).toEqual([
      expect.objectContaining({ reason: 'InvalidQuoteToken', field: 'token' })
    ])
  })

  it('requires order_number', async () => {
    expect(await refusal(order({ order_number: undefined }))).toEqual([
      { reason: 'Required', field: 'order_number', message: 'order_number is required.' }
    ])
  })

  it('allows order_number up to 255 characters', async () => {
    expect((await create(order({ order_number: 'n'.repeat(255) }))).status).toBe(201)
    expect(await refusal(order({ order_number: 'n'.repeat(256) }))).toEqual([
      {
        reason: 'TooLong',
        field: 'order_number',
        message: 'order_number is 256 characters long; at most 255 are allowed.'
      }
    ])
  })

  it('requires currency', async () => {
    expect(await refusal(order({ currency: undefined }))).toEqual([
      expect.objectContaining({ reason: 'Required', field: 'currency' })
    ])
  })

  it('accepts each of the 25 documented currencies and nothing else', async () => {
    for (const currency of CURRENCY_CODES) {
      const reply = await create(order({ currency }))
      expect(reply.status, currency).toBe(201)
      expect(reply.body.currency).toBe(currency)
    }
    for (const currency of ['XYZ', 'usd']) {
      const errors = await refusal(order({ currency }))
      expect(errors).toEqual([expect.objectContaining({ reason: 'InvalidCurrency', field: 'currency' })])
      expect(errors[0].message).toContain('USD, CAD, EUR')
    }
  })

  it('requires at least one item', async () => {
    expect(await refusal(order({ items: undefined }))).toEqual([
      expect.objectContaining({ reason: 'Required', field: 'items' })
    ])
    expect(await refusal(order({ items: [] }))).toEqual([
      { reason: 'Required', field: 'items', message: 'items needs at least one item.' }
    ])
  })

  it('allows item name and reference_number up to 255 characters', async () => {
    expect(
      (await create(withItem({ name: 'n'.repeat(255), reference_number: 'r'.repeat(255) }))).status
    ).toBe(201)
    const errors = await refusal(withItem({ name: 'n'.repeat(256), reference_number: 'r'.repeat(256) }))
    expect(errors.map((e) => [e.reason, e.field])).toEqual([
      ['TooLong', 'items[0].name'],
      ['TooLong', 'items[0].reference_number']
    ])
  })

  it('requires item name and reference_number (assumption requiredItemFields) and always the cost', async () => {
    const errors = await refusal(order({ items: [{}] }))
    expect(errors.map((e) => [e.reason, e.field])).toEqual([
      ['Required', 'items[0].name'],
      ['Required', 'items[0].reference_number'],
      ['Required', 'items[0].cost']
    ])
    sandbox.setAssumptions({ requiredItemFields: [] })
    expect((await create(order({ items: [{ cost: '5' }] }))).status).toBe(201)
  })

  it('accepts the valid costs of the guide: "12", "1234.99", "123,99"', async () => {
    const items = ['12', '1234.99', '123,99'].map((cost, i) => item({ cost, reference_number: `r${i}` }))
    const reply = await create(order({ items }))
    expect(reply.status).toBe(201)
    expect(reply.body.items.map((i) => i.cost)).toEqual(['12.00', '1234.99', '123.99'])
  })

  it('reads "1,234" as 1.234, as Teak does (the comma is a decimal separator)', async () => {
    const reply = await create(withItem({ cost: '1,234' }))
    expect(reply.status).toBe(201)
    expect(reply.body.items[0].cost).toBe('1.23')
    expect(reply.body.policies[0].premium).toBe('0.10')
  })

  it('refuses the invalid cost of the guide, "1,234.99", and other non-costs', async () => {
    for (const cost of ['1,234.99', '1.234.5', '12a', '-5', ' 5', '']) {
      const reason = cost === '' ? 'Required' : 'InvalidCost'
      expect(await refusal(withItem({ cost })), cost).toEqual([
        expect.objectContaining({ reason, field: 'items[0].cost' })
      ])
    }
  })

  it('refuses a cost given as a JSON number: the field is a string', async () => {
    expect(await refusal(withItem({ cost: 50 }))).toEqual([
      { reason: 'InvalidType', field: 'items[0].cost', message: 'items[0].cost must be a string.' }
    ])
  })

  it('allows a cost of at most 12 characters', async () => {
    expect((await create(withItem({ cost: '123456789.01' }))).status).toBe(201)
    expect(await refusal(withItem({ cost: '1234567890.01' }))).toEqual([
      expect.objectContaining({ reason: 'TooLong', field: 'items[0].cost' })
    ])
  })

  it('allows event name and location up to 255 characters, on the order and on items', async () => {
    const event = { name: 'n'.repeat(256), start_date: '2027-12-24', location: 'l'.repeat(256) }
    const errors = await refusal(order({ event, 'items.0.event': event }))
    expect(errors.map((e) => [e.reason, e.field])).toEqual([
      ['TooLong', 'event.name'],
      ['TooLong', 'event.location'],
      ['TooLong', 'items[0].event.name'],
      ['TooLong', 'items[0].event.location']
    ])
  })

  it('takes dates as YYYY-MM-DD only, and only real dates', async () => {
    for (const date of ['24-12-2027', '2027/12/24', '2027-02-30', '2027-13-01', '20271224']) {
      expect(await refusal(order({ 'event.start_date': date })), date).toEqual([
        expect.objectContaining({ reason: 'InvalidDate', field: 'event.start_date' })
      ])
    }
    expect(await refusal(order({ 'items.1.event.end_date': '2027-1-1' }))).toEqual([
      expect.objectContaining({ reason: 'InvalidDate', field: 'items[1].event.end_date' })
    ])
  })

  it('takes times as hh:mm only', async () => {
    for (const time of ['24:00', '12:60', '9:30', '12:00:00', 'noon']) {
      expect(await refusal(order({ 'event.end_time': time })), time).toEqual([
        expect.objectContaining({ reason: 'InvalidTime', field: 'event.end_time' })
      ])
    }
  })

  it('requires a start date or an end date on an event ("Start date or end date is required.")', async () => {
    expect(await refusal(order({ 'items.0.event': { name: 'No dates' } }))).toEqual([
      {
        reason: 'EventDateRequired',
        field: 'items[0].event.start_date',
        message: 'Start date or end date is required (items[0].event).'
      }
    ])
    expect((await create(order({ event: { end_date: '2027-12-25' } }))).status).toBe(201)
  })

  it('applies the order event to items without their own and lets an item event win', async () => {
    const reply = await create(order({ 'items.0.event': undefined }))
    expect(reply.status).toBe(201)
    const [first, second] = reply.body.items
    expect(first.event).toMatchObject({
      name: 'Awesome Event',
      start_date: '2027-12-24',
      start_time: '12:00:00'
    })
    expect(second.event).toMatchObject({ name: 'Another Awesome Event', end_time: '13:00:00' })
    expect(first.event_id).not.toBe(second.event_id)
  })

  it('reports every problem of a body at once, each with its field', async () => {
    const errors = await refusal({
      order_number: '',
      currency: 'XXX',
      items: [{ cost: '1,234.99', event: {} }]
    })
    expect(errors.map((e) => e.field)).toEqual([
      'order_number',
      'currency',
      'items[0].name',
      'items[0].reference_number',
      'items[0].cost',
      'items[0].event.start_date'
    ])
  })

  it('leaves the field out of error entries when errorFieldInBody is switched off (legacy shape)', async () => {
    sandbox.setAssumptions({ errorFieldInBody: false })
    expect(await refusal(order({ currency: 'XYZ' }))).toEqual([
      { reason: 'InvalidCurrency', message: expect.stringContaining('"XYZ" is not a supported currency') }
    ])
  })

  it('refuses a body that is not a JSON object', async () => {
    expect(await refusal('{"order_number": ')).toEqual([expect.objectContaining({ reason: 'InvalidJson' })])
    expect(await refusal([])).toEqual([expect.objectContaining({ reason: 'InvalidBody' })])
  })

  it('checks types and lengths of customer, billing address and payment fields (assumption contactFieldMaxLength)', async () => {
    const errors = await refusal(
      order({ 'customer.email': 'e'.repeat(256), 'billing_address.zip_code': 85020, payment: 'invoice' })
    )
    expect(errors.map((e) => [e.reason, e.field])).toEqual([
      ['TooLong', 'customer.email'],
      ['InvalidType', 'billing_address.zip_code'],
      ['InvalidType', 'payment']
    ])
  })
})
