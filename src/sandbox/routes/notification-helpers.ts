import { z } from 'zod'
import { MIN_NOTIFICATION_INTERVAL_MS } from '../notifications'
import { parseOrRefuse } from '../errors'
import { parseJsonObject, type ApiResponse } from '../http'
import type { Route } from '../router'
import type { SandboxState } from '../sandbox-state'

/** The webhook set-up of Teak's dashboard (`/__sandbox/notifications`), and "deliver the batch now". */

const deliverySchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  secret: z.string().min(1).nullable().optional(),
  interval_ms: z.number().int().min(MIN_NOTIFICATION_INTERVAL_MS).optional()
})

function view(state: SandboxState): ApiResponse {
  return {
    status: 200,
    body: {
      ...state.notifications.settings(),
      waiting: state.notifications.waitingNow(),
      deliveries: state.notifications.deliveries()
    }
  }
}

export const notificationRoutes: Route[] = [
  { method: 'GET', path: '/__sandbox/notifications', handle: view },
  {
    method: 'PUT',
    path: '/__sandbox/notifications',
    handle: (state, call) => {
      const { interval_ms, ...rest } = parseOrRefuse(deliverySchema, parseJsonObject(call.body))
      state.notifications.configure({ ...rest, intervalMs: interval_ms })
      return view(state)
    }
  },
  {
    method: 'POST',
    path: '/__sandbox/notifications/flush',
    handle: async (state) => {
      await state.notifications.flush()
      return view(state)
    }
  }
]
