import { createHash, randomInt, randomUUID } from 'node:crypto'

/** Identifier formats seen in Teak's examples (contract-notes §5.1). */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

function randomChars(alphabet: string, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}

export type IdPrefix = 'itm' | 'cus' | 'evnt' | 'cl'

/** `itm_166f8BxY`, `cus_DgLUIwE7`, `evnt_7eFvtQNh`, `cl_HX5tUe9m`: a prefix and 8 letters or digits. */
export function prefixedId(prefix: IdPrefix): string {
  return `${prefix}_${randomChars(ALNUM, 8)}`
}

/** The same id for the same `text` every time, so a client keeps its `cl_` id across restarts. */
export function stableId(prefix: IdPrefix, text: string): string {
  const digest = createHash('sha256').update(text).digest()
  return `${prefix}_${Array.from(digest.subarray(0, 8), (byte) => ALNUM[byte % ALNUM.length]).join('')}`
}

/** `ORAAS-JOD9XSWD8B`: five capital letters, a dash, ten capitals or digits. */
export function policyNumber(): string {
  return `${randomChars(UPPER, 5)}-${randomChars(UPPER_ALNUM, 10)}`
}

/** `protecht_order_id` is a UUID v4; `policy_number_new` is UUID-shaped, so a v4 serves both. */
export const uuid = randomUUID
