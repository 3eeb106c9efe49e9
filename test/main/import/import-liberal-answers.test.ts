import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { runImport } from '../../../src/main/import/import-engine'
import { openJournal, type Journal } from '../../../src/main/journal/journal'
import { createTeakClient } from '../../../src/main/teak/client'
import { parseBacklog } from '../../../src/shared/import/parse-backlog'
import { backlogCsv, quoteToken } from '../../shared/import/csv-fixtures'
import { makeTempDir } from '../../support/temp-dir'
import { startFakeTeak, type FakeTeak } from '../teak/fake-teak'

/** The documented order representation (contract-notes §5.2), as the answer to the one order below. */
const POLICY = {
  policy_number: 'ORAAS-JOD9XSWD8B',
  policy_number_new: '54474653-0000-0000-046d-169629d235ec',
  currency: 'USD',
  premium: '4.25',
  coverage_amount: '50.00',
  item: { id: 'itm_166f8BxY', name: 'Ticket', reference_number: 'L-1-r', cost: '50.00' }
}
const ORDER = {
  created: '2024-03-14T23:08:11.955044Z',
  updated: '2024-03-14T23:08:12.911919Z',
  order_number: 'L-1',
  subtotal: '50.00',
  currency: 'USD',
  protecht_order_id: '39bdcd04-cfb7-453f-ac34-ddcb1d73702d',
  items: [{ id: 'itm_166f8BxY', name: 'Ticket', reference_number: 'L-1-r', cost: '50.00' }],
  customer: { id: 'cus_DgLUIwE7', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
  client: 'cl_HX5tUe9m',
  policies: [POLICY]
}

const without = <T extends object>(value: T, key: string): T =>
  Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)) as T

/** Every answer that lacks one field the next step does not need: top-level, or one of the policy's. */
const ANSWERS: [string, object][] = [
  ...Object.keys(ORDER).map((key): [string, object] => [key, without(ORDER, key)]),
  ...Object.keys(POLICY)
    .filter((key) => key !== 'policy_number')
    .map((key): [string, object] => [`policies[0].${key}`, { ...ORDER, policies: [without(POLICY, key)] }])
]

/**
 * Teak documents the opt-in create answer only by example (contract-notes §4.7): whatever a 201 body lacks,
 * the order is at Teak. Each order is sent exactly once and reported `created`, with the policies present.
 */
describe('an import against a Teak whose 201 answers lack a field', () => {
  const dir = makeTempDir()
  const opened: (FakeTeak | Journal)[] = []
  afterEach(async () => {
    for (const thing of opened.splice(0)) await thing.close()
  })
  afterAll(() => dir.remove())

  const csv = backlogCsv([
    { order_number: 'L-1', quote_token: quoteToken(), item_reference_number: 'L-1-r', item_cost: '50.00' }
  ])

  it.each(ANSWERS)('without %s: sent once, created, with the policies it holds', async (missing, answer) => {
    const teak = await startFakeTeak((request) =>
      request.url === '/api/v2/orders' ? { status: 201, body: answer } : undefined
    )
    const journal = openJournal(`${dir.path}/${missing.replace(/\W+/g, '-')}.sqlite`)
    opened.push(teak, journal)
    const client = createTeakClient({ baseUrl: teak.url, credentials: { publicKey: 'pk', secretKey: 'sk' } })
    try {
      const result = await runImport({
        journal,
        client,
        environment: teak.url,
        file: 'liberal.csv',
        orders: parseBacklog(csv).orders
      })
      expect(teak.calls()).toHaveLength(1)
      const [entry] = result.report.orders
      expect(entry).toMatchObject({ outcome: 'created', status: 201 })
      const policyNumbers = missing === 'policies' ? [] : ['ORAAS-JOD9XSWD8B']
      expect(entry.policies.map((p) => p.policy_number)).toEqual(policyNumbers)
      // The report says what was not understood; the raw answer is in the journal.
      expect(entry.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(new RegExp(`^Teak's answer was not fully understood \\(${escape(missing)}: `))
      ])
      const [operation] = journal.orderDetail(teak.url, 'L-1')!.timeline
      expect(operation).toMatchObject({ outcome: 'created', response: answer })
      expect(operation.note).toMatch(/^Teak's answer was not fully understood/)
      expect(journal.latestOutcomeFor(teak.url, 'L-1')).toBe('created')
    } finally {
      client.close()
    }
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
