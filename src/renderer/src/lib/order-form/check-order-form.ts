import { issuesOf } from '../../../../shared/contract/errors'
import { assumptionFindings, findingText } from '../../../../shared/teak/assumption-checks'
import type { RuleLevels } from '../../../../shared/teak/assumptions'
import {
  optInRequirementIssues,
  orderInputSchema,
  type OrderRequest
} from '../../../../shared/teak/order-request'
import { isDetailGroup, missingGroupKeys } from './detail-fields'
import { fieldKeysOf, placeIssues, type Issue, type PlacedProblems } from './fields'
import type { OrderForm } from './form-state'
import { needsOptInDetails, quoteModeOf, type QuoteMode } from './quote-mode'
import { toOrderInput } from './to-order-input'

export interface FormCheck {
  mode: QuoteMode
  /** The exact wire body that would be sent; null while any problem remains. Warnings do not hold it back. */
  request: OrderRequest | null
  /** What stops the send: Teak's documented rules, and the assumptions the environment sets to block. */
  problems: PlacedProblems
  /** Assumptions set to warn: shown apart from the problems, and the order is sent all the same. */
  warnings: PlacedProblems
}

/**
 * The form checked by the rules main applies before sending (the same shared schemas and assumption table,
 * at the target environment's levels, so the page never promises what main would refuse): `orderInputSchema`,
 * a readable quote token, for opt-ins Teak's certification fields, and the rule assumptions. Every problem is
 * reported at once, so the person can fix them in one pass.
 */
export function checkOrderForm(form: OrderForm, levels: RuleLevels): FormCheck {
  const mode = quoteModeOf(form.token)
  const input = toOrderInput(form)
  const parsed = orderInputSchema.safeParse(input)
  const issues: Issue[] = parsed.success ? [] : issuesOf(parsed.error)
  if (mode.kind === 'unreadable') issues.push({ path: ['token'], message: mode.message })
  // On the unparsed input too: "this item has no event" is worth saying while a cost is still being fixed.
  // The input and the parsed body agree on which groups are present, which is all this rule looks at.
  if (needsOptInDetails(mode))
    issues.push(...optInRequirementIssues(input as OrderRequest).flatMap((issue) => eachField(issue, levels)))
  const warned: Issue[] = []
  for (const finding of assumptionFindings(input, levels)) {
    if (finding.level === 'block') issues.push({ path: finding.path, message: findingText(finding) })
    else warned.push(finding)
  }
  const keys = fieldKeysOf(form)
  const problems = placeIssues(issues, keys)
  const clean = parsed.success && problems.fields.length === 0 && problems.unplaced.length === 0
  return { mode, request: clean ? parsed.data : null, problems, warnings: placeIssues(warned, keys) }
}

/** "Opt-in orders need the customer" is said at each field the customer lacks, not only at the first. */
function eachField(issue: Issue, levels: RuleLevels): Issue[] {
  const [group] = issue.path
  const keys = issue.path.length === 1 && isDetailGroup(group) ? missingGroupKeys(group, levels) : []
  return keys.length === 0 ? [issue] : keys.map((key) => ({ path: key.split('.'), message: issue.message }))
}
