import { formatCount } from './labels'

/**
 * Where the History list stands: the cursor that opened each page so far (undefined for the first). Pages go
 * forward by the journal's `nextCursor`, which stays fast however deep the page, and back along this trail.
 * A list sorted by another column pages by offset; its trail holds no cursors, only its length counts.
 */
export interface PageTrail {
  readonly cursors: readonly (string | undefined)[]
}

export const FIRST_PAGE: PageTrail = { cursors: [undefined] }

export function currentCursor(trail: PageTrail): string | undefined {
  return trail.cursors[trail.cursors.length - 1]
}

/** Zero-based index of the page shown. */
export function pageIndex(trail: PageTrail): number {
  return trail.cursors.length - 1
}

export function nextPage(trail: PageTrail, nextCursor: string | undefined): PageTrail {
  return { cursors: [...trail.cursors, nextCursor] }
}

export function previousPage(trail: PageTrail): PageTrail {
  return trail.cursors.length > 1 ? { cursors: trail.cursors.slice(0, -1) } : trail
}

/** "Orders 51–100 of 100,000", for the page shown. */
export function rangeText(trail: PageTrail, pageSize: number, shown: number, total: number): string {
  if (total === 0) return 'No orders match.'
  if (shown === 0) return `No more orders: ${formatCount(total)} in all.`
  const first = pageIndex(trail) * pageSize + 1
  const noun = total === 1 ? 'order' : 'orders'
  return `Showing ${formatCount(first)}–${formatCount(first + shown - 1)} of ${formatCount(total)} ${noun}`
}
