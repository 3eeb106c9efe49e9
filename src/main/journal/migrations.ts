import type { Database } from 'better-sqlite3'
import { JournalError } from './errors'

/**
 * The journal's schema, as the ordered list of steps that built it: step n takes a database from schema
 * version n-1 to n (kept in `PRAGMA user_version`). Steps are never edited once released, only appended,
 * because journals written by older versions are upgraded by replaying the steps they have not seen.
 *
 * Times are ISO-8601 UTC text (`Date#toISOString`), so they sort as text. JSON columns hold what Teak Desk
 * sent and what Teak returned, verbatim. Rows are never deleted: this is an audit trail.
 */
export interface Migration {
  description: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'Operations (intent and outcome) and each order with its items and policies',
    sql: `
      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        environment TEXT NOT NULL,
        order_number TEXT NOT NULL,
        -- 'in_doubt' or the outcome of the submission named by outcome_operation_id, and that submission's source
        outcome TEXT NOT NULL,
        source TEXT NOT NULL,
        outcome_operation_id INTEGER REFERENCES operations (id),
        currency TEXT,
        customer_name TEXT,
        customer_email TEXT,
        teak_order_id TEXT,
        first_seen_at TEXT NOT NULL,
        last_activity_at TEXT NOT NULL,
        UNIQUE (environment, order_number)
      );
      CREATE INDEX orders_by_outcome ON orders (outcome);
      CREATE INDEX orders_by_first_seen ON orders (first_seen_at);

      CREATE TABLE order_items (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        position INTEGER NOT NULL,
        reference_number TEXT NOT NULL,
        name TEXT,
        cost TEXT,
        replaced_by TEXT,
        UNIQUE (order_id, position)
      );

      -- Status and amounts as Teak last returned them.
      CREATE TABLE policies (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        policy_number TEXT NOT NULL,
        policy_number_new TEXT,
        item_reference TEXT,
        status TEXT,
        premium TEXT,
        coverage_amount TEXT,
        currency TEXT,
        replaced_by TEXT,
        updated_at TEXT NOT NULL,
        UNIQUE (order_id, policy_number)
      );

      -- The intent columns are written and committed before the request leaves; the outcome columns after.
      CREATE TABLE operations (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        kind TEXT NOT NULL,
        source TEXT NOT NULL,
        request TEXT,
        policy_number TEXT,
        supersedes INTEGER REFERENCES operations (id),
        requested_at TEXT NOT NULL,
        outcome TEXT,
        http_status INTEGER,
        response TEXT,
        policies TEXT,
        error TEXT,
        settled_at TEXT
      );
      CREATE INDEX operations_by_order ON operations (order_id);
      CREATE INDEX operations_awaiting_outcome ON operations (id) WHERE outcome IS NULL;
      CREATE INDEX operations_by_supersedes ON operations (supersedes) WHERE supersedes IS NOT NULL;
    `
  },
  {
    description: 'Import runs, the CSV rows behind each operation, and full-text search over orders',
    sql: `
      CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        environment TEXT NOT NULL,
        total_orders INTEGER NOT NULL,
        options TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        ending TEXT
      );
      CREATE INDEX import_runs_unfinished ON import_runs (id) WHERE ended_at IS NULL;

      ALTER TABLE operations ADD COLUMN import_run_id INTEGER REFERENCES import_runs (id);
      ALTER TABLE operations ADD COLUMN csv_rows TEXT;
      CREATE INDEX operations_by_import_run ON operations (import_run_id, order_id) WHERE import_run_id IS NOT NULL;

      -- One row per order (rowid = orders.id) holding everything a person searches by. unicode61 splits
      -- identifiers such as ORD-0042 or name@example.com into words; the prefix indexes keep the prefix
      -- queries a search box makes fast even for one- or two-letter words. Orders whose entry is out of
      -- date wait in search_pending (see search-index.ts).
      CREATE VIRTUAL TABLE order_search USING fts5 (
        order_number, customer, items, policies,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
      CREATE VIEW order_search_text AS
        SELECT o.id,
               o.order_number,
               concat_ws(' ', o.customer_name, o.customer_email) AS customer,
               (SELECT group_concat(i.reference_number, ' ') FROM order_items i WHERE i.order_id = o.id) AS items,
               (SELECT group_concat(p.policy_number, ' ') FROM policies p WHERE p.order_id = o.id) AS policies
        FROM orders o;
      INSERT INTO order_search (rowid, order_number, customer, items, policies)
        SELECT id, order_number, customer, items, policies FROM order_search_text;
      CREATE TABLE search_pending (order_id INTEGER PRIMARY KEY REFERENCES orders (id));
    `
  },
  {
    description: 'Notes on answers not fully understood; senders with leases, and one claim per order',
    sql: `
      -- Set when Teak answered 2xx with a body unlike its documented shape (the body itself is in response).
      ALTER TABLE operations ADD COLUMN note TEXT;

      -- Whatever sends orders (an import run, an app, a CLI process), alive while it renews its lease and
      -- (on this computer) while its process runs. See claims.ts.
      CREATE TABLE senders (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        import_run_id INTEGER REFERENCES import_runs (id),
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        lease_until TEXT NOT NULL,
        retired_at TEXT
      );

      -- The one sender allowed to send an order now. Claims are working state, not history: released when done.
      CREATE TABLE claims (
        environment TEXT NOT NULL,
        order_number TEXT NOT NULL,
        sender_id INTEGER NOT NULL REFERENCES senders (id),
        claimed_at TEXT NOT NULL,
        PRIMARY KEY (environment, order_number)
      );
      CREATE INDEX claims_by_sender ON claims (sender_id);

      -- The sender running the import now (a resumed run gets its resumer's).
      ALTER TABLE import_runs ADD COLUMN sender_id INTEGER REFERENCES senders (id);
    `
  },
  {
    description: "Teak's notifications (webhooks), each stored once, and who dealt with it",
    sql: `
      -- One row per notification (a delivery may carry several). dedupe_key is the SHA-256 of the payload with
      -- its keys sorted: Teak delivering the same payload again is the same notification. The parsed columns
      -- are what Teak Desk understood of it (the schema is undocumented); payload and raw_body are verbatim.
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        environment TEXT NOT NULL,
        received_at TEXT NOT NULL,
        raw_body TEXT NOT NULL,
        payload TEXT NOT NULL,
        dedupe_key TEXT NOT NULL,
        -- 'raw', 'reserialised' or 'unchecked' (no secret was set)
        signature TEXT NOT NULL,
        kind TEXT NOT NULL,
        order_number TEXT,
        policy_number TEXT,
        status TEXT,
        amount TEXT,
        currency TEXT,
        order_id INTEGER REFERENCES orders (id),
        done_at TEXT,
        done_by TEXT,
        UNIQUE (environment, dedupe_key)
      );
      CREATE INDEX notifications_open ON notifications (environment, id) WHERE done_at IS NULL;
      CREATE INDEX notifications_by_policy ON notifications (environment, policy_number);
    `
  }
]

export const SCHEMA_VERSION = MIGRATIONS.length

/**
 * Brings the database to SCHEMA_VERSION. The version is read inside the same IMMEDIATE transaction that
 * applies the steps, so two processes opening an old journal at once cannot both upgrade it; a failing step
 * leaves the journal exactly as it was.
 */
export function migrate(db: Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > SCHEMA_VERSION) {
      throw new JournalError(
        `The journal ${db.name} was written by a newer Teak Desk (schema version ${version}; this version ` +
          `reads up to ${SCHEMA_VERSION}). Update Teak Desk to open it.`
      )
    }
    MIGRATIONS.slice(version).forEach((step, index) => {
      db.exec(step.sql)
      db.pragma(`user_version = ${version + index + 1}`)
    })
  }).immediate()
}
