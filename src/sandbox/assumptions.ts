import { z } from 'zod'
import {
  WIRE_ASSUMPTIONS,
  type AuthPath,
  type TrailingSlash,
  type WireSettings
} from '../shared/teak/assumptions'
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
  /**
   * §11.8: what `coverage_amount` equals. The docs' one example (UPG) shows it equal to the premium, so that
   * is the default; it may be an accident of the example, hence switchable ('cost').
   */
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
  /**
   * §5.4, §11.9: whether a Voided policy may still be canceled. CANCEL says "a policy can be canceled at any
   * time", yet after a void there is nothing left to cancel; the sandbox refuses by default (`PolicyVoided`).
   */
  cancelAfterVoid: boolean
  /** §11.11: which order identifiers `PATCH /api/v2/orders/:id/` accepts. */
  orderIdFields: ('order_number' | 'protecht_order_id')[]
  /** §11.11: which policy identifiers `PUT /api/v2/policies/:id[/cancel]` accepts. */
  policyIdFields: ('policy_number' | 'policy_number_new')[]
  /**
   * §11.1: whether each path also answers with its trailing slash added or removed. The docs mix forms
   * (`/auth/token/`, `/orders`, `/orders/:id/`, `/policies/:id`); when false only the forms `authTokenPath`
   * and `pathSlashes` name are served: the strict mode (`strictAssumptions`).
   */
  trailingSlashOptional: boolean
  /** §11.1: the one auth path served when `trailingSlashOptional` is off. */
  authTokenPath: AuthPath
  /**
   * §11.1: when `trailingSlashOptional` is off, the one form every other path is served in: as Teak's
   * example shows it, always with a final slash, or never (src/shared/teak/api-paths.ts).
   */
  pathSlashes: TrailingSlash
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
  coverageAmount: 'premium',
  requiredItemFields: ['name', 'reference_number'],
  requireOptInDetails: false,
  contactFieldMaxLength: 255,
  canceledStatus: 'Canceled',
  replacedStatuses: { upgrade: 'Upgraded', downgrade: 'Downgraded', exchange: 'Exchanged' },
  voidableStatuses: ['Issued'],
  cancelableStatuses: ['Issued', 'On Hold'],
  cancelAfterVoid: false,
  orderIdFields: ['order_number', 'protecht_order_id'],
  policyIdFields: ['policy_number', 'policy_number_new'],
  trailingSlashOptional: true,
  authTokenPath: WIRE_ASSUMPTIONS.authPath.default,
  pathSlashes: WIRE_ASSUMPTIONS.trailingSlash.default
}

/**
 * The strict sandbox: for each open question of the wire format (auth path, trailing slashes, the order and
 * policy identifiers in paths) exactly one answer is accepted, the one `choice` names, as a real server would.
 * A client whose environment guesses differently fails against it, which the lenient defaults never show.
 */
export function strictAssumptions(choice: WireSettings): Partial<SandboxAssumptions> {
  return {
    trailingSlashOptional: false,
    authTokenPath: choice.authPath,
    pathSlashes: choice.trailingSlash,
    orderIdFields: [choice.orderIdKind],
    policyIdFields: [choice.policyIdKind]
  }
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
    cancelAfterVoid: z.boolean(),
    orderIdFields: z.array(z.enum(['order_number', 'protecht_order_id'])).min(1),
    policyIdFields: z.array(z.enum(['policy_number', 'policy_number_new'])).min(1),
    trailingSlashOptional: z.boolean(),
    authTokenPath: z.enum(WIRE_ASSUMPTIONS.authPath.choices),
    pathSlashes: z.enum(WIRE_ASSUMPTIONS.trailingSlash.choices)
  })
  .partial()
  .strict() satisfies z.ZodType<Partial<SandboxAssumptions>>
