import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SIGNATURE_HEADER } from '../../shared/notifications/signature'
import { notificationsOf } from '../../shared/notifications/read-notification'
import type { NotificationBook } from '../journal/notifications'
import { signedForm } from './signature-check'
import { DEFAULT_MAX_BODY_BYTES } from './serve-defaults'

/** Where the receiver takes Teak's POSTs: the webhook URL is the server's address followed by this path. */
export const NOTIFICATIONS_PATH = '/teak/notifications'

export interface ReceiverOptions {
  /** The environment every notification received here belongs to. */
  environment: string
  book: Pick<NotificationBook, 'storeNotifications'>
  /** The webhook secret, read for each delivery (it may be saved while the receiver runs); null checks nothing. */
  secret: () => Promise<string | null> | string | null
  maxBodyBytes?: number
  /** After a delivery is checked, before it is committed (tests stop the process here). */
  beforeCommit?: () => Promise<void>
  /** After a delivery is committed, before it is answered. */
  onStored?: (result: { stored: number; duplicates: number }) => void
}

interface Reply {
  status: number
  body: Record<string, unknown>
}

const refusal = (status: number, message: string): Reply => ({ status, body: { error: message } })

/**
 * Answers Teak's webhook POSTs: a body over the size limit gets 413, one without a valid `X-Protecht-Signature`
 * 401 when a secret is set; anything else is committed to the journal and only then answered 200, so a
 * delivery answered 2xx is never lost, and one that is not is retried by Teak and stored once (dedupe key).
 */
export function notificationHandler(options: ReceiverOptions) {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES

  async function reply(req: IncomingMessage): Promise<Reply | null> {
    const path = new URL(req.url ?? '/', 'http://receiver').pathname
    if (path !== NOTIFICATIONS_PATH)
      return refusal(404, `Teak's notifications are taken at ${NOTIFICATIONS_PATH}.`)
    if (req.method !== 'POST') return refusal(405, 'Teak delivers notifications with POST.')
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return tooLarge(maxBodyBytes)
    const rawBody = await readLimited(req, maxBodyBytes)
    if (rawBody === null) return null
    if (rawBody === 'too-large') return tooLarge(maxBodyBytes)
    if (rawBody.trim() === '') return refusal(400, 'The notification is empty.')

    const secret = await options.secret()
    const header = req.headers[SIGNATURE_HEADER.toLowerCase()]
    const form = secret
      ? await signedForm(secret, typeof header === 'string' ? header : undefined, rawBody)
      : null
    if (secret && form === null) {
      return refusal(
        401,
        header ? `${SIGNATURE_HEADER} does not match the secret.` : `${SIGNATURE_HEADER} is missing.`
      )
    }
    await options.beforeCommit?.()
    const result = options.book.storeNotifications({
      environment: options.environment,
      rawBody,
      signature: form ?? 'unchecked',
      payloads: notificationsOf(parsedOrText(rawBody))
    })
    options.onStored?.(result)
    return { status: 200, body: { received: result.stored + result.duplicates, ...result } }
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    reply(req).then(
      (answer) => answer && send(res, answer),
      // Not stored (the journal was busy or failing): a 5xx makes Teak deliver it again.
      (error: unknown) =>
        send(res, refusal(503, `The notification could not be stored: ${(error as Error).message}`))
    )
  }
}

/** A body that is not JSON is still a notification: stored and shown as text. */
function parsedOrText(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody)
  } catch {
    return rawBody
  }
}

function tooLarge(maxBodyBytes: number): Reply {
  return refusal(413, `A notification has at most ${maxBodyBytes} bytes.`)
}

/** The body as text; 'too-large' once it passes the limit (the rest is not read); null if the sender left. */
async function readLimited(req: IncomingMessage, maxBytes: number): Promise<string | 'too-large' | null> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > maxBytes) return 'too-large'
      chunks.push(chunk)
    }
  } catch {
    return null
  }
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return
  const body = JSON.stringify(reply.body)
  // After a refusal the rest of an unread body is not wanted: the connection is closed rather than drained.
  res
    .writeHead(reply.status, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
      ...(reply.status >= 400 ? { Connection: 'close' } : {})
    })
    .end(body)
}

export interface RunningReceiver {
  /** `http://HOST:PORT/teak/notifications` */
  url: string
  port: number
  close(): Promise<void>
}

export async function startNotificationReceiver(
  options: ReceiverOptions & { host?: string; port?: number }
): Promise<RunningReceiver> {
  const host = options.host ?? '127.0.0.1'
  const server = createServer(notificationHandler(options))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}${NOTIFICATIONS_PATH}`,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    }
  }
}
