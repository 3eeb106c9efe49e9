import type { ErrorBody } from './error-body'

/**
 * Whether Teak's refusal of a new order says that its order number already exists. Teak documents only that
 * order numbers are unique per client (contract-notes §4.2), not how it answers a duplicate (§11 #4), so the
 * answer is recognised by meaning: a 409, or any 4xx whose reason, message or `order_number` field error
 * says the number exists, in the wordings APIs like Teak's use (Django REST Framework's "order with this
 * order number already exists." and "The fields client, order_number must make a unique set.", the legacy
 * SDK's `{"reason": "DuplicateOrder…"}`, "already been submitted", "duplicate order number", …).
 */
export function isDuplicateOrderAnswer(status: number, body: ErrorBody): boolean {
  if (status === 409) return true
  if (status < 400 || status > 499) return false
  const texts = [
    ...body.messages,
    ...Object.entries(body.fieldErrors ?? {}).flatMap(([field, messages]) =>
      messages.map((message) => `${field}: ${message}`)
    )
  ]
  return texts.some(saysOrderNumberExists)
}

const ORDER = String.raw`order[\s_-]*(?:number|no\.?|num|#|id|ref(?:erence)?)?`
const EXISTS = String.raw`(?:already[\s_-]*(?:exists?|been[\s_-]*(?:used|taken|submitted|created|placed|processed)|in[\s_-]*use|submitted|created|taken|registered|present)|exists[\s_-]*already|is[\s_-]*taken|not[\s_-]*unique|must[\s_-]*be[\s_-]*unique|unique[\s_-]*(?:set|constraint|violation))`
const PATTERNS = [
  // "order with this order number already exists", "Order number ORD-1 has already been submitted",
  // "order_number: This field must be unique."
  new RegExp(String.raw`\b${ORDER}\b.*\b${EXISTS}`, 'i'),
  // "Duplicate order number", "DuplicateOrderNumber", "duplicate_order", "Duplicate entry 'x' for key 'order_number'"
  new RegExp(String.raw`duplicate[\s_-]*(?:entry.*)?${ORDER}`, 'i'),
  new RegExp(String.raw`${ORDER}.*\bduplicate`, 'i'),
  // "The fields client, order_number must make a unique set."
  /\border_number\b.*\bunique\b/i
]

function saysOrderNumberExists(text: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(text))
}
