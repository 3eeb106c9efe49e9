import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openJournal } from '../../../src/main/journal/journal'
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/journal/migrations'
import { steppingClock, useJournalPath } from './support/journal-fixtures'
import { orderBody } from './support/order-body'

/** A journal as the first release wrote it: schema 1, built by hand from its SQL, with a few rows. */
function writeVersionOneJournal(filePath: string): void {
  const db = new Database(filePath)
  db.exec(MIGRATIONS[0]!.sql)
  db.pragma('user_version = 1')
  db.exec(`
    INSERT INTO orders (id, environment, order_number, outcome, source, currency, customer_name, customer_email,
                        teak_order_id, first_seen_at, last_activity_at)
      VALUES (1, 'sandbox', 'OLD-1', 'created', 'form', 'EUR', 'Ada Lovelace', 'ada@example.org',
              '39bdcd04-cfb7-453f-ac34-ddcb1d73702d', '2026-05-01T10:00:00.000Z', '2026-05-01T10:00:02.000Z'),
             (2, 'sandbox', 'OLD-2', 'in_doubt', 'form', 'EUR', 'Grace Hopper', 'grace@example.org',
              NULL, '2026-05-02T10:00:00.000Z', '2026-05-02T10:00:00.000Z');
    INSERT INTO operations (id, order_id, kind, source, request, requested_at, outcome, http_status, response,
                            policies, settled_at)
      VALUES (1, 1, 'order', 'form', '{"order_number":"OLD-1"}', '2026-05-01T10:00:00.000Z', 'created', 201,
              '{"protecht_order_id":"39bdcd04-cfb7-453f-ac34-ddcb1d73702d"}',
              '[{"policyNumber":"ORAAS-JOD9XSWD8B","status":"Issued"}]', '2026-05-01T10:00:02.000Z'),
             (2, 2, 'order', 'form', '{"order_number":"OLD-2"}', '2026-05-02T10:00:00.000Z', NULL, NULL, NULL,
              NULL, NULL);
    UPDATE orders SET outcome_operation_id = id;
    INSERT INTO order_items (order_id, position, reference_number, name, cost)
      VALUES (1, 0, 'SEAT-A1', 'Seat A1', '80.00'), (2, 0, 'SEAT-B7', 'Seat B7', '60.00');
    INSERT INTO policies (order_id, policy_number, item_reference, status, updated_at)
      VALUES (1, 'ORAAS-JOD9XSWD8B', 'SEAT-A1', 'Issued', '2026-05-01T10:00:02.000Z');
  `)
  db.close()
}

function schemaOf(filePath: string) {
  const db = new Database(filePath, { readonly: true })
  try {
    return {
      version: db.pragma('user_version', { simple: true }),
      journalMode: db.pragma('journal_mode', { simple: true }),
      tables: db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all(),
      operationColumns: db
        .prepare<[], string>("SELECT name FROM pragma_table_info('operations')")
        .pluck()
        .all()
    }
  } finally {
    db.close()
  }
}

describe('journal schema migrations', () => {
  const journalPath = useJournalPath()

  it('creates a new journal at the current version, in WAL mode', () => {
    const filePath = journalPath()
    openJournal(filePath).close()
    const schema = schemaOf(filePath)
    expect(schema.version).toBe(SCHEMA_VERSION)
    expect(schema.journalMode).toBe('wal')
    expect(schema.tables).toEqual(
      expect.arrayContaining(['orders', 'operations', 'import_runs', 'order_search'])
    )
  })

  it('upgrades a version 1 journal: rows kept, new columns and tables present and working', () => {
    const filePath = journalPath()
    writeVersionOneJournal(filePath)
    expect(schemaOf(filePath).operationColumns).not.toContain('import_run_id')

    const journal = openJournal(filePath, { now: steppingClock() })
    try {
      const schema = schemaOf(filePath)
      expect(schema.version).toBe(SCHEMA_VERSION)
      expect(schema.tables).toEqual(expect.arrayContaining(['import_runs', 'order_search', 'search_pending']))
      expect(schema.operationColumns).toEqual(expect.arrayContaining(['import_run_id', 'csv_rows']))

      const old = journal.orderDetail('sandbox', 'OLD-1')
      expect(old?.order).toMatchObject({
        outcome: 'created',
        customerName: 'Ada Lovelace',
        teakOrderId: '39bdcd04-cfb7-453f-ac34-ddcb1d73702d',
        itemReferences: ['SEAT-A1'],
        policies: [{ policyNumber: 'ORAAS-JOD9XSWD8B', status: 'Issued' }]
      })
      expect(old?.timeline).toMatchObject([
        { id: 1, outcome: 'created', httpStatus: 201, request: { order_number: 'OLD-1' }, csvRows: [] }
      ])
      expect(journal.inDoubt().map((operation) => operation.orderNumber)).toEqual(['OLD-2'])

      // The search index was built from the old rows.
      for (const text of ['OLD-1', 'lovelace', 'ada@example.org', 'SEAT-A1', 'ORAAS-JOD9XSWD8B']) {
        expect(journal.search({ text, limit: 10 }).rows.map((row) => row.orderNumber)).toEqual(['OLD-1'])
      }

      // The new tables take new work: an import run resends the in-doubt order.
      const runId = journal.createImportRun({
        file: 'old.csv',
        environment: 'sandbox',
        totalOrders: 1,
        options: {}
      })
      const retry = journal.recordIntent({
        kind: 'order',
        source: 'import',
        environment: 'sandbox',
        orderNumber: 'OLD-2',
        request: orderBody('OLD-2'),
        importRunId: runId,
        csvRows: [2],
        supersedes: 2
      })
      journal.recordOutcome(retry, { outcome: 'already_submitted', httpStatus: 400 })
      expect(journal.inDoubt()).toEqual([])
      expect(journal.importRunProgress(runId)).toMatchObject({
        processedOrders: 1,
        outcomes: { already_submitted: 1 }
      })
    } finally {
      journal.close()
    }
  })

  it('refuses a journal written by a newer version, and leaves it untouched', () => {
    const filePath = journalPath()
    openJournal(filePath).close()
    const db = new Database(filePath)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()

    expect(() => openJournal(filePath)).toThrow(
      /newer Teak Desk \(schema version \d+; this version reads up to \d+\)/
    )
    expect(schemaOf(filePath).version).toBe(SCHEMA_VERSION + 1)
  })
})
