import { describe, expect, it } from 'vitest'
import { parseImportFlags } from '../../../src/main/import/cli/import-flags'
import { UsageError } from '../../../src/shared/cli/usage-error'

describe('parseImportFlags', () => {
  it('reads every flag of the documented interface', () => {
    expect(
      parseImportFlags([
        'orders.csv',
        '--env',
        'production',
        '--dry-run',
        '--concurrency',
        '8',
        '--resume',
        '--missing-token-as-opt-in',
        '--yes'
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
      parallel: false
    })
    expect(
      parseImportFlags([
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
    [[], /Name the CSV file/],
    [['a.csv', 'b.csv'], /one file at a time/],
    [['a.csv', '--bogus'], /bogus/],
    [['a.csv', '--concurrency', '0'], /from 1 to 16; got "0"/],
    [['a.csv', '--concurrency', '17'], /from 1 to 16/],
    [['a.csv', '--concurrency', '2.5'], /whole number/],
    [['a.csv', '--env', 'local', '--base-url', 'http://127.0.0.1:1'], /either --env or --base-url/],
    [['a.csv', '--base-url', 'http://teak.example.com'], /https/],
    [['a.csv', '--dry-run', '--report', 'r.json'], /sends nothing/],
    [['a.csv', '--env', ' '], /--env needs a value/]
  ])('refuses %j as a usage error', (argv, message) => {
    expect(() => parseImportFlags(argv)).toThrow(UsageError)
    expect(() => parseImportFlags(argv)).toThrow(message)
  })
})
