/**
 * The journal refused a write because recording it would be wrong (a secret key, an outcome recorded twice,
 * an operation on an unknown order). The message names what was refused and why.
 */
export class JournalError extends Error {
  override name = 'JournalError'
}
