import type { KeyStatus } from '../../shared/contract/settings'
import type { ResolvedCredentials } from './credentials'

const VISIBLE_EACH_END = 4
/** Showing 4 + 4 characters of anything shorter would reveal most or all of it. */
const SHORTEST_PARTLY_SHOWN = 12
const FULL_MASK = '••••••••'

/** `pk_local_demo` → `pk_l…demo`: enough to recognise which key is set, never the whole key. */
export function maskPublicKey(key: string): string {
  if (key.length < SHORTEST_PARTLY_SHOWN) return FULL_MASK
  return `${key.slice(0, VISIBLE_EACH_END)}…${key.slice(-VISIBLE_EACH_END)}`
}

/** What the page may see of the keys an environment would use. */
export function keyStatusOf(resolved: ResolvedCredentials | null): KeyStatus {
  if (!resolved)
    return { publicKeyMasked: null, hasSecret: false, source: 'none', savedForOtherAddress: null }
  return {
    publicKeyMasked: maskPublicKey(resolved.pair.publicKey),
    hasSecret: resolved.pair.secretKey.length > 0,
    source: resolved.source,
    savedForOtherAddress: resolved.savedForOtherAddress
  }
}
