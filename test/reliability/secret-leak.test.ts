import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RENDERER_OUT_DIR } from '../../src/main/cli/renderer-build'
import { createDispatcher } from '../../src/main/contract/dispatcher'
import { runImport } from '../../src/main/import/import-engine'
import { writeReportFiles } from '../../src/main/import/report-files'
import { createHandlers } from '../../src/main/ipc/handlers'
import { JOURNAL_FILE_NAME } from '../../src/main/journal/journal'
import { logInternalError } from '../../src/main/log'
import { openEnvironmentClient } from '../../src/main/orders/teak-client-for'
import { createKeytarSecretStore } from '../../src/main/secrets/keytar-store'
import { createServices, type Services } from '../../src/main/services'
import { startSandbox, type RunningSandbox } from '../../src/sandbox'
import type { Result } from '../../src/shared/contract'
import { parseBacklog } from '../../src/shared/import/parse-backlog'
import { readJwtClaims } from '../../src/shared/teak/quote-token'
import { cliEnv, runCli } from '../main/cli/support/cli'
import { AUTH_PATH, startFakeTeak, type FakeTeak } from '../main/teak/fake-teak'
import { keychainForTests, testKeychainService } from '../main/secrets/support/keychain'
import { makeTempDir } from '../support/temp-dir'
import { generatedBacklogCsv } from './support/backlog-orders'

/** The keys of the custom environment: the secret must show up nowhere but in the keychain. */
const PUBLIC_KEY = 'pk_test_leakscan_public'
const SECRET_KEY = 'sk_test_LEAKSCAN_8f3b1c9e77d24a05'
/** A wrong secret, entered by mistake first: error paths must not echo it either. */
const WRONG_SECRET_KEY = 'sk_test_WRONGKEY_2d6e0a4419c3b7f1'
const SECRETS = [SECRET_KEY, WRONG_SECRET_KEY]

const keychain = await keychainForTests()

/**
 * The secrets as written, JSON-escaped, URL-encoded, and as base64 would carry them (a Basic header, a careless
 * dump, a server echoing the whole auth request): base64 of any text holding the secret contains one of the
 * secret's encodings after 0, 1 or 2 other bytes, less the first and last groups it shares with its neighbours.
 */
function secretForms(): string[] {
  const forms = SECRETS.flatMap((secret) => {
    const written = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]
    const encoded = [0, 1, 2].flatMap((shift) => {
      const bytes = Buffer.concat([Buffer.alloc(shift, 'x'), Buffer.from(secret)])
      return [bytes.toString('base64'), bytes.toString('base64url')].map((text) => text.slice(4, 24))
    })
    return [...written, ...encoded]
  })
  return [...new Set(forms)]
}

/** The auth request the client sends, as a server would see it. */
const authRequestBody = (secretKey: string) =>
  JSON.stringify({ public_key: PUBLIC_KEY, secret_key: secretKey })

/** Every auth token (a JWT whose claims say `token_use: auth`) in a text: quote tokens are not secret. */
function authTokensIn(text: string): string[] {
  return (text.match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g) ?? []).filter((jwt) => {
    const reading = readJwtClaims(jwt)
    return reading.ok && reading.claims.token_use === 'auth'
  })
}

/** What of the secrets and auth tokens a text holds; empty when it leaks nothing. */
function leaksIn(text: string): string[] {
  return [...secretForms().filter((form) => text.includes(form)), ...authTokensIn(text)]
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
}

/** Every file's bytes as Latin-1, so ASCII secrets are found in binary files (the journal, its WAL) too. */
function leaksInFiles(dir: string): Record<string, string[]> {
  const found: Record<string, string[]> = {}
  for (const path of filesUnder(dir)) {
    const leaks = leaksIn(readFileSync(path).toString('latin1'))
    if (leaks.length > 0) found[path] = leaks
  }
  return found
}

/** Every row of every table of a SQLite file, as text (a value split across pages is whole here). */
function databaseDump(path: string): string {
  const db = new Database(path, { readonly: true })
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[]
    return tables.map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all())).join('\n')
  } finally {
    db.close()
  }
}

/**
 * A full flow with known test secrets: keys for a custom loopback environment in the keychain (a wrong
 * secret first), a connection test, submissions (created, refused as a duplicate, in doubt and resolved),
 * an import through the engine with failures, another through the CLI with the keys in environment
 * variables, History search, detail and export, reports. Then every place those could end up is searched.
 */
describe.skipIf(!keychain.run)(keychain.title('the secret key and auth tokens leak nowhere'), () => {
  const dir = makeTempDir('teak-reliability-leaks-')
  const dataDir = join(dir.path, 'data')
  const cliHome = join(dir.path, 'cli-home')
  const reports = join(dir.path, 'reports')
  const responses: string[] = []
  let cliOutput = ''
  let sandbox: RunningSandbox
  /** A Teak stand-in that refuses every auth call with a 400 echoing the request, base64- and URL-encoded. */
  let echoing: FakeTeak
  let services: Services

  beforeAll(async () => {
    sandbox = await startSandbox({ clients: [{ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY }] })
    echoing = await startFakeTeak((request) =>
      request.url === AUTH_PATH
        ? {
            status: 400,
            body: {
              error: {
                errors: [
                  {
                    reason: 'invalid',
                    message: `Cannot parse ${Buffer.from(request.body).toString('base64')}`
                  },
                  { reason: 'invalid', message: Buffer.from(request.body).toString('base64url') },
                  { reason: 'invalid', field: 'secret_key', message: encodeURIComponent(request.body) }
                ]
              }
            }
          }
        : { status: 500, body: 'unexpected call' }
    )
    services = await createServices({
      dataDir,
      version: '0.0.0-test',
      host: 'browser',
      secrets: createKeytarSecretStore({ service: testKeychainService() })
    })
    const dispatch = createDispatcher(createHandlers(services), {
      onInternalError: logInternalError(dataDir)
    })
    const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
      const result = await dispatch(method, input)
      responses.push(JSON.stringify(result))
      return result
    }
    const data = <T>(result: Result<unknown>): T => {
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
      return result.data as T
    }

    const { id } = data<{ id: string }>(
      await call('settings.saveEnvironment', { label: 'Leak check', baseUrl: sandbox.url })
    )
    await call('settings.setKeys', { envId: id, publicKey: PUBLIC_KEY, secretKey: WRONG_SECRET_KEY })
    expect(data(await call('settings.testConnection', { envId: id }))).toMatchObject({ ok: false })
    await call('settings.setKeys', { envId: id, publicKey: PUBLIC_KEY, secretKey: SECRET_KEY })
    expect(data(await call('settings.testConnection', { envId: id }))).toMatchObject({ ok: true })
    await call('settings.selectEnvironment', { id })
    await call('settings.get', {})

    const submit = (orderNumber: string) =>
      call('orders.submit', {
        environmentId: id,
        order: {
          token: sandbox.mintQuoteToken({ opt_in: true }),
          order_number: orderNumber,
          currency: 'USD',
          event: { name: 'Match', start_date: '2027-05-01' },
          items: [{ name: 'Seat', reference_number: `${orderNumber}-1`, cost: '80' }],
          customer: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' },
          billing_address: { address1: '2 Side St', city: 'Arlington', zip_code: '22201', country: 'US' }
        }
      })
    expect(data(await submit('LEAK-1'))).toMatchObject({ outcome: 'created' })
    // Sent again: Teak refuses the duplicate with a 409 and its own error text.
    expect(data(await submit('LEAK-1'))).toMatchObject({ outcome: 'already_submitted' })
    await call('orders.decodeQuote', { environmentId: id, token: sandbox.mintQuoteToken({ opt_in: true }) })

    // A server that echoes the auth request back, encoded: in the connection test, a submission and its History.
    const echo = data<{ id: string }>(
      await call('settings.saveEnvironment', { label: 'Echoing stand-in', baseUrl: echoing.url })
    ).id
    await call('settings.setKeys', { envId: echo, publicKey: PUBLIC_KEY, secretKey: SECRET_KEY })
    expect(data(await call('settings.testConnection', { envId: echo }))).toMatchObject({ ok: false })
    await call('orders.submit', {
      environmentId: echo,
      order: {
        token: sandbox.mintQuoteToken({ opt_in: true }),
        order_number: 'LEAK-ECHO-1',
        currency: 'USD',
        event: { name: 'Match', start_date: '2027-05-01' },
        items: [{ name: 'Seat', reference_number: 'LEAK-ECHO-1-1', cost: '80' }],
        customer: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' },
        billing_address: { address1: '2 Side St', city: 'Arlington', zip_code: '22201', country: 'US' }
      }
    })
    await call('history.detail', { environment: echo, orderNumber: 'LEAK-ECHO-1' })
    expect(echoing.requests.filter((request) => request.url === AUTH_PATH).length).toBeGreaterThanOrEqual(2)
    await services.secrets.delete(echo)

    // An import through the engine, some of its calls failing (in doubt, or failed), keys from the keychain.
    mkdirSync(reports)
    const backlog = join(dir.path, 'backlog.csv')
    writeFileSync(
      backlog,
      generatedBacklogCsv({
        orders: 20,
        prefix: 'LEAKIMP',
        quoteToken: sandbox.mintQuoteToken({ opt_in: true })
      })
    )
    sandbox.setFaults({ failRate: 0.3 })
    const { client } = await openEnvironmentClient(services, id)
    try {
      const { report } = await runImport({
        journal: services.journal,
        client,
        environment: id,
        file: backlog,
        orders: parseBacklog(readFileSync(backlog)).orders,
        retry: { maxAttempts: 1, baseMs: 1, capMs: 1 }
      })
      // 503s on the order leave it in doubt; 503s on its token make it fail before sending.
      expect(report.summary.failed + report.summary.in_doubt).toBeGreaterThan(0)
      await writeReportFiles(report, { json: join(reports, 'engine.json'), csv: join(reports, 'engine.csv') })
    } finally {
      client.close()
    }
    sandbox.setFaults({ failRate: 0 })

    // The same file through the CLI, with the keys in TEAK_PUBLIC_KEY / TEAK_SECRET_KEY.
    const cli = await runCli(
      [
        'import',
        backlog,
        '--base-url',
        sandbox.url,
        '--report',
        join(reports, 'cli.json'),
        '--report-csv',
        join(reports, 'cli.csv')
      ],
      cliEnv(cliHome, { TEAK_PUBLIC_KEY: PUBLIC_KEY, TEAK_SECRET_KEY: SECRET_KEY })
    )
    // The engine's import already created most of these orders, unknown to the CLI's journal: Teak answers that
    // they exist, so they are already at Teak (never "rejected"), and the rest are created now.
    expect(cli.code).toBe(0)
    cliOutput = cli.stdout + cli.stderr

    await call('history.search', { text: 'LEAK', limit: 50 })
    await call('history.detail', { environment: id, orderNumber: 'LEAK-1' })
    await call('history.export', { format: 'json', filter: {} })
    await call('history.export', { format: 'csv', filter: {} })
    await call('history.inDoubt', {})
    // Last, an unexpected failure (the journal closed under the handlers) goes to logs/main.log with its stack.
    services.journal.close()
    expect(await call('history.search', { limit: 5 })).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  }, 60_000)

  afterAll(async () => {
    await services?.secrets.delete(services.settings.selectedEnvironment().id)
    await services?.close()
    await sandbox?.close()
    await echoing?.close()
    dir.remove()
  })

  it('the scan finds the secret in every encoding, and an auth token, when they are there', async () => {
    const response = await fetch(`${sandbox.url}/api/v2/auth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: authRequestBody(SECRET_KEY)
    })
    const { token } = (await response.json()) as { token: string }
    expect(leaksIn(`log line ${token}`)).toEqual([token])
    const planted = [
      WRONG_SECRET_KEY,
      Buffer.from(SECRET_KEY).toString('base64'),
      encodeURIComponent(authRequestBody(SECRET_KEY)),
      ...['', 'a', 'ab'].flatMap((shift) => [
        Buffer.from(shift + authRequestBody(SECRET_KEY)).toString('base64'),
        Buffer.from(shift + authRequestBody(WRONG_SECRET_KEY)).toString('base64url')
      ])
    ]
    for (const text of planted) expect(leaksIn(`echo: ${text}`), text).not.toEqual([])
    expect(leaksIn(`quote ${sandbox.mintQuoteToken({ opt_in: true })}`)).toEqual([])
  })

  it('the echoing stand-in got the secret, and its answers were seen', () => {
    const bodies = echoing.requests.map((request) => request.body)
    expect(bodies).toContain(authRequestBody(SECRET_KEY))
    expect(responses.some((response) => response.includes('LEAK-ECHO-1'))).toBe(true)
  })

  it('the flow really used the secret: Teak holds the orders of the custom client', () => {
    const orderNumbers = sandbox.orders().map((order) => order.order_number)
    expect(orderNumbers).toContain('LEAK-1')
    expect(orderNumbers.filter((n) => n.startsWith('LEAKIMP-')).length).toBeGreaterThan(0)
  })

  it('not in any contract response the page received', () => {
    expect(responses.length).toBeGreaterThan(15)
    expect(responses.flatMap(leaksIn)).toEqual([])
  })

  it('not in the data directory: settings, logs, journal (with its WAL), drafts, sandbox state', () => {
    expect(filesUnder(dataDir).map((path) => path.slice(dataDir.length + 1))).toEqual(
      expect.arrayContaining(['settings.json', JOURNAL_FILE_NAME, join('logs', 'main.log')])
    )
    expect(leaksInFiles(dataDir)).toEqual({})
    expect(leaksInFiles(cliHome)).toEqual({})
  })

  it('not in the journal rows, read through SQLite', () => {
    expect(leaksIn(databaseDump(join(dataDir, JOURNAL_FILE_NAME)))).toEqual([])
    expect(leaksIn(databaseDump(join(cliHome, JOURNAL_FILE_NAME)))).toEqual([])
  })

  it('not in the import reports, JSON or CSV, nor in what the CLI printed', () => {
    expect(filesUnder(reports)).toHaveLength(4)
    expect(leaksInFiles(reports)).toEqual({})
    // The CLI met Teak's duplicate answers (their bodies are kept in its journal and report).
    expect(cliOutput).toMatch(/already submitted\s+[1-9]/)
    expect(leaksIn(cliOutput)).toEqual([])
  })

  it('not in the renderer bundle', () => {
    expect(leaksInFiles(RENDERER_OUT_DIR)).toEqual({})
  })
})
