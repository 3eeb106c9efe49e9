import type { SandboxAssumptions } from './assumptions'
import type { StoredOrder, StoredPolicy } from './records'

export interface PolicyRecord {
  order: StoredOrder
  policy: StoredPolicy
}

type OrderIdField = SandboxAssumptions['orderIdFields'][number]
type PolicyIdField = SandboxAssumptions['policyIdFields'][number]

/** Every order the sandbox holds, indexed by each identifier a URL may carry. */
export class SandboxStore {
  private orders: StoredOrder[] = []
  private readonly byOrderNumber = new Map<string, Map<string, StoredOrder>>()
  private readonly byProtechtId = new Map<string, StoredOrder>()
  private readonly policies: Record<PolicyIdField, Map<string, PolicyRecord>> = {
    policy_number: new Map(),
    policy_number_new: new Map()
  }

  constructor(orders: StoredOrder[] = []) {
    orders.forEach((order) => this.add(order))
  }

  all(): readonly StoredOrder[] {
    return this.orders
  }

  add(order: StoredOrder): void {
    this.orders.push(order)
    let numbers = this.byOrderNumber.get(order.client)
    if (!numbers) this.byOrderNumber.set(order.client, (numbers = new Map()))
    numbers.set(order.order_number, order)
    this.byProtechtId.set(order.protecht_order_id, order)
    this.indexPolicies(order, order.policies)
  }

  /** Makes policies added to an existing order (by a PATCH) findable. */
  indexPolicies(order: StoredOrder, policies: StoredPolicy[]): void {
    for (const policy of policies) {
      this.policies.policy_number.set(policy.policy_number, { order, policy })
      this.policies.policy_number_new.set(policy.policy_number_new, { order, policy })
    }
  }

  hasOrderNumber(client: string, orderNumber: string): boolean {
    return this.byOrderNumber.get(client)?.has(orderNumber) ?? false
  }

  findOrder(client: string, id: string, fields: readonly OrderIdField[]): StoredOrder | undefined {
    for (const field of fields) {
      const order =
        field === 'order_number' ? this.byOrderNumber.get(client)?.get(id) : this.byProtechtId.get(id)
      if (order?.client === client) return order
    }
    return undefined
  }

  /** A policy by any accepted identifier; `client` limits the search to that client's policies. */
  findPolicy(id: string, fields: readonly PolicyIdField[], client?: string): PolicyRecord | undefined {
    for (const field of fields) {
      const record = this.policies[field].get(id)
      if (record && (client === undefined || record.order.client === client)) return record
    }
    return undefined
  }

  clear(): void {
    this.orders = []
    this.byOrderNumber.clear()
    this.byProtechtId.clear()
    this.policies.policy_number.clear()
    this.policies.policy_number_new.clear()
  }
}
