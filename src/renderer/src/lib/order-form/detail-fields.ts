import type { RuleLevels, RuleName } from '../../../../shared/teak/assumptions'

/**
 * Which customer and billing fields an opt-in needs is a rule assumption (Teak documents the field names,
 * not which are required): each rule names its fields here, once, for the required marks and for the
 * errors that name a whole group.
 */
const DETAIL_RULE_FIELDS: Record<'customer' | 'billing_address', [RuleName, string[]][]> = {
  customer: [
    ['customerName', ['first_name', 'last_name']],
    ['customerEmail', ['email']]
  ],
  billing_address: [
    ['billingStreetAndCity', ['address1', 'city']],
    ['billingZipCode', ['zip_code']],
    ['billingCountry', ['country']]
  ]
}

export type DetailGroup = keyof typeof DETAIL_RULE_FIELDS

export const isDetailGroup = (name: unknown): name is DetailGroup =>
  typeof name === 'string' && name in DETAIL_RULE_FIELDS

function keysWhere(group: DetailGroup, levels: RuleLevels, applies: (level: string) => boolean): string[] {
  return DETAIL_RULE_FIELDS[group].flatMap(([rule, names]) =>
    applies(levels[rule]) ? names.map((name) => `${group}.${name}`) : []
  )
}

/** The group's fields an opt-in cannot go without at these levels: marked required on the form. */
export function requiredDetailKeys(group: DetailGroup, levels: RuleLevels): string[] {
  return keysWhere(group, levels, (level) => level === 'block')
}

/**
 * The fields to mark when an opt-in lacks the whole group: every field a rule asks for (blocking or
 * warning), so the person sees each one to fill in, not only the first.
 */
export function missingGroupKeys(group: DetailGroup, levels: RuleLevels): string[] {
  return keysWhere(group, levels, (level) => level !== 'off')
}
