import {
  DEMO_KEYS,
  startSandbox,
  type ClientKeys,
  type RunningSandbox,
  type SandboxOptions
} from '../../src/sandbox'

/** Real loopback HTTP against a real sandbox, the way the app's Teak client talks to it. */

export interface Reply<T> {
  status: number
  headers: Headers
  text: string
  body: T
}

export interface ErrorEntry {
  reason: string
  message: string
  field?: string
}
export interface ErrorBody {
  error: { errors: ErrorEntry[] }
}

async function reply<T>(response: Response): Promise<Reply<T>> {
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: (text ? JSON.parse(text) : undefined) as T
  }
}

export async function request<T = unknown>(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<Reply<T>> {
  const init: RequestInit = { method, headers: { Accept: 'application/json', ...headers } }
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    init.headers = { ...init.headers, 'Content-Type': 'application/json' }
  }
  return reply<T>(await fetch(url, init))
}

/** A partner of the sandbox: gets a fresh auth token per call, as Teak recommends (contract-notes §2.1). */
export class Partner {
  constructor(
    readonly sandbox: RunningSandbox,
    readonly keys: ClientKeys = DEMO_KEYS
  ) {}

  async token(): Promise<string> {
    const { status, body } = await request<{ token: string }>(
      `${this.sandbox.url}/api/v2/auth/token/`,
      'POST',
      {
        public_key: this.keys.publicKey,
        secret_key: this.keys.secretKey
      }
    )
    if (status !== 200) throw new Error(`auth failed with ${status}`)
    return body.token
  }

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    return request<T>(`${this.sandbox.url}${path}`, method, body, {
      Authorization: `JWT ${await this.token()}`
    })
  }
}

export function helper<T = unknown>(sandbox: RunningSandbox, method: string, path: string, body?: unknown) {
  return request<T>(`${sandbox.url}/__sandbox${path}`, method, body)
}

export function errorsOf(reply: Reply<unknown>): ErrorEntry[] {
  return (reply.body as ErrorBody).error.errors
}

/** The full example request of the Opt-Out guide (contract-notes §4.6), minus its token. */
export function exampleOrder(orderNumber = 'order-number-in-my-system-01') {
  const awesome = {
    name: 'Awesome Event',
    start_date: '2027-12-24',
    start_time: '12:00',
    end_date: '2027-12-25',
    end_time: '16:30',
    location: 'Test Location'
  }
  return {
    order_number: orderNumber,
    currency: 'USD',
    event: awesome,
    customer: { first_name: 'John', last_name: 'Doe', email: 'john.doe@example.com', phone: '5555555555' },
    billing_address: {
      address1: '123 Main St',
      address2: 'Ste 1',
      city: 'Phoenix',
      zip_code: '85020',
      state: 'AZ',
      country: 'US'
    },
    items: [
      { name: 'Item 1', reference_number: 'test-item-1', cost: '50', event: { ...awesome } },
      {
        name: 'Item 2',
        reference_number: 'test-item-2',
        cost: '100',
        event: {
          name: 'Another Awesome Event',
          start_date: '2027-01-01',
          start_time: '12:00',
          end_date: '2027-01-01',
          end_time: '13:00',
          location: 'Secret Location'
        }
      }
    ],
    payment: { type: 'invoice' }
  }
}

/** The jwt.io sample token every Teak doc page uses as its quote token: foreign to the sandbox. */
export const DOCS_SAMPLE_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'

export async function startTestSandbox(
  options: SandboxOptions = {}
): Promise<{ sandbox: RunningSandbox; partner: Partner }> {
  const sandbox = await startSandbox(options)
  return { sandbox, partner: new Partner(sandbox) }
}
