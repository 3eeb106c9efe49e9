import { z } from 'zod'
import { DAY_MS, isoMicros } from '../clock'
import { parseOrRefuse, refuse } from '../errors'
import { parseJsonObject, type ApiResponse } from '../http'
import type { NotificationKind } from '../../shared/notifications/kinds'
import { notificationPayload } from '../notifications'
import { policyView } from '../order-view'
import { markPolicy, voidPolicy } from '../policy-lifecycle'
import type { StoredPolicy } from '../records'
import type { Route } from '../router'
import type { SandboxState } from '../sandbox-state'
import { validateQuoteInput } from '../validation'

/**
 * Test helpers under `/__sandbox/` — not Teak, never under `/api`, no auth, no faults, not logged. They stand
 * in for the widget (quote tokens), Teak's dashboard and its staff (consumer-side events), and let tests
 * inspect and steer the sandbox.
 */

const clockAdvanceSchema = z.strictObject({
  advance_days: z.number().nonnegative().optional(),
  advance_ms: z.number().nonnegative().optional()
})

const ok = (body: unknown): ApiResponse => ({ status: 200, body })

/** A Teak-side event on any client's policy, found by policy_number or policy_number_new, and notified. */
function policyEvent(
  path: string,
  kind: NotificationKind,
  apply: (policy: StoredPolicy, state: SandboxState) => void
): Route {
  return {
    method: 'POST',
    path,
    handle: (state, call) => {
      const [id] = call.params
      const record = state.store.findPolicy(id, ['policy_number', 'policy_number_new'])
      if (!record) throw refuse('notFound', 'PolicyNotFound', `No policy "${id}" exists in this sandbox.`)
      const { refund_amount = null } = parseOrRefuse(
        eventBodySchema,
        call.body.trim() ? parseJsonObject(call.body) : {}
      )
      apply(record.policy, state)
      state.changed()
      const refund = kind === 'contract_void' ? record.policy.premium : refund_amount
      state.notifications.enqueue(
        notificationPayload(kind, record.order, record.policy, state.clock.now(), refund)
      )
      return ok({ order_number: record.order.order_number, ...policyView(record.order, record.policy) })
    }
  }
}

/** A downgrade in Teak's dashboard may say what the customer is owed; nothing else is read. */
const eventBodySchema = z.object({
  refund_amount: z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/)
    .optional()
})

/** Each customer or Teak-side event, under its older path and under the one named after the notification. */
const POLICY_EVENTS = [
  {
    paths: ['/__sandbox/policies/:id/consumer-void', '/__sandbox/customer-void/:id'],
    kind: 'contract_void',
    apply: (policy: StoredPolicy, state: SandboxState) =>
      voidPolicy(policy, state.clock.now(), state.assumptions)
  },
  {
    paths: ['/__sandbox/policies/:id/downgrade', '/__sandbox/customer-downgrade/:id'],
    kind: 'contract_downgraded',
    apply: (policy: StoredPolicy, state: SandboxState) => markPolicy(policy, 'downgrade', state.assumptions)
  },
  {
    paths: ['/__sandbox/policies/:id/on-hold', '/__sandbox/on-hold/:id'],
    kind: 'contract_on_hold',
    apply: (policy: StoredPolicy, state: SandboxState) => markPolicy(policy, 'on-hold', state.assumptions)
  }
] as const

export const helperRoutes: Route[] = [
  {
    method: 'POST',
    path: '/__sandbox/quote-token',
    handle: (state, call) => ok({ token: state.quotes.mint(validateQuoteInput(parseJsonObject(call.body))) })
  },
  { method: 'GET', path: '/__sandbox/orders', handle: (state) => ok({ orders: state.store.all() }) },
  { method: 'GET', path: '/__sandbox/requests', handle: (state) => ok({ requests: state.log.list() }) },
  ...POLICY_EVENTS.flatMap((event) => event.paths.map((path) => policyEvent(path, event.kind, event.apply))),
  {
    method: 'POST',
    path: '/__sandbox/reset',
    handle: (state) => {
      state.reset()
      return { status: 204 }
    }
  },
  { method: 'GET', path: '/__sandbox/assumptions', handle: (state) => ok(state.assumptions) },
  {
    method: 'PUT',
    path: '/__sandbox/assumptions',
    handle: (state, call) => {
      state.setAssumptions(parseJsonObject(call.body))
      return ok(state.assumptions)
    }
  },
  { method: 'GET', path: '/__sandbox/faults', handle: (state) => ok(state.faults.current()) },
  {
    method: 'PUT',
    path: '/__sandbox/faults',
    handle: (state, call) => {
      state.faults.update(parseJsonObject(call.body))
      return ok(state.faults.current())
    }
  },
  { method: 'GET', path: '/__sandbox/clock', handle: (state) => ok({ now: isoMicros(state.clock.now()) }) },
  {
    method: 'POST',
    path: '/__sandbox/clock',
    handle: (state, call) => {
      const { advance_days = 0, advance_ms = 0 } = parseOrRefuse(
        clockAdvanceSchema,
        parseJsonObject(call.body)
      )
      state.clock.advance(advance_days * DAY_MS + advance_ms)
      return ok({ now: isoMicros(state.clock.now()) })
    }
  }
]
