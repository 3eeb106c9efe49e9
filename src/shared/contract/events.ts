import { z } from 'zod'
import { importStatusSchema } from './import'

/**
 * Events main pushes to the page (progress of long jobs). Each domain adds its events here; the payload is
 * parsed before it is sent and again when it arrives.
 */
export const eventSchemas = {
  'app.notice': z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() }),
  /** A running import's state and counts, about five times a second, and once more when it ends. */
  'import.progress': importStatusSchema,
  /** A notification from Teak was stored (or marked done): pages showing the inbox or its count reload it. */
  'notifications.changed': z.object({ environment: z.string() })
}

export type EventName = keyof typeof eventSchemas
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>
export interface EventMessage<E extends EventName = EventName> {
  name: E
  payload: EventPayload<E>
}
