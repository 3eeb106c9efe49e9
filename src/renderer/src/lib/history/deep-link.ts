/**
 * `#/history?order=<number>&environment=<id>` opens that order's detail (the import summary links each
 * order this way).
 */
export function orderLinkOf(hash: string): { environmentId: string; orderNumber: string } | null {
  const query = hash.split('?')[1]
  if (!query) return null
  const params = new URLSearchParams(query)
  const orderNumber = params.get('order')
  const environmentId = params.get('environment')
  return orderNumber && environmentId ? { environmentId, orderNumber } : null
}

/** The History page entry of an order (its journal record in that environment). */
export function historyHref(environmentId: string, orderNumber: string): string {
  return `#/history?${new URLSearchParams({ order: orderNumber, environment: environmentId })}`
}
