import Database from 'better-sqlite3'

export const SEED_ENVIRONMENTS = ['local', 'sandbox'] as const

/**
 * Fills an empty journal (created by `openJournal`) with `count` settled orders in one transaction, in SQL,
 * so a 100,000-order history takes about a second rather than minutes through the per-order API. Order i:
 * - number `HAY-{i:6}`, customer `Given{i} Family{i % 997}`, email `person{i}@mail{i % 50}.test`;
 * - environment `sandbox` when i % 4 = 0, else `local`; source `import` when i % 3 = 0, else `form`;
 * - outcome `rejected` when i % 5 = 0, `opted_out` when i % 5 = 1, else `created`;
 * - items `SKU-{i:6}-A` (and `SKU-{i:6}-B` for even i); created orders hold one policy per item,
 *   `PLC{i % 7}-{item id:10}`;
 * - first seen at 2024-01-01T00:00:00Z + i minutes.
 * The search index is filled from the same view the journal maintains it from.
 */
export function seedHistory(filePath: string, count: number): void {
  const db = new Database(filePath)
  try {
    db.transaction(() => {
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
         INSERT INTO orders (environment, order_number, outcome, source, currency, customer_name, customer_email,
                             first_seen_at, last_activity_at)
         SELECT CASE WHEN i % 4 = 0 THEN 'sandbox' ELSE 'local' END, printf('HAY-%06d', i),
                CASE i % 5 WHEN 0 THEN 'rejected' WHEN 1 THEN 'opted_out' ELSE 'created' END,
                CASE WHEN i % 3 = 0 THEN 'import' ELSE 'form' END, 'USD',
                printf('Given%d Family%d', i, i % 997), printf('person%d@mail%d.test', i, i % 50),
                strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', printf('+%d minutes', i)),
                strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', printf('+%d minutes', i))
         FROM n`
      ).run({ count })
      db.exec(`
        INSERT INTO operations (order_id, kind, source, request, requested_at, outcome, http_status, settled_at)
          SELECT id, CASE outcome WHEN 'opted_out' THEN 'opt_out' ELSE 'order' END, source,
                 json_object('order_number', order_number), first_seen_at, outcome,
                 CASE outcome WHEN 'rejected' THEN 400 WHEN 'opted_out' THEN 204 ELSE 201 END, first_seen_at
          FROM orders;
        UPDATE orders SET outcome_operation_id = (SELECT max(id) FROM operations WHERE order_id = orders.id);
        INSERT INTO order_items (order_id, position, reference_number, name, cost)
          SELECT id, 0, printf('SKU-%06d-A', id), 'Ticket', '50.00' FROM orders;
        INSERT INTO order_items (order_id, position, reference_number, name, cost)
          SELECT id, 1, printf('SKU-%06d-B', id), 'Ticket', '25.00' FROM orders WHERE id % 2 = 0;
        INSERT INTO policies (order_id, policy_number, item_reference, status, updated_at)
          SELECT i.order_id, printf('PLC%d-%010d', i.order_id % 7, i.id), i.reference_number, 'Issued', o.first_seen_at
          FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.outcome = 'created';
        INSERT INTO order_search (rowid, order_number, customer, items, policies)
          SELECT id, order_number, customer, items, policies FROM order_search_text;
      `)
    }).immediate()
  } finally {
    db.close()
  }
}
