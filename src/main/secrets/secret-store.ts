/** A Teak key pair. The secret never leaves the main process: no contract method returns it. */
export interface KeyPair {
  publicKey: string
  secretKey: string
}

/**
 * Where key pairs are kept, one per environment id. A seam so the keychain library can be replaced; the only
 * implementation is the system keychain (`createKeytarSecretStore`): there is deliberately no file fallback.
 */
export interface SecretStore {
  get(envId: string): Promise<KeyPair | null>
  set(envId: string, pair: KeyPair): Promise<void>
  /** True if something was stored and is now gone. */
  delete(envId: string): Promise<boolean>
}
