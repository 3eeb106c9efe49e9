import type { Database } from 'better-sqlite3'
import type { PolicySnapshot } from '../../shared/contract/history'
import type { ItemExchange, ItemFacts } from './order-facts'

/** Writes an order's items and policies: the part of an order that submissions and policy changes move. */
export interface OrderContentsWriter {
  /** The items of a submission that Teak does not hold yet: a corrected resend replaces them. */
  replaceItems(orderId: number, items: readonly ItemFacts[]): void
  /** Policies as Teak returned them; fields Teak left out keep their last known value. */
  recordPolicies(orderId: number, policies: readonly PolicySnapshot[], at: string): void
  /** A successful exchange: each old item and its policy are marked replaced, the new item is listed. */
  applyExchanges(orderId: number, exchanges: readonly ItemExchange[], at: string): void
}

export function orderContentsWriter(db: Database): OrderContentsWriter {
  const deleteItems = db.prepare<[number]>('DELETE FROM order_items WHERE order_id = ?')
  const appendItem = db.prepare<[{ orderId: number } & ItemFacts]>(
    `INSERT INTO order_items (order_id, position, reference_number, name, cost)
     VALUES (@orderId, (SELECT coalesce(max(position), -1) + 1 FROM order_items WHERE order_id = @orderId),
             @referenceNumber, @name, @cost)`
  )
  const upsertPolicy = db.prepare<[Record<string, string | number | null>]>(
    `INSERT INTO policies (order_id, policy_number, policy_number_new, item_reference, status, premium,
                           coverage_amount, currency, updated_at)
     VALUES (@orderId, @policyNumber, @policyNumberNew, @itemReference, @status, @premium,
             @coverageAmount, @currency, @at)
     ON CONFLICT (order_id, policy_number) DO UPDATE SET
       policy_number_new = coalesce(excluded.policy_number_new, policy_number_new),
       item_reference = coalesce(excluded.item_reference, item_reference),
       status = coalesce(excluded.status, status),
       premium = coalesce(excluded.premium, premium),
       coverage_amount = coalesce(excluded.coverage_amount, coverage_amount),
       currency = coalesce(excluded.currency, currency),
       updated_at = excluded.updated_at`
  )
  // ASSUMPTION (Teak does not say what an exchange does to an order holding the same reference number
  // twice): the first item still in place with that reference number, and its policy, are the ones replaced.
  type Replacement = { orderId: number; oldReference: string; newReference: string; at: string }
  const replaceItem = db.prepare<[Replacement]>(
    `UPDATE order_items SET replaced_by = @newReference
     WHERE id = (SELECT id FROM order_items
                 WHERE order_id = @orderId AND reference_number = @oldReference AND replaced_by IS NULL
                 ORDER BY position LIMIT 1)`
  )
  const replacePolicy = db.prepare<[Replacement]>(
    `UPDATE policies SET replaced_by = @newReference, updated_at = @at
     WHERE id = (SELECT id FROM policies
                 WHERE order_id = @orderId AND item_reference = @oldReference AND replaced_by IS NULL
                 ORDER BY id LIMIT 1)`
  )

  return {
    replaceItems(orderId, items) {
      deleteItems.run(orderId)
      for (const item of items) appendItem.run({ orderId, ...item })
    },
    recordPolicies(orderId, policies, at) {
      for (const policy of policies) {
        upsertPolicy.run({
          orderId,
          at,
          policyNumber: policy.policyNumber,
          policyNumberNew: policy.policyNumberNew ?? null,
          itemReference: policy.itemReference ?? null,
          status: policy.status ?? null,
          premium: policy.premium ?? null,
          coverageAmount: policy.coverageAmount ?? null,
          currency: policy.currency ?? null
        })
      }
    },
    applyExchanges(orderId, exchanges, at) {
      for (const { oldReferenceNumber, item } of exchanges) {
        const replacement = {
          orderId,
          oldReference: oldReferenceNumber,
          newReference: item.referenceNumber,
          at
        }
        replaceItem.run(replacement)
        replacePolicy.run(replacement)
        appendItem.run({ orderId, ...item })
      }
    }
  }
}
