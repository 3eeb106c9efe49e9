/** A Teak key pair. The secret never leaves the main process: no contract method returns it. */
export interface KeyPair {
  publicKey: string
  secretKey: string
}

/**
 * A key pair as kept for one environment, with the address it was entered (or confirmed) for: keys are only
 * sent to that address, so changing an environment's address never hands its secret to the new host.
 */
export interface StoredKeys extends KeyPair {
  /** The environment's `baseUrl` when the keys were saved; null in entries written before addresses were kept. */
  baseUrl: string | null
}

/**
 * Where key pairs are kept, one per environment id. A seam so the keychain library can be replaced; the only
 * implementation is the system keychain (`createKeytarSecretStore`): there is deliberately no file fallback.
 */
export interface SecretStore {
  get(envId: string): Promise<StoredKeys | null>
  set(envId: string, keys: KeyPair & { baseUrl: string }): Promise<void>
  /** True if something was stored and is now gone. */
  delete(envId: string): Promise<boolean>
}
