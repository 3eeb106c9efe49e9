import { z } from 'zod'
import { isCanonicalMoney } from '../shared/teak/money'

/**
 * Every behaviour of the local sandbox that Teak's docs leave open. None of these values is a Teak fact: each
 * one stands for a numbered unknown of contract-notes §11 and is the sandbox's guess. Tests switch them at
 * run time (`setAssumptions`, `PUT /__sandbox/assumptions`) to prove our client copes with the alternatives.
 * Documented behaviour (contract-notes §10) is not configurable and lives in the code itself.
 *
 * Fixed guesses, not switchable because no client could tell the alternatives apart or none is in sight:
 * - §11.3: the opt-in create body is the order representation of the PATCH example; `subtotal` is the sum of
 *   the costs of the items not replaced by a PATCH.
 * - §11.4: error `reason`s are the sandbox's own names (`InvalidCost`, `DuplicateOrderNumber`, …); an opt-out
 *   is answered before the duplicate check, as it stores nothing that could conflict.
 * - §11.7: quote tokens are `{token_use: "quote", opt_in, iat, quote}` signed HS256 with the sandbox key and
 *   never expire; any other token in an order or a decode is refused.
 * - §11.10: cancel answers `{status, cancel_date}`; void and cancel ignore any request body.
 * - §11.11: a PATCH item keeps the replaced item's event unless it brings its own; an `old_reference_number`
 *   shared by several items replaces them one per request entry.
 */
export interface SandboxAssumptions {
  /**
   * §11.1, §11.3, §11.10: status codes of successful calls. Only the opt-out 204 is documented; opt-in
   * create answers 201, every other call 200.
   */
  successStatuses: {
    authToken: number
    createOrder: number
    decodeQuote: number
    changeOrder: number
    voidPolicy: number
    cancelPolicy: number
  }
  /**
   * §11.4: status codes of refusals, each sent with the legacy TicketGuardian body
   * `{"error":{"errors":[{"reason","message"}]}}`.
   */
  errorStatuses: {
    validation: number
    unauthorized: number
    notFound: number
    duplicateOrder: number
    invalidQuoteToken: number
    policyState: number
    outsideLookPeriod: number
  }
  /** §11.4: each error entry also names the offending field (`"field": "items[0].cost"`); legacy had no such key. */
  errorFieldInBody: boolean
  /** §11.1: lifetime of an auth token (`exp − iat`). */
  authTokenLifetimeSeconds: number
  /** §11.13: days after issue during which a policy may be voided; later voids are refused (`OutsideLookPeriod`). */
  lookPeriodDays: number
  /**
   * §11.8: premium = item cost × this rate, rounded half-up to the cent (the docs' examples are all 8.5 %).
   * Costs themselves are held to the cent, rounded half-up ("1,234" → 1.234 → "1.23").
   */
  premiumRate: string
  /** §11.8: what `coverage_amount` equals. The one example shows it equal to the premium, which looks accidental. */
  coverageAmount: 'cost' | 'premium'
  /** §11.4: item fields Teak refuses to miss, besides `cost` (no premium without it). The guide marks none. */
  requiredItemFields: ('name' | 'reference_number')[]
  /**
   * §11.12: refuse opt-in orders without customer, billing address and an event for every item. The
   * certification page calls them required; the opt-out field table marks them optional.
   */
  requireOptInDetails: boolean
  /** §11.12: maximum length of customer, billing-address and payment fields (Teak documents none; 255 like the rest). */
  contactFieldMaxLength: number
  /** §11.9, §11.10: spelling of the cancelled status; the only example is cut off after "Ca". */
  canceledStatus: string
  /** §11.9: status of the old policy after a PATCH, chosen by comparing the new item's cost with the old one's. */
  replacedStatuses: { upgrade: string; downgrade: string; exchange: string }
  /** §11.9: statuses a partner may void. Voiding after a cancel is refused whatever this says (documented). */
  voidableStatuses: string[]
  /** §11.9: statuses a partner may cancel ("at any time", but not what is already voided, cancelled or replaced). */
  cancelableStatuses: string[]
  /** §11.11: which order identifiers `PATCH /api/v2/orders/:id/` accepts. */
  orderIdFields: ('order_number' | 'protecht_order_id')[]
  /** §11.11: which policy identifiers `PUT /api/v2/policies/:id[/cancel]` accepts. */
  policyIdFields: ('policy_number' | 'policy_number_new')[]
  /**
   * §11.1: whether each path also answers with its trailing slash added or removed. The docs mix forms
   * (`/auth/token/`, `/orders`, `/orders/:id/`, `/policies/:id`); when false only those forms are served.
   */
  trailingSlashOptional: boolean
}

export const DEFAULT_ASSUMPTIONS: SandboxAssumptions = {
  successStatuses: {
    authToken: 200,
    createOrder: 201,
    decodeQuote: 200,
    changeOrder: 200,
    voidPolicy: 200,
    cancelPolicy: 200
  },
  errorStatuses: {
    validation: 400,
    unauthorized: 401,
    notFound: 404,
    duplicateOrder: 409,
    invalidQuoteToken: 400,
    policyState: 409,
    outsideLookPeriod: 400
  },
  errorFieldInBody: true,
  authTokenLifetimeSeconds: 5 * 60,
  lookPeriodDays: 30,
  premiumRate: '0.085',
  coverageAmount: 'cost',
  requiredItemFields: ['name', 'reference_number'],
  requireOptInDetails: false,
  contactFieldMaxLength: 255,
  canceledStatus: 'Canceled',
  replacedStatuses: { upgrade: 'Upgraded', downgrade: 'Downgraded', exchange: 'Exchanged' },
  voidableStatuses: ['Issued'],
  cancelableStatuses: ['Issued', 'On Hold'],
  orderIdFields: ['order_number', 'protecht_order_id'],
  policyIdFields: ['policy_number', 'policy_number_new'],
  trailingSlashOptional: true
}

const httpStatus = z.number().int().min(200).max(599)
const status = z.string().min(1)

/** What `setAssumptions` and `PUT /__sandbox/assumptions` accept: any subset, each key replaced whole. */
export const assumptionsPatchSchema = z
  .object({
    successStatuses: z.strictObject({
      authToken: httpStatus,
      createOrder: httpStatus,
      decodeQuote: httpStatus,
      changeOrder: httpStatus,
      voidPolicy: httpStatus,
      cancelPolicy: httpStatus
    }),
    errorStatuses: z.strictObject({
      validation: httpStatus,
      unauthorized: httpStatus,
      notFound: httpStatus,
      duplicateOrder: httpStatus,
      invalidQuoteToken: httpStatus,
      policyState: httpStatus,
      outsideLookPeriod: httpStatus
    }),
    errorFieldInBody: z.boolean(),
    authTokenLifetimeSeconds: z.number().int().positive(),
    lookPeriodDays: z.number().nonnegative(),
    premiumRate: z
      .string()
      .refine(
        (rate) => isCanonicalMoney(rate) && !rate.startsWith('-'),
        'premiumRate is a decimal string such as "0.085".'
      ),
    coverageAmount: z.enum(['cost', 'premium']),
    requiredItemFields: z.array(z.enum(['name', 'reference_number'])),
    requireOptInDetails: z.boolean(),
    contactFieldMaxLength: z.number().int().positive(),
    canceledStatus: status,
    replacedStatuses: z.strictObject({ upgrade: status, downgrade: status, exchange: status }),
    voidableStatuses: z.array(status),
    cancelableStatuses: z.array(status),
    orderIdFields: z.array(z.enum(['order_number', 'protecht_order_id'])).min(1),
    policyIdFields: z.array(z.enum(['policy_number', 'policy_number_new'])).min(1),
    trailingSlashOptional: z.boolean()
  })
  .partial()
  .strict() satisfies z.ZodType<Partial<SandboxAssumptions>>
