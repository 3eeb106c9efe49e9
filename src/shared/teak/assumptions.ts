import { z } from 'zod'

/**
 * Every rule Teak Desk applies that Teak's docs do not state, and every open question of the wire format
 * (contract-notes §11), in one table. Documented rules (sizes, required fields, the cost format, dates, the
 * currency list, the opt-in certification fields) are not here: they always block. Each entry here is a
 * guess with a reason and a source, and each environment chooses its own setting (Settings → Assumptions,
 * or `teak-desk import --assume name=value`). The workbench, the CSV validator and the Teak client all read
 * this table, so an order is judged the same way wherever it is sent from.
 */

export const ASSUMPTION_LEVELS = ['block', 'warn', 'off'] as const
export type AssumptionLevel = (typeof ASSUMPTION_LEVELS)[number]

interface Described {
  /** One line naming the rule, as Settings lists it. */
  readonly label: string
  /** Why Teak Desk applies it, and why it is not certain. */
  readonly reason: string
  /** Where it comes from: "legacy SDK required it", "common sense", "contract-notes §4.5", … */
  readonly source: string
}

/**
 * Rules about an order's content. `block` refuses the order (nothing is sent), `warn` shows the finding and
 * sends the order anyway, `off` does not check. All default to `warn`: the docs allow what they refuse.
 */
export const RULE_ASSUMPTIONS = {
  billingZipCode: {
    label: 'A billing address needs a zip code',
    reason:
      'Many countries have no postcodes (the United Arab Emirates, Hong Kong, Qatar); Teak documents no rule for billing-address fields (contract-notes §4.5, unknown #12).',
    source: 'legacy SDK required it'
  },
  billingStreetAndCity: {
    label: 'A billing address needs address line 1 and a city',
    reason: 'Teak documents the field names of the billing address, not which of them are required.',
    source: 'legacy SDK required it'
  },
  billingCountry: {
    label: 'A billing address needs a country',
    reason: 'Teak documents the field names of the billing address, not which of them are required.',
    source: 'legacy SDK required it'
  },
  countryTwoLetters: {
    label: 'The country is a two-letter code (US, AE)',
    reason: 'Teak\'s examples send "US"; no format for the country is stated.',
    source: 'contract-notes §4.5 (examples only)'
  },
  customerName: {
    label: 'A customer needs both a first and a last name',
    reason:
      'Checked once any customer field is given. Teak documents the customer field names, not which are required.',
    source: 'legacy SDK required it'
  },
  customerEmail: {
    label: 'A customer needs an email address',
    reason:
      'Checked once any customer field is given. Teak documents the customer field names, not which are required.',
    source: 'legacy SDK required it'
  },
  emailFormat: {
    label: 'An email address looks like name@example.com',
    reason: 'Catches typing slips; Teak states no email format (the examples in its docs are obfuscated).',
    source: 'common sense'
  },
  contactFieldLength: {
    label: 'Customer and billing fields have at most 255 characters',
    reason:
      'Every text field whose size Teak does document stops at 255; customer and billing sizes are not documented (unknown #12).',
    source: 'common sense'
  },
  paymentTypeInvoice: {
    label: 'The payment type is "invoice"',
    reason: 'Teak calls Invoice "currently the default" payment type, not the only one.',
    source: 'contract-notes §4.5'
  },
  itemName: {
    label: 'Every item has a name',
    reason: "The Adding Items guide lists the item's name without saying it is required.",
    source: 'legacy SDK required it'
  },
  itemReference: {
    label: 'Every item has a reference number',
    reason:
      'Teak Desk matches each policy to its item, and names the item an upgrade replaces, by this number; the Adding Items guide does not say it is required.',
    source: 'Teak Desk needs it'
  },
  timeNeedsDate: {
    label: 'A start or end time comes with its date',
    reason: 'A time without its date says little; the docs only require a start date or an end date.',
    source: 'common sense'
  },
  eventEndsAfterStart: {
    label: 'An event does not end before it starts',
    reason: 'Catches swapped dates; Teak states no order between start and end.',
    source: 'common sense'
  },
  costLooksLikeThousands: {
    label: 'A cost like 1.234 or 1,234',
    reason:
      'Teak reads "1,234" as 1.234 (the comma is a decimal separator), not 1234; whoever types 1.234 or 1,234 as a price usually means 1234.',
    source: 'contract-notes §4.4'
  },
  missingTokenOptIn: {
    label: 'An order without a quote token is an opt-in',
    reason:
      'Teak processes an order sent without a quote token as an opt-in and issues policies billed to you; an empty token field is sent as no token.',
    source: 'contract-notes §3.1 (documented for a missing token; an empty one is sent as missing)'
  }
} as const satisfies Record<string, Described>

/**
 * What Teak Desk assumes about changing a policy after the sale (void, cancel, exchange) where Teak's docs are
 * silent. They are fixed, not settings: each one only keeps an agent from sending a change whose answer Teak
 * does not document, and is named beside the disabled button or the confirmation it shapes
 * (src/shared/teak/policy-actions.ts). Documented rules — an exchange needs an Issued policy (UPG), a
 * canceled policy can no longer be voided (CANCEL) — are not here: they always apply.
 */
export const POLICY_ACTION_ASSUMPTIONS = {
  voidOnlyIssued: {
    label: 'Only an Issued policy can be voided',
    reason:
      'Teak documents two refusals of a void (after a cancel, and outside the look period), not which other statuses it voids (unknown #9).',
    source: 'contract-notes §5.3, §11 #9'
  },
  noRepeatedChange: {
    label: 'A policy Teak returned as Voided or Canceled is not voided or canceled again',
    reason: 'The change has already been made; Teak does not document how it answers a repeat.',
    source: 'common sense'
  },
  noCancelAfterVoid: {
    label: 'A voided policy is not canceled',
    reason:
      'Teak says a policy "can be canceled at any time", but after a void the protection has ended and been refunded; what Teak answers then is not documented (the local sandbox refuses it).',
    source: 'contract-notes §5.4, §11 #9'
  },
  replacedPolicyIsClosed: {
    label: 'A policy replaced by an exchange is no longer voided, canceled or exchanged',
    reason:
      "Teak's exchange answer holds only the new item and policy; it does not say what status the old policy takes (unknown #9), and its item is no longer in the order.",
    source: 'contract-notes §5.2, §11 #9'
  },
  canceledSpelling: {
    label: '"Cancelled" is read as "Canceled"',
    reason: 'The only example of a cancel answer is cut off after "Ca"; the spelling is not confirmed.',
    source: 'contract-notes §5.4, §11 #9, #10'
  },
  exchangeEndsOldPolicy: {
    label: 'An exchange ends the old policy; the new policy covers the new item',
    reason:
      'Teak answers an exchange with the new item and policy only. Its Downgraded notification implies the old policy takes a status such as Downgraded; nothing is documented for upgrades and exchanges.',
    source: 'contract-notes §5.2, §7'
  },
  upgradePremium: {
    label: 'On an upgrade the customer pays the higher premium of the new policy',
    reason:
      "Teak documents only the downgrade side (refund the difference in protection cost); how an upgrade's difference is charged is not documented.",
    source: 'contract-notes §7 (downgrade only)'
  }
} as const satisfies Record<string, Described>

export type PolicyActionAssumption = keyof typeof POLICY_ACTION_ASSUMPTIONS

export type RuleName = keyof typeof RULE_ASSUMPTIONS
export type RuleLevels = Record<RuleName, AssumptionLevel>

interface WireAssumption extends Described {
  readonly choices: readonly string[]
  readonly default: string
  /** How Settings names each choice. */
  readonly choiceLabels: Readonly<Record<string, string>>
}

/** Open questions of the wire format: which path and which identifier Teak expects (contract-notes §11). */
export const WIRE_ASSUMPTIONS = {
  authPath: {
    label: 'Path of the auth token endpoint',
    reason:
      "Teak's Authentication API reference page was not available (unknown #1). The legacy SDK posts to /api/v2/auth/token/; a third-party demo posts without the final slash.",
    source: 'legacy SDK (contract-notes §2.2)',
    choices: ['/api/v2/auth/token/', '/api/v2/auth/token'],
    default: '/api/v2/auth/token/',
    choiceLabels: {
      '/api/v2/auth/token/': '/api/v2/auth/token/ (legacy SDK)',
      '/api/v2/auth/token': '/api/v2/auth/token (third-party demo)'
    }
  },
  orderIdKind: {
    label: 'Order identifier in PATCH /api/v2/orders/:id/',
    reason:
      "Teak does not say which identifier :id is (unknown #11). Teak's own protecht_order_id is used when the journal has it, otherwise the order number; the legacy SDK used the order number.",
    source: 'contract-notes §5.1',
    choices: ['protecht_order_id', 'order_number'],
    default: 'protecht_order_id',
    choiceLabels: {
      protecht_order_id: "Teak's protecht_order_id (the order number when it is not known)",
      order_number: 'Your order_number'
    }
  },
  policyIdKind: {
    label: 'Policy identifier in PUT /api/v2/policies/:policy_id (void, cancel)',
    reason:
      'Teak does not say which identifier :policy_id is, nor what policy_number_new is for (unknown #11). The legacy SDK used policy_number, the number customers and the dashboard show.',
    source: 'legacy SDK (contract-notes §5.1)',
    choices: ['policy_number', 'policy_number_new'],
    default: 'policy_number',
    choiceLabels: {
      policy_number: 'policy_number (ORAAS-JOD9XSWD8B)',
      policy_number_new: 'policy_number_new (the UUID; policy_number when it is not known)'
    }
  },
  trailingSlash: {
    label: 'Trailing slash on API paths',
    reason:
      "Teak's examples mix the forms: POST /orders, PATCH /orders/:id/, PUT /policies/:id, GET /quote/decode. Which forms the server really takes is not documented.",
    source: 'contract-notes §4.1, §5.2–§5.4',
    choices: ['as_documented', 'always', 'never'],
    default: 'as_documented',
    choiceLabels: {
      as_documented: "Each path as Teak's example shows it",
      always: 'Always end paths with a slash',
      never: 'Never end paths with a slash'
    }
  }
} as const satisfies Record<string, WireAssumption>

/**
 * What Teak Desk assumes about Teak's notifications (webhooks), whose payload schema, event names, batching and
 * expected reply Teak does not document (contract-notes §7, unknown #14). Not settings: the receiver reads every
 * payload liberally, and what it cannot read is still stored and shown, raw.
 */
export const NOTIFICATION_ASSUMPTIONS = {
  notificationFields: {
    label: "A notification names its event, order, policy and amounts with Teak's API field names",
    reason:
      "No payload is documented. The receiver looks (at any depth) for the field names Teak's API uses elsewhere: order_number, policy_number / policy_number_new, status, currency, premium, plus refund_amount or amount; and for the event in event, type, notification, kind or name.",
    source: "Teak Desk's guess from contract-notes §5.1 (unknown #14)"
  },
  notificationEventNames: {
    label: 'The event is named like the dashboard\'s notification ("Contract Void")',
    reason:
      'Event names are not documented. Any text containing void, downgrad, cancel or hold is read as that kind; anything else is an unknown notification, shown raw.',
    source: "Teak's notification page titles (contract-notes §7)"
  },
  notificationStatus: {
    label: 'A notification without a status implies one: Voided, Downgraded, Canceled, On Hold',
    reason:
      'Statuses are only partly documented (unknown #9): "Voided" (VOID), "Downgraded" (N-PDOWN) and "On Hold" (N-CHOLD) are seen in the docs; the spelling of "Canceled" is not confirmed.',
    source: 'contract-notes §5.1'
  },
  notificationBatch: {
    label: 'A delivery holds one notification, or a list of them',
    reason:
      'Teak batches notifications "every minute" without saying whether one POST carries one or several: the receiver takes an object, a JSON array, or an object with a notifications array.',
    source: 'contract-notes §7 (NOTIF)'
  },
  notificationSignature: {
    label: 'The signature covers the body as sent, or its Python json.dumps form',
    reason:
      'WHSIG\'s sample verifies over json.dumps of the parsed payload (", " and ": " separators, ASCII escapes). The raw body is checked first; the re-serialised form is the fallback, and which one matched is kept with the notification.',
    source: 'contract-notes §7 (WHSIG)'
  },
  notificationDedupe: {
    label: 'A notification delivered again has the same payload',
    reason:
      'Retries are not documented. The same payload (compared with its keys sorted) is stored once, so a retry after a lost reply is not a second refund to make.',
    source: 'Standard Webhooks practice; contract-notes §7 (unknown #14)'
  },
  notificationReply: {
    label: 'Teak takes any 2xx reply as delivered',
    reason:
      'The expected reply is not documented. The receiver answers 200 only once the notification is in the journal, 401 to a missing or wrong signature, 413 to a body over the limit.',
    source: 'common webhook practice (unknown #14)'
  }
} as const satisfies Record<string, Described>

export type WireName = keyof typeof WIRE_ASSUMPTIONS
export type WireSettings = { -readonly [N in WireName]: (typeof WIRE_ASSUMPTIONS)[N]['choices'][number] }
export type AuthPath = WireSettings['authPath']
export type OrderIdKind = WireSettings['orderIdKind']
export type PolicyIdKind = WireSettings['policyIdKind']
export type TrailingSlash = WireSettings['trailingSlash']

export type AssumptionName = RuleName | WireName
/** One environment's setting for every assumption. */
export type AssumptionSettings = RuleLevels & WireSettings

/** One row of the table, as Settings, the README and `--assume` show it. */
export interface AssumptionRow extends Described {
  name: AssumptionName
  kind: 'rule' | 'wire'
  choices: readonly string[]
  default: string
  choiceLabels: Readonly<Record<string, string>>
}

const LEVEL_LABELS: Record<AssumptionLevel, string> = {
  block: 'Block: refuse the order',
  warn: 'Warn, and send',
  off: 'Off: do not check'
}

export const DEFAULT_RULE_LEVEL: AssumptionLevel = 'warn'

export const ASSUMPTION_TABLE: readonly AssumptionRow[] = [
  ...Object.entries(RULE_ASSUMPTIONS).map(([name, rule]): AssumptionRow => ({
    ...rule,
    name: name as RuleName,
    kind: 'rule',
    choices: ASSUMPTION_LEVELS,
    default: DEFAULT_RULE_LEVEL,
    choiceLabels: LEVEL_LABELS
  })),
  ...Object.entries(WIRE_ASSUMPTIONS).map(([name, wire]): AssumptionRow => ({
    ...wire,
    name: name as WireName,
    kind: 'wire'
  }))
]

export const ASSUMPTION_NAMES: readonly AssumptionName[] = ASSUMPTION_TABLE.map((row) => row.name)
export const RULE_NAMES = Object.keys(RULE_ASSUMPTIONS) as RuleName[]

export const DEFAULT_ASSUMPTIONS: Readonly<AssumptionSettings> = Object.freeze(
  Object.fromEntries(ASSUMPTION_TABLE.map((row) => [row.name, row.default])) as AssumptionSettings
)

export function assumptionRow(name: string): AssumptionRow | undefined {
  return ASSUMPTION_TABLE.find((row) => row.name === name)
}

/** An environment's stored choices (only what differs from the defaults) applied over the defaults. */
export function resolveAssumptions(
  ...overrides: (Partial<AssumptionSettings> | undefined)[]
): AssumptionSettings {
  const settings: Record<string, string> = { ...DEFAULT_ASSUMPTIONS }
  for (const override of overrides) {
    for (const [name, value] of Object.entries(override ?? {})) {
      if (value !== undefined) settings[name] = value
    }
  }
  return settings as AssumptionSettings
}

/** The levels of the rule assumptions within a full setting. */
export function ruleLevelsOf(settings: Partial<AssumptionSettings>): RuleLevels {
  return Object.fromEntries(
    RULE_NAMES.map((name) => [name, settings[name] ?? DEFAULT_RULE_LEVEL])
  ) as RuleLevels
}

/** Why `value` is not a setting of the assumption `name`, or null when it is. Names the valid ones. */
export function assumptionProblem(name: string, value: string): string | null {
  const row = assumptionRow(name)
  if (!row) return `There is no assumption "${name}". Valid names: ${ASSUMPTION_NAMES.join(', ')}.`
  if (!row.choices.includes(value)) {
    return `"${value}" is not a setting of ${name}; use ${row.choices.join(', ')}.`
  }
  return null
}

/** `name=value`, as `teak-desk import --assume` takes it. */
export function parseAssumption(
  text: string
): { ok: true; name: AssumptionName; value: string } | { ok: false; problem: string } {
  const at = text.indexOf('=')
  if (at <= 0) {
    return {
      ok: false,
      problem: `"${text}" is not name=value. Valid names: ${ASSUMPTION_NAMES.join(', ')}.`
    }
  }
  const name = text.slice(0, at).trim()
  const value = text.slice(at + 1).trim()
  const problem = assumptionProblem(name, value)
  return problem ? { ok: false, problem } : { ok: true, name: name as AssumptionName, value }
}

function overridesShape() {
  return Object.fromEntries(
    ASSUMPTION_TABLE.map((row) => [row.name, z.enum(row.choices as [string, ...string[]]).optional()])
  )
}

/** Every assumption of one environment, as the Settings page receives them. */
export const assumptionSettingsSchema = z.object(
  Object.fromEntries(ASSUMPTION_TABLE.map((row) => [row.name, z.enum(row.choices as [string, ...string[]])]))
) as unknown as z.ZodType<AssumptionSettings>

/**
 * Stored choices of one environment (settings.json). Names this version does not know are dropped, so a file
 * written by a newer version still loads.
 */
export const assumptionOverridesSchema = z.object(overridesShape()) as unknown as z.ZodType<
  Partial<AssumptionSettings>
>

/** Choices sent by the Settings page: an unknown name is a mistake and is refused. */
export const assumptionChangesSchema = z
  .strictObject(overridesShape())
  .refine(
    (changes) => Object.keys(changes).length > 0,
    'Choose at least one assumption to change.'
  ) as unknown as z.ZodType<Partial<AssumptionSettings>>
