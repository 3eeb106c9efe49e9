import { IMPORT_CONCURRENCY } from '../../shared/contract/import-concurrency'
import { ORDER_OUTCOMES } from '../../shared/journal/outcomes'
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_SERVE_PORT } from '../notifications/serve-defaults'

/**
 * Every `teak-desk` command as data: its arguments, options and examples. The one definition that the
 * parser (program.ts), the help text and the README's command-line section (scripts/cli-readme.ts) are all
 * built from, so they cannot drift. Nothing here may load a service: `--help` reads it.
 */

export interface OptionDefinition {
  /** Commander's form: "--env <id>", "--dry-run", "-q, --quiet". */
  flags: string
  description: string
  /** What applies when the option is left out, as help shows it. */
  defaultText?: string
  choices?: readonly string[]
  /** May be given several times; every value is kept, in order. */
  repeatable?: boolean
}

export interface ArgumentDefinition {
  name: string
  description: string
  required: boolean
}

export interface CommandDefinition {
  name: string
  summary: string
  /** Longer than the summary: what the command does, read-only or not. */
  description: string
  arguments: readonly ArgumentDefinition[]
  options: readonly OptionDefinition[]
  examples: readonly (readonly [command: string, explanation: string])[]
}

export const JSON_OPTION = '--json'
export const QUIET_OPTION = '-q, --quiet'

/** Every command has these: one JSON document on stdout for scripts, and silence on stderr but for errors. */
const OUTPUT_OPTIONS: readonly OptionDefinition[] = [
  {
    flags: JSON_OPTION,
    description: 'Print one JSON document on stdout; messages and progress stay on stderr.'
  },
  { flags: QUIET_OPTION, description: 'Print no progress or messages on stderr, only errors.' }
]

const ENV_FOR_READING: OptionDefinition = {
  flags: '--env <id>',
  description:
    'Only orders sent to this environment (local, sandbox, production, a custom id, or an address).',
  defaultText: 'every environment'
}

const HISTORY_FILTERS: readonly OptionDefinition[] = [
  ENV_FOR_READING,
  { flags: '--outcome <outcome>', description: 'Only orders with this outcome.', choices: ORDER_OUTCOMES },
  {
    flags: '--since <date>',
    description:
      'Only orders first seen at or after this UTC date or time (2027-12-24 or 2027-12-24T08:00:00Z).'
  }
]

const SEARCH_TEXT: ArgumentDefinition = {
  name: 'search text',
  description:
    'Words or their beginnings in the order number, customer name or email, item reference or policy number.',
  required: false
}

export const COMMAND_DEFINITIONS: readonly CommandDefinition[] = [
  {
    name: 'import',
    summary: 'Send the orders of a backlog CSV file to Teak, each exactly once.',
    description:
      'Send the orders of a backlog CSV file to Teak. Every order is journaled before it is sent and after it ' +
      'answers; an order already at Teak is never sent again. Progress goes to stderr, the summary to stdout.',
    arguments: [
      { name: 'file.csv', description: 'The backlog file (see "CSV format" in the README).', required: true }
    ],
    options: [
      {
        flags: '--env <id>',
        description: 'The environment to send to: local, sandbox, production or a custom id from Settings.',
        defaultText: 'the one selected in Settings, or TEAK_ENV'
      },
      {
        flags: '--base-url <url>',
        description:
          'Send to this address instead of an environment; needs TEAK_PUBLIC_KEY and TEAK_SECRET_KEY. Not with --env.'
      },
      {
        flags: '--dry-run',
        description: 'Check the file and print its findings; opens no keychain or journal and sends nothing.'
      },
      {
        flags: '--concurrency <n>',
        description: `Orders in flight at once, ${IMPORT_CONCURRENCY.min} to ${IMPORT_CONCURRENCY.max}.`,
        defaultText: `from Settings, ${IMPORT_CONCURRENCY.default}`
      },
      {
        flags: '--resume',
        description: 'Continue the interrupted import of this file (after Ctrl+C or a crash).'
      },
      {
        flags: '--parallel',
        description:
          'Run beside an import of the same file that is alive elsewhere, taking only the orders it does not hold.'
      },
      {
        flags: '--report <out.json>',
        description: 'Write the report as JSON: summary and one entry per order.'
      },
      {
        flags: '--report-csv <out.csv>',
        description: 'Write the report as CSV, every cell guarded against formulas.'
      },
      {
        flags: '--missing-token-as-opt-in',
        description:
          'Send orders without a quote token (Teak treats them as opt-ins) instead of refusing them.'
      },
      { flags: '--yes', description: 'Confirm an import into production (real, billable protection).' },
      {
        flags: '--assume <name=value>',
        description: 'Set an assumption for this run, over the environment\'s own (see "Assumptions").',
        repeatable: true
      },
      ...OUTPUT_OPTIONS
    ],
    examples: [
      ['teak-desk import backlog.csv --dry-run', 'check a file without sending anything'],
      [
        'teak-desk import backlog.csv --env sandbox --report report.json',
        "send to Teak's sandbox, keep a report"
      ],
      ['teak-desk import backlog.csv --resume', 'continue an import that was interrupted'],
      ['teak-desk import backlog.csv --json --quiet | jq .summary', 'the summary for a script']
    ]
  },
  {
    name: 'history',
    summary: 'List the orders sent from this computer, newest first (read-only).',
    description:
      'List the orders in the journal, newest first, as the History page does: outcome, policies and their ' +
      'last status. Reads the journal only; sends nothing.',
    arguments: [SEARCH_TEXT],
    options: [
      ...HISTORY_FILTERS,
      { flags: '--limit <n>', description: 'At most this many orders, 1 to 500.', defaultText: '50' },
      ...OUTPUT_OPTIONS
    ],
    examples: [
      ['teak-desk history', 'the 50 newest orders'],
      ['teak-desk history "Jane Doe" --env production', "Jane Doe's orders in production"],
      [
        'teak-desk history --outcome failed --since 2027-12-01 --json',
        'failed orders since December, as JSON'
      ]
    ]
  },
  {
    name: 'order',
    summary: 'Show one order: what was sent, every attempt, its policies (read-only).',
    description:
      'Show one order from the journal as its History page does: the order, its items, its policies with the ' +
      'status Teak last returned, and every attempt with its request and answer. Reads the journal only.',
    arguments: [
      { name: 'order-number', description: 'The order number, as in the backlog file.', required: true }
    ],
    options: [
      {
        flags: '--env <id>',
        description: 'The environment the order was sent to; needed only when it was sent to several.',
        defaultText: 'the one environment that has it'
      },
      ...OUTPUT_OPTIONS
    ],
    examples: [
      ['teak-desk order 10045', 'did order 10045 reach Teak, and with which policies?'],
      ['teak-desk order 10045 --env production --json', 'the same for a script']
    ]
  },
  {
    name: 'in-doubt',
    summary: 'List what needs resolving: attempts that may or may not have reached Teak (read-only).',
    description:
      'List every attempt whose answer never came, so Teak may or may not have it, and how to resolve each. ' +
      'Reads the journal only; exits 1 when something awaits resolving.',
    arguments: [],
    options: [ENV_FOR_READING, ...OUTPUT_OPTIONS],
    examples: [
      ['teak-desk in-doubt', 'what awaits resolving, and how'],
      ['teak-desk in-doubt --quiet || echo "orders to resolve"', 'a check for a cron job']
    ]
  },
  {
    name: 'export',
    summary: "Export the History as CSV or JSON, the app's export (read-only).",
    description:
      'Write the orders of the History as the app exports them: CSV for spreadsheets (every cell guarded ' +
      'against formulas, with a byte order mark for Excel) or JSON for programs. Reads the journal only.',
    arguments: [SEARCH_TEXT],
    options: [
      {
        flags: '--format <format>',
        description: 'The file format.',
        choices: ['csv', 'json'],
        defaultText: 'csv'
      },
      { flags: '-o, --output <file>', description: 'Write to this file.', defaultText: 'stdout' },
      ...HISTORY_FILTERS,
      ...OUTPUT_OPTIONS
    ],
    examples: [
      ['teak-desk export --output history.csv', 'every order, for a spreadsheet'],
      ['teak-desk export --format json --env production', 'production orders as JSON on stdout']
    ]
  },
  {
    name: 'ui',
    summary: 'Serve the Teak Desk interface to a browser on this computer.',
    description:
      'Start the same services as the desktop app and serve its interface on http://127.0.0.1:PORT/ only. ' +
      'The printed address carries a per-launch token; stop with Ctrl+C. The default command.',
    arguments: [],
    options: [
      { flags: '--port <n>', description: 'The port to listen on; 0 picks a free one.', defaultText: '0' },
      ...OUTPUT_OPTIONS
    ],
    examples: [['teak-desk ui --port 5170', 'serve the interface on port 5170']]
  },
  {
    name: 'sandbox',
    summary: 'Run the local Teak sandbox on its own.',
    description:
      'Run the local Teak sandbox (every documented endpoint, with demo keys). The first stdout line is ' +
      '"Teak sandbox listening on http://127.0.0.1:PORT", then the demo keys; stop with Ctrl+C.',
    arguments: [],
    options: [
      { flags: '--port <n>', description: 'The port to listen on; 0 picks a free one.', defaultText: '0' },
      { flags: '--latency-ms <n>', description: 'Delay every answer by this many milliseconds.' },
      { flags: '--fail-rate <x>', description: 'Answer this share of calls (0 to 1) with 503.' },
      { flags: '--reset-rate <x>', description: 'Drop this share of connections (0 to 1).' },
      {
        flags: '--rate-limit <n>',
        description: 'Answer 429 with Retry-After past this many calls a second.'
      },
      { flags: '--seed <n>', description: 'Seed the random faults, so a run can be repeated.' },
      {
        flags: '--state <file.json>',
        description: 'Keep the orders in this file across restarts.',
        defaultText: 'in memory only'
      },
      {
        flags: JSON_OPTION,
        description:
          'Print one line of JSON on stdout instead: url, the demo keys, stateFile and assumptions.'
      }
    ],
    examples: [
      ['teak-desk sandbox --port 8080 --fail-rate 0.1', 'a sandbox on port 8080 that fails 1 call in 10'],
      ['teak-desk sandbox --json | head -n 1 | jq -r .url', 'where a sandbox started for a script listens']
    ]
  },
  {
    name: 'notifications',
    summary: "Receive Teak's notifications (signed webhooks) into the journal.",
    description:
      "serve: receive Teak's notifications for one environment (a customer's void, a downgrade, a cancel, a " +
      "hold) and keep each once in the journal, where the app's Needs action page lists them. Answers 2xx only " +
      'after a notification is stored. Checks X-Protecht-Signature with TEAK_WEBHOOK_SECRET, else the secret ' +
      'saved in Settings → Notifications. Stop with Ctrl+C.',
    arguments: [{ name: 'action', description: 'What to do: serve.', required: true }],
    options: [
      {
        flags: '--port <n>',
        description: 'The port to listen on; 0 picks a free one.',
        defaultText: String(DEFAULT_SERVE_PORT)
      },
      {
        flags: '--host <address>',
        description: 'The address to listen on; Teak reaches it through a reverse proxy or a tunnel.',
        defaultText: '127.0.0.1'
      },
      {
        flags: '--env <id>',
        description: 'The environment whose notifications these are.',
        defaultText: 'the one selected in Settings'
      },
      {
        flags: '--max-body-bytes <n>',
        description: 'Refuse larger deliveries with 413.',
        defaultText: String(DEFAULT_MAX_BODY_BYTES)
      },
      ...OUTPUT_OPTIONS
    ],
    examples: [
      [
        'teak-desk notifications serve --env production --port 8787',
        'receive production notifications behind a reverse proxy'
      ],
      [
        'TEAK_WEBHOOK_SECRET=... teak-desk notifications serve --json | head -n 1 | jq -r .url',
        'where a receiver started by a script listens'
      ]
    ]
  }
]

export function commandDefinition(name: string): CommandDefinition | undefined {
  return COMMAND_DEFINITIONS.find((command) => command.name === name)
}
