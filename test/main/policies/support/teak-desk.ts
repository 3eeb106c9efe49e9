import { createKeytarSecretStore } from '../../../../src/main/secrets/keytar-store'
import { submitOrder } from '../../../../src/main/orders/order-service'
import { createServices, type Services } from '../../../../src/main/services'
import type { OrderRequest } from '../../../../src/shared/teak/order-request'
import { makeTempDir } from '../../../support/temp-dir'
import { testKeychainService } from '../../secrets/support/keychain'

/**
 * The real main-side services (settings, journal file, embedded local sandbox) in a throwaway data directory.
 * A keychain service of its own keeps the person's real keys out of reach; the local sandbox's demo keys
 * apply whether or not a keychain answers.
 */
export async function startTeakDesk(): Promise<{ services: Services; stop(): Promise<void> }> {
  const dir = makeTempDir('teak-desk-policies-')
  const services = await createServices({
    dataDir: dir.path,
    version: '0.0.0-test',
    host: 'browser',
    secrets: createKeytarSecretStore({ service: testKeychainService() })
  })
  return {
    services,
    async stop() {
      await services.close()
      dir.remove()
    }
  }
}

export interface ItemSpec {
  name: string
  reference: string
  cost: string
}

/** An opt-in order with everything Teak's certification asks for, one policy per item. */
export function optInOrder(
  services: Services,
  orderNumber: string,
  items: readonly ItemSpec[]
): OrderRequest {
  const wireItems = items.map((item) => ({
    name: item.name,
    reference_number: item.reference,
    cost: item.cost
  }))
  return {
    token: services.sandbox.mintQuoteToken({
      opt_in: true,
      items: wireItems.map(({ reference_number, cost }) => ({ reference_number, cost }))
    }),
    order_number: orderNumber,
    currency: 'USD',
    event: { name: 'Winter concert', start_date: '2027-12-24', start_time: '19:00' },
    items: wireItems,
    customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
    billing_address: { address1: '1 Main St', city: 'Phoenix', zip_code: '85020', country: 'US' },
    payment: { type: 'invoice' }
  }
}

/** Submits the order to the local sandbox through the order service, as the workbench does. */
export async function createOrderAtTeak(services: Services, orderNumber: string, items: readonly ItemSpec[]) {
  const result = await submitOrder(services, {
    environmentId: 'local',
    order: optInOrder(services, orderNumber, items),
    confirmations: { missingToken: false, production: false }
  })
  if (result.outcome !== 'created') throw new Error(`Order ${orderNumber} was not created: ${result.outcome}`)
  return result
}
