import { describe, expect, it } from 'vitest'
import { importFlagsFrom } from '../../../src/main/import/cli/import-flags'
import { parseInvocation } from '../../../src/main/cli/program'
import { UsageError } from '../../../src/shared/cli/usage-error'

/** The import's flags as `teak-desk import <argv>` reads them: the parser, then the import's own checks. */
async function parseImportFlags(argv: string[]) {
  return importFlagsFrom(await parseInvocation(['import', ...argv]))
}

describe('teak-desk import flags', () => {
  it('reads every flag of the documented interface', async () => {
    expect(
      await parseImportFlags([
        'orders.csv',
        '--env',
        'production',
        '--dry-run',
        '--concurrency',
        '8',
        '--resume',
        '--missing-token-as-opt-in',
        '--yes',
        '--assume',
        'billingZipCode=off',
        '--assume',
        'authPath=/api/v2/auth/token',
        '--assume',
        'billingZipCode=block'
      ])
    ).toEqual({
      file: 'orders.csv',
      env: 'production',
      baseUrl: undefined,
      dryRun: true,
      concurrency: 8,
      resume: true,
      report: undefined,
      reportCsv: undefined,
      missingTokenAsOptIn: true,
      yes: true,
      parallel: false,
      // Repeatable; the last one given for a name wins.
      assume: { billingZipCode: 'block', authPath: '/api/v2/auth/token' }
    })
    expect(
      await parseImportFlags([
        'o.csv',
        '--base-url',
        'http://127.0.0.1:8080/',
        '--report',
        'r.json',
        '--report-csv',
        'r.csv'
      ])
    ).toMatchObject({ baseUrl: 'http://127.0.0.1:8080', report: 'r.json', reportCsv: 'r.csv', dryRun: false })
  })

  it.each([
    [[], /missing required argument 'file.csv'/],
    [['a.csv', 'b.csv'], /too many arguments/],
    [['a.csv', '--bogus'], /unknown option '--bogus'/],
    [['a.csv', '--dry-rn'], /Did you mean --dry-run\?/],
    [['a.csv', '--report'], /argument missing/],
    [['a.csv', '--concurrency', '0'], /from 1 to 16; got "0"/],
    [['a.csv', '--concurrency', '17'], /from 1 to 16/],
    [['a.csv', '--concurrency', '2.5'], /whole number/],
    [['a.csv', '--env', 'local', '--base-url', 'http://127.0.0.1:1'], /either --env or --base-url/],
    [['a.csv', '--base-url', 'http://teak.example.com'], /https/],
    [['a.csv', '--dry-run', '--report', 'r.json'], /sends nothing/],
    [['a.csv', '--env', ' '], /--env needs a value/],
    [
      ['a.csv', '--assume', 'zipCode=off'],
      /no assumption "zipCode"\. Valid names: billingZipCode, .*authPath/
    ],
    [['a.csv', '--assume', 'billingZipCode'], /not name=value\. Valid names: billingZipCode/],
    [['a.csv', '--assume', 'billingZipCode=sometimes'], /use block, warn, off/],
    [['a.csv', '--assume', 'trailingSlash=yes'], /use as_documented, always, never/]
  ])('refuses %j as a usage error', async (argv, message) => {
    const refusal = parseImportFlags(argv)
    await expect(refusal).rejects.toThrow(UsageError)
    await expect(refusal).rejects.toThrow(message)
  })
})
