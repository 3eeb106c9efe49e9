import { randomBytes } from 'node:crypto'
import { createKeytarSecretStore } from '../../../../src/main/secrets/keytar-store'

/** A keychain service of its own per suite, so tests never read or overwrite a person's real Teak Desk keys. */
export function testKeychainService(): string {
  return `teak-desk-test-${randomBytes(6).toString('hex')}`
}

export interface KeychainForTests {
  /** False only when the keychain is missing and nobody asked for it: the suite is then skipped. */
  run: boolean
  /** The suite title, with the reason when it is skipped (vitest shows titles of skipped suites). */
  title(name: string): string
}

/**
 * Keychain suites run when a Secret Service answers (`npm test` starts one). In CI or with
 * TEAK_DESK_REQUIRE_KEYCHAIN=1 they always run, so a missing keychain fails them instead of hiding them.
 */
export async function keychainForTests(env: NodeJS.ProcessEnv = process.env): Promise<KeychainForTests> {
  const required =
    (env.CI !== undefined && !['', '0', 'false'].includes(env.CI)) || env.TEAK_DESK_REQUIRE_KEYCHAIN === '1'
  const problem = await createKeytarSecretStore({ service: testKeychainService() })
    .get('probe')
    .then(
      () => null,
      (error: Error) => error.message
    )
  if (problem === null || required) return { run: true, title: (name) => name }
  return {
    run: false,
    title: (name) =>
      `${name} (skipped: no system keychain; run \`npm test\` or set TEAK_DESK_REQUIRE_KEYCHAIN=1)`
  }
}
