import { z } from 'zod'
import { NOTIFICATION_KINDS } from '../notifications/kinds'
import { method } from './define'

const environmentId = z.string().min(1).max(100)

/** A webhook secret as Teak's dashboard takes it; the length limit only keeps a paste accident out. */
export const WEBHOOK_SECRET_MAX_LENGTH = 200

/** How the signature matched: over the body as sent, over its json.dumps form, or no secret was set to check. */
export const SIGNATURE_CHECKS = ['raw', 'reserialised', 'unchecked'] as const

/** One notification Teak sent, as the Needs action page lists it. */
export const notificationItemSchema = z.object({
  id: z.number().int(),
  environment: z.string(),
  receivedAt: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** Teak marks it Required: a refund is owed (Contract Void, Contract Downgraded). */
  required: z.boolean(),
  orderNumber: z.string().nullable(),
  policyNumber: z.string().nullable(),
  status: z.string().nullable(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  /** Whether the journal holds the order it names (then it links to History). */
  linked: z.boolean(),
  signature: z.enum(SIGNATURE_CHECKS),
  /** The notification's JSON as Teak sent it: the page shows it when nothing could be read from it. */
  payload: z.string(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable()
})
export type NotificationItem = z.infer<typeof notificationItemSchema>

/** What Settings shows to set the notifications up in Teak's dashboard. */
export const notificationSetupSchema = z.object({
  environmentId: z.string(),
  /** The built-in sandbox delivers to the app itself: nothing to set up. */
  embedded: z.boolean(),
  /** Where the app's own receiver listens (embedded only), or null. */
  receiverUrl: z.string().nullable(),
  /** The command that runs the receiver for this environment where Teak can reach it. */
  serveCommand: z.string(),
  /** The path the receiver answers on, after the server's address (`https://your-server` + path). */
  path: z.string(),
  secretSaved: z.boolean(),
  /** Why the keychain could not be read, if it could not. */
  secretProblem: z.string().nullable()
})
export type NotificationSetup = z.infer<typeof notificationSetupSchema>

const forEnvironment = z.object({ environmentId }).strict()

export const notificationsMethods = {
  /** The environment's notifications, newest first; done ones only when asked. */
  'notifications.list': method(
    z.object({ environmentId, includeDone: z.boolean().default(false) }).strict(),
    z.object({ items: z.array(notificationItemSchema) })
  ),
  /** How many of the environment's notifications are not done yet (the navigation and the Overview show it). */
  'notifications.count': method(forEnvironment, z.object({ open: z.number().int() })),
  /** Records that the agent did what it asks (or took note), with who and when; done twice keeps the first. */
  'notifications.markDone': method(
    z.object({ id: z.number().int().positive() }).strict(),
    notificationItemSchema
  ),
  'notifications.setup': method(forEnvironment, notificationSetupSchema),
  /** Keeps the webhook secret entered in Teak's dashboard in the system keychain. Never returned. */
  'notifications.saveSecret': method(
    z
      .object({
        environmentId,
        secret: z
          .string()
          .trim()
          .min(1, 'Enter the secret you set in Teak’s dashboard.')
          .max(WEBHOOK_SECRET_MAX_LENGTH, `The secret has at most ${WEBHOOK_SECRET_MAX_LENGTH} characters.`)
      })
      .strict(),
    notificationSetupSchema
  ),
  'notifications.removeSecret': method(forEnvironment, notificationSetupSchema)
}
