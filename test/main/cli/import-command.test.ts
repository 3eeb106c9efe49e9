import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KEYS, startSandbox, type RunningSandbox } from '../../../src/sandbox'
import { importReportSchema, REPORT_CSV_COLUMNS } from '../../../src/shared/import/report'
import { backlogCsv, quoteToken } from '../../shared/import/csv-fixtures'
import { makeTempDir } from '../../support/temp-dir'
import { startFakeTeak } from '../teak/fake-teak'
import { cliEnv, runCli } from './support/cli'

const KEYS = { TEAK_PUBLIC_KEY: DEMO_KEYS.publicKey, TEAK_SECRET_KEY: DEMO_KEYS.secretKey }
/** For tests that run the CLI three times: each run starts tsx, which on a busy machine takes seconds. */
const SEVERAL_RUNS_MS = 60_000

describe('teak-desk import', () => {
  const dir = makeTempDir()
  let sandbox: RunningSandbox
  let files = 0

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
  })
  afterAll(async () => {
    await sandbox.close()
    dir.remove()
  })

  /** A fresh data directory: each test has its own journal and settings. */
  function home(): string {
    const path = join(dir.path, `home-${++files}`)
    mkdirSync(path)
    return path
  }

  function csvFile(content: string | Buffer): string {
    const path = join(dir.path, `backlog-${++files}.csv`)
    writeFileSync(path, content)
    return path
  }

  /** One order per entry: two items, a sandbox-minted opt-in token unless the entry says otherwise. */
  function backlog(orders: ({ order_number: string } & Record<string, string>)[]): string {
    return csvFile(
      backlogCsv(
        orders.flatMap((order) => {
          const base = { quote_token: sandbox.mintQuoteToken({ opt_in: true }), ...order }
          return [
            { ...base, item_reference_number: `${base.order_number}-1` },
            { ...base, item_reference_number: `${base.order_number}-2` }
          ]
        })
      )
    )
  }

  const importInto = (file: string, dataDir: string, ...flags: string[]) =>
    runCli(['import', file, '--base-url', sandbox.url, ...flags], cliEnv(dataDir, KEYS))
  const stored = (orderNumber: string) =>
    sandbox.orders().filter((o) => o.order_number === orderNumber).length

  it('exits 0 when every order is at Teak, and writes the report in the documented shape', async () => {
    const file = backlog([
      { order_number: 'CLI-OK-1' },
      { order_number: 'CLI-OK-2', quote_token: sandbox.mintQuoteToken({ opt_in: false }) },
      { order_number: '=HYPERLINK("http://evil.example")' }
    ])
    const report = join(dir.path, 'ok.json')
    const reportCsv = join(dir.path, 'ok.csv')
    const result = await importInto(file, home(), '--report', report, '--report-csv', reportCsv)

    expect(result.stderr).not.toMatch(/Error/)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/created\s+2\n\s+opted out\s+1\n/)
    const json = importReportSchema.parse(JSON.parse(readFileSync(report, 'utf8')))
    expect(json).toMatchObject({
      file,
      environment: sandbox.url,
      summary: {
        orders: 3,
        created: 2,
        opted_out: 1,
        already_submitted: 0,
        invalid: 0,
        rejected: 0,
        failed: 0,
        in_doubt: 0,
        being_sent_elsewhere: 0
      }
    })
    expect(json.orders[0]).toMatchObject({
      order_number: 'CLI-OK-1',
      rows: [2, 3],
      outcome: 'created',
      status: 201
    })
    expect(json.orders[0].policies.map((p) => p.item_reference_number)).toEqual(['CLI-OK-1-1', 'CLI-OK-1-2'])
    expect(json.orders[1]).toMatchObject({ outcome: 'opted_out', status: 204, policies: [] })

    const csv = readFileSync(reportCsv, 'utf8').split('\r\n')
    expect(csv[0]).toBe(REPORT_CSV_COLUMNS.join(','))
    // One row per policy, with its currency and premium in columns of their own.
    for (const [line, item] of [
      [csv[1], 'CLI-OK-1-1'],
      [csv[2], 'CLI-OK-1-2']
    ]) {
      expect(line).toMatch(
        new RegExp(
          `^CLI-OK-1,"2, 3",created,201,,"[A-Z]{5}-\\w+ \\(item ${item}, premium \\d+\\.\\d\\d\\)",\\d+,[A-Z]{5}-\\w+,${item},USD,\\d+\\.\\d\\d$`
        )
      )
    }
    // The order number a spreadsheet would run as a formula is made inert.
    expect(csv.find((line) => line.includes('HYPERLINK'))).toMatch(
      /^"'=HYPERLINK\(""http:\/\/evil.example""\)",/
    )
  })

  it('sends nothing again for orders already at Teak when the same file is imported again', async () => {
    const file = backlog([{ order_number: 'CLI-AGAIN-1' }, { order_number: 'CLI-AGAIN-2' }])
    const dataDir = home()
    expect((await importInto(file, dataDir)).code).toBe(0)
    const again = await importInto(file, dataDir)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('2 of them were already at Teak before this run and were not sent again.')
    expect(stored('CLI-AGAIN-1') + stored('CLI-AGAIN-2')).toBe(2)
  })

  it('exits 1 when an order is invalid or rejected, still sending the others, and says which and why', async () => {
    const file = backlog([
      { order_number: 'CLI-BAD-1', item_cost: 'ten' },
      { order_number: 'CLI-BAD-2', quote_token: quoteToken({ opt_in: true }) },
      { order_number: 'CLI-BAD-3' }
    ])
    const report = join(dir.path, 'bad.json')
    const result = await importInto(file, home(), '--report', report)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Order CLI-BAD-1 (rows 2, 3) invalid:\n  Row 2, item_cost:')
    expect(result.stdout).toMatch(/Order CLI-BAD-2 \(rows 4, 5\) rejected, Teak answered 400:/)
    const json = importReportSchema.parse(JSON.parse(readFileSync(report, 'utf8')))
    expect(json.summary).toMatchObject({ orders: 3, invalid: 1, rejected: 1, created: 1 })
    expect(stored('CLI-BAD-1') + stored('CLI-BAD-2')).toBe(0)
    expect(stored('CLI-BAD-3')).toBe(1)
  })

  it('exits 1 and sends nothing when the file cannot be read as UTF-8', async () => {
    const file = csvFile(Buffer.from('order_number,currency\nA-1,USD,Caf\xe9\n', 'latin1'))
    const before = sandbox.requests().length
    const result = await importInto(file, home())
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/File error: .*UTF-8/)
    expect(result.stderr).toContain('Nothing was sent')
    expect(sandbox.requests().length).toBe(before)
  })

  it('imports into the built-in sandbox with --env local and its demo keys', async () => {
    const file = csvFile(backlogCsv([{ order_number: 'CLI-LOCAL-1', quote_token: '' }]))
    const refused = await runCli(['import', file, '--env', 'local'], cliEnv(home()))
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(/quote_token/)
    const sent = await runCli(['import', file, '--env', 'local', '--missing-token-as-opt-in'], cliEnv(home()))
    expect(sent.stderr).toMatch(/Import progress: 1\/1 orders/)
    expect(sent.code).toBe(0)
    expect(sent.stdout).toMatch(/into local: 1 orders\.\n\s+created\s+1/)
  })

  it('uses TEAK_PUBLIC_KEY / TEAK_SECRET_KEY only for the environment the run names', async () => {
    const elsewhere = await startFakeTeak((request) => ({ status: 400, body: { echo: request.body } }))
    /** A data directory whose Settings select "Elsewhere" (the recording server) and know "Staging". */
    const withSettings = () => {
      const dataDir = home()
      writeFileSync(
        join(dataDir, 'settings.json'),
        JSON.stringify({
          version: 1,
          selectedEnvironment: 'elsewhere',
          customEnvironments: [
            { id: 'staging', label: 'Staging', baseUrl: sandbox.url },
            { id: 'elsewhere', label: 'Elsewhere', baseUrl: elsewhere.url }
          ]
        })
      )
      return dataDir
    }
    try {
      const file = backlog([{ order_number: 'CLI-SCOPE-1' }])
      const [unnamed, contradicting, named] = await Promise.all([
        runCli(['import', file], cliEnv(withSettings(), KEYS)),
        runCli(
          ['import', file, '--env', 'staging'],
          cliEnv(withSettings(), { ...KEYS, TEAK_ENV: 'elsewhere' })
        ),
        runCli(['import', file, '--env', 'staging'], cliEnv(withSettings(), KEYS))
      ])
      expect(elsewhere.requests).toEqual([])
      expect(unnamed.code).toBe(2)
      expect(unnamed.stderr).toBe(
        'No keys are set for Elsewhere. Enter them in Settings first. TEAK_PUBLIC_KEY and TEAK_SECRET_KEY are used only for the environment named by TEAK_ENV (on the command line: --env or --base-url), never for the local sandbox; no environment is named, so they are ignored.\n'
      )
      expect(contradicting.code).toBe(2)
      expect(contradicting.stderr).toMatch(/^TEAK_ENV names "elsewhere" but this run is for "staging"/)
      expect(named.stderr).not.toMatch(/Error/)
      expect(named.code).toBe(0)
      expect(stored('CLI-SCOPE-1')).toBe(1)
    } finally {
      await elsewhere.close()
    }
  }, 60_000)

  it('checks a file with --dry-run without sending or opening the journal', async () => {
    const good = backlog([{ order_number: 'CLI-DRY-1' }])
    const bad = backlog([{ order_number: 'CLI-DRY-2', currency: 'XYZ' }])
    const dataDir = home()
    const before = sandbox.requests().length
    const [ok, notOk] = await Promise.all([
      runCli(['import', good, '--dry-run'], cliEnv(dataDir)),
      runCli(['import', bad, '--dry-run'], cliEnv(dataDir))
    ])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('2 rows, 1 orders: 1 valid (1 opt-in, 0 opt-out), 0 invalid.')
    expect(notOk.code).toBe(1)
    expect(notOk.stdout).toMatch(/Order CLI-DRY-2 \(rows 2, 3\) is invalid:\n {2}Row 2, currency: /)
    expect(sandbox.requests().length).toBe(before)
    expect(readdirSync(dataDir)).not.toContain('journal.sqlite')
  })

  it(
    'sends an order without a zip code (a country without postcodes) with a warning, unless told to block it',
    async () => {
      const uae = { billing_city: 'Dubai', billing_zip_code: '', billing_country: 'AE' }
      const file = backlog([{ order_number: 'CLI-AE-1', ...uae }])
      const dry = await runCli(['import', file, '--dry-run'], cliEnv(home()))
      expect(dry.code).toBe(0)
      expect(dry.stdout).toContain(
        'Order CLI-AE-1 (rows 2, 3) would be sent with warnings:\n  Row 2, billing_zip_code: No zip code given. (assumption billingZipCode: a warning; the order is still sent)'
      )

      const blocked = await importInto(file, home(), '--assume', 'billingZipCode=block')
      expect(blocked.code).toBe(1)
      expect(blocked.stdout).toMatch(/invalid\s+1/)
      expect(stored('CLI-AE-1')).toBe(0)

      const sent = await importInto(file, home())
      expect(sent.code).toBe(0)
      expect(sent.stdout).toMatch(/created\s+1/)
      expect(sandbox.orders().find((o) => o.order_number === 'CLI-AE-1')?.billing_address).toEqual({
        address1: '123 Main St',
        city: 'Dubai',
        country: 'AE'
      })
    },
    SEVERAL_RUNS_MS
  )

  it(
    "applies the environment's assumptions from Settings, with --assume over them",
    async () => {
      const dataDir = home()
      writeFileSync(
        join(dataDir, 'settings.json'),
        JSON.stringify({
          version: 1,
          customEnvironments: [{ id: 'strict-zip', label: 'Strict zip', baseUrl: sandbox.url }],
          assumptions: { 'strict-zip': { billingZipCode: 'block' } }
        })
      )
      const file = backlog([{ order_number: 'CLI-AE-2', billing_zip_code: '', billing_country: 'AE' }])
      const env = cliEnv(dataDir, KEYS)
      const [refused, unknown] = await Promise.all([
        runCli(['import', file, '--env', 'strict-zip', '--dry-run'], env),
        runCli(['import', file, '--env', 'strict-zip', '--assume', 'zip=off'], env)
      ])
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toMatch(
        /--assume zip=off: There is no assumption "zip"\. Valid names: billingZipCode, .*trailingSlash\./
      )
      expect(refused.code).toBe(1)
      expect(refused.stdout).toContain('No zip code given. (assumption billingZipCode: set to block)')
      const overridden = await runCli(
        ['import', file, '--env', 'strict-zip', '--assume', 'billingZipCode=warn'],
        env
      )
      expect(overridden.code).toBe(0)
      expect(stored('CLI-AE-2')).toBe(1)
    },
    SEVERAL_RUNS_MS
  )

  it('exits 2 when the command cannot start: flags, file, keys, production without --yes', async () => {
    const file = backlog([{ order_number: 'CLI-USAGE-1' }])
    const dataDir = home()
    const cases: [string[], RegExp][] = [
      [
        ['import', file, '--frobnicate'],
        /unknown option '--frobnicate'[\s\S]*Run "teak-desk help import" for usage/
      ],
      [['import', join(dir.path, 'missing.csv')], /There is no file .*missing\.csv/],
      [['import', file, '--env', 'production'], /real, billable protection\. Add --yes to confirm/],
      [['import', file, '--env', 'nowhere'], /There is no environment "nowhere"/],
      [
        ['import', file, '--base-url', sandbox.url],
        /--base-url needs the keys in TEAK_PUBLIC_KEY and TEAK_SECRET_KEY/
      ],
      [['import', file, '--report', join(dir.path, 'no', 'r.json')], /folder .* does not exist/]
    ]
    const before = sandbox.requests().length
    const results = await Promise.all(cases.map(([argv]) => runCli(argv, cliEnv(dataDir))))
    results.forEach((result, i) => {
      expect({ argv: cases[i][0], code: result.code }).toEqual({ argv: cases[i][0], code: 2 })
      expect(result.stderr).toMatch(cases[i][1])
    })
    expect(sandbox.requests().length).toBe(before)
  })
})
