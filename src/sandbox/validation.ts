import { COST_MAX_LENGTH, readTeakCost } from '../shared/teak/cost'
import { CURRENCY_CODES, isCurrencyCode } from '../shared/teak/currencies'
import { isCalendarDate, TEXT_MAX, timeSchema } from '../shared/teak/order-request'
import { textLength } from '../shared/teak/text-length'
import type { SandboxAssumptions } from './assumptions'
import { KEY_MAX_LENGTH } from './auth'
import { TeakError, type ErrorEntry } from './errors'

/**
 * Teak's own server-side rules for request bodies (contract-notes §4 field tables), one error per offending
 * field. Deliberately looser than our client-side schemas: Teak accepts "1,234" and reads it as 1.234.
 * Unknown fields are ignored and `null` counts as absent, as is usual for JSON APIs.
 */
export interface EventInput {
  name?: string
  start_date?: string
  start_time?: string
  end_date?: string
  end_time?: string
  location?: string
}

export interface ItemInput {
  name?: string
  reference_number?: string
  /** Canonical dot-decimal, Teak's reading of what was sent. */
  cost: string
  event?: EventInput
}

export type Contact = Record<string, string>

export interface OrderInput {
  token?: string
  order_number: string
  currency: string
  event?: EventInput
  items: ItemInput[]
  customer?: Contact
  billing_address?: Contact
  payment?: Contact
}

export interface ChangeItemInput extends ItemInput {
  old_reference_number: string
}

export interface QuoteInput {
  opt_in: boolean
  reference_number?: string
  currency?: string
  items: { reference_number: string; cost: string; event?: EventInput }[]
}

type Json = Record<string, unknown>
type ItemTextField = 'name' | 'reference_number'

const CUSTOMER_FIELDS = ['first_name', 'last_name', 'email', 'phone']
const BILLING_FIELDS = ['address1', 'address2', 'city', 'zip_code', 'state', 'country']
const PAYMENT_FIELDS = ['type']

function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A value shown back in a message, shortened so a huge input cannot flood the response. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
}

/** Collects every field problem of one body, so a caller fixes them all in one go. */
class FieldChecker {
  readonly errors: ErrorEntry[] = []

  fail(field: string, reason: string, message: string): undefined {
    this.errors.push({ reason, message, field })
    return undefined
  }

  required(field: string): undefined {
    return this.fail(field, 'Required', `${field} is required.`)
  }

  text(value: unknown, field: string, max = Infinity, required = false): string | undefined {
    if (value === undefined || value === null || value === '')
      return required ? this.required(field) : undefined
    if (typeof value !== 'string') return this.fail(field, 'InvalidType', `${field} must be a string.`)
    const length = textLength(value)
    if (length > max) {
      return this.fail(field, 'TooLong', `${field} is ${length} characters long; at most ${max} are allowed.`)
    }
    return value
  }

  object(value: unknown, field: string, required = false): Json | undefined {
    if (value === undefined || value === null) return required ? this.required(field) : undefined
    return isJsonObject(value) ? value : this.fail(field, 'InvalidType', `${field} must be an object.`)
  }

  list(value: unknown, field: string, noun: string): unknown[] | undefined {
    if (value === undefined || value === null) return this.required(field)
    if (!Array.isArray(value)) return this.fail(field, 'InvalidType', `${field} must be a list of ${noun}s.`)
    if (value.length === 0) return this.fail(field, 'Required', `${field} needs at least one ${noun}.`)
    return value
  }

  /** Teak's cost rule (Adding Items guide): at most 12 characters, one "." or "," decimal separator. */
  cost(value: unknown, field: string): string | undefined {
    const raw = this.text(value, field, COST_MAX_LENGTH, true)
    if (raw === undefined) return undefined
    return (
      readTeakCost(raw) ??
      this.fail(
        field,
        'InvalidCost',
        `${field} ${shown(raw)} is not a valid cost: use digits with at most one "." or "," as the decimal separator and no thousands separators, for example "50.00" or "123,99".`
      )
    )
  }

  currency(value: unknown, field: string, required: boolean): string | undefined {
    const code = this.text(value, field, 3, required)
    if (code === undefined || isCurrencyCode(code)) return code
    return this.fail(
      field,
      'InvalidCurrency',
      `${field} ${shown(code)} is not a supported currency; use one of ${CURRENCY_CODES.join(', ')}.`
    )
  }

  date(value: unknown, field: string): string | undefined {
    const text = this.text(value, field)
    if (text === undefined || isCalendarDate(text)) return text
    return this.fail(
      field,
      'InvalidDate',
      `${field} ${shown(text)} is not a date written YYYY-MM-DD (UTC), for example 2027-12-24.`
    )
  }

  time(value: unknown, field: string): string | undefined {
    const text = this.text(value, field)
    if (text === undefined || timeSchema.safeParse(text).success) return text
    return this.fail(
      field,
      'InvalidTime',
      `${field} ${shown(text)} is not a time written hh:mm (UTC), for example 12:30.`
    )
  }

  /** The event object of ODET/ITEMS: "Start date or end date is required." */
  event(value: unknown, field: string): EventInput | undefined {
    const source = this.object(value, field)
    if (source === undefined) return undefined
    const event: EventInput = {
      name: this.text(source.name, `${field}.name`, TEXT_MAX),
      start_date: this.date(source.start_date, `${field}.start_date`),
      start_time: this.time(source.start_time, `${field}.start_time`),
      end_date: this.date(source.end_date, `${field}.end_date`),
      end_time: this.time(source.end_time, `${field}.end_time`),
      location: this.text(source.location, `${field}.location`, TEXT_MAX)
    }
    const hasDate = (key: 'start_date' | 'end_date') =>
      source[key] !== undefined && source[key] !== null && source[key] !== ''
    if (!hasDate('start_date') && !hasDate('end_date')) {
      this.fail(`${field}.start_date`, 'EventDateRequired', `Start date or end date is required (${field}).`)
    }
    return event
  }

  /** Customer, billing address, payment: Teak documents field names only, so only type and length are checked. */
  contact(value: unknown, field: string, names: string[], max: number): Contact | undefined {
    const source = this.object(value, field)
    if (source === undefined) return undefined
    const contact: Contact = {}
    for (const name of names) {
      const text = this.text(source[name], `${field}.${name}`, max)
      if (text !== undefined) contact[name] = text
    }
    return contact
  }

  /** An item of ITEMS (and of a PATCH or a quote); `required` lists the text fields that must be present. */
  item(value: unknown, field: string, required: readonly ItemTextField[]): ItemInput | undefined {
    const source = this.object(value, field, true)
    if (source === undefined) return undefined
    const text = (name: ItemTextField) =>
      this.text(source[name], `${field}.${name}`, TEXT_MAX, required.includes(name))
    const item = {
      name: text('name'),
      reference_number: text('reference_number'),
      cost: this.cost(source.cost, `${field}.cost`),
      event: this.event(source.event, `${field}.event`)
    }
    return item.cost === undefined ? undefined : { ...item, cost: item.cost }
  }

  /** Throws every collected problem at once; returns the value when there were none. */
  result<T>(value: T): T {
    if (this.errors.length > 0) throw new TeakError('validation', this.errors)
    return value
  }
}

/** `POST /api/v2/auth/token/` (contract-notes §2.2). */
export function validateKeys(body: Json): { public_key: string; secret_key: string } {
  const check = new FieldChecker()
  const keys = {
    public_key: check.text(body.public_key, 'public_key', KEY_MAX_LENGTH, true),
    secret_key: check.text(body.secret_key, 'secret_key', KEY_MAX_LENGTH, true)
  }
  return check.result(keys as { public_key: string; secret_key: string })
}

/** `POST /api/v2/orders` (contract-notes §4.2–§4.5). */
export function validateOrder(body: Json, assumptions: SandboxAssumptions): OrderInput {
  const check = new FieldChecker()
  const max = assumptions.contactFieldMaxLength
  const order = {
    token: check.text(body.token, 'token'),
    order_number: check.text(body.order_number, 'order_number', TEXT_MAX, true),
    currency: check.currency(body.currency, 'currency', true),
    event: check.event(body.event, 'event'),
    items: check
      .list(body.items, 'items', 'item')
      ?.map((value, index) => check.item(value, `items[${index}]`, assumptions.requiredItemFields)),
    customer: check.contact(body.customer, 'customer', CUSTOMER_FIELDS, max),
    billing_address: check.contact(body.billing_address, 'billing_address', BILLING_FIELDS, max),
    payment: check.contact(body.payment, 'payment', PAYMENT_FIELDS, max)
  }
  return check.result(order as OrderInput)
}

/** The `requireOptInDetails` assumption: what the certification page calls required for opt-in orders. */
export function checkOptInDetails(order: OrderInput): void {
  const check = new FieldChecker()
  if (!order.customer) check.required('customer')
  if (!order.billing_address) check.required('billing_address')
  if (!order.event) {
    order.items.forEach((item, index) => {
      if (item.event) return
      const field = `items[${index}].event`
      check.fail(field, 'Required', `${field} is required: set it or the order's event.`)
    })
  }
  check.result(order)
}

/** `PATCH /api/v2/orders/:id/` (contract-notes §5.2). */
export function validateChange(body: Json, assumptions: SandboxAssumptions): ChangeItemInput[] {
  const check = new FieldChecker()
  const items = check.list(body.items, 'items', 'item')?.map((value, index) => {
    const field = `items[${index}]`
    const item = check.item(value, field, assumptions.requiredItemFields)
    const old = isJsonObject(value)
      ? check.text(value.old_reference_number, `${field}.old_reference_number`, TEXT_MAX, true)
      : undefined
    return item && old !== undefined ? { ...item, old_reference_number: old } : undefined
  })
  return check.result(items as ChangeItemInput[])
}

/** `POST /__sandbox/quote-token`: what the widget would have put in a quote. */
export function validateQuoteInput(body: Json): QuoteInput {
  const check = new FieldChecker()
  const optIn =
    typeof body.opt_in === 'boolean'
      ? body.opt_in
      : check.fail('opt_in', 'Required', 'opt_in must be true or false.')
  const items =
    body.items === undefined
      ? []
      : Array.isArray(body.items)
        ? body.items.map((value, index) => check.item(value, `items[${index}]`, ['reference_number']))
        : check.fail('items', 'InvalidType', 'items must be a list of items.')
  const quote = {
    opt_in: optIn,
    reference_number: check.text(body.reference_number, 'reference_number', TEXT_MAX),
    currency: check.currency(body.currency, 'currency', false),
    items
  }
  return check.result(quote as QuoteInput)
}
