/** "1 order", "3 orders". */
export function ordersPhrase(count: number): string {
  return `${count} ${count === 1 ? 'order' : 'orders'}`
}

/** The sentence a person reads before anything goes to production. */
export function productionWarning(count: number, target: { label: string; baseUrl: string }): string {
  return `You are about to send ${ordersPhrase(count)} to PRODUCTION (${target.label}, ${target.baseUrl}). This is real.`
}
