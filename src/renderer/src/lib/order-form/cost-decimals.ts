import { minorUnitOf } from '../../../../shared/teak/currencies'
import { readTeakCost } from '../../../../shared/teak/cost'
import type { OrderForm } from './form-state'

/**
 * A cost with more decimals than its currency has (`45.505` EUR, `100.5` JPY) is almost always a typo, yet
 * Teak documents no rule against it, so it is a warning: the order can still be sent as typed.
 */
export function costDecimalsWarning(cost: string, currency: string): string | null {
  const code = currency.trim().toUpperCase()
  const minorUnit = minorUnitOf(code)
  const canonical = readTeakCost(cost.trim())
  if (minorUnit === undefined || canonical === null) return null
  const decimals = canonical.includes('.') ? canonical.length - canonical.indexOf('.') - 1 : 0
  if (decimals <= minorUnit) return null
  const allowed = minorUnit === 0 ? 'no decimals' : `${minorUnit} decimals`
  return `${code} amounts have ${allowed} (ISO 4217), but this cost has ${decimals}: check it before sending.`
}

/** Every item cost of the form that has more decimals than the form's currency, keyed by field. */
export function costDecimalsWarnings(form: Pick<OrderForm, 'items' | 'currency'>) {
  return form.items.flatMap((item, index) => {
    const message = costDecimalsWarning(item.cost, form.currency)
    return message ? [{ key: `items.${index}.cost`, message }] : []
  })
}
