import { z } from 'zod'
import { AppError } from '../../shared/contract/errors'
import { keychainUnavailable } from './keychain-errors'
import type { SecretStore, StoredKeys } from './secret-store'

export const KEYCHAIN_SERVICE = 'teak-desk'

type Keytar = typeof import('keytar')

const storedKeysSchema = z.object({
  publicKey: z.string().min(1),
  secretKey: z.string().min(1),
  // Absent in entries written before keys were bound to an address.
  baseUrl: z.string().nullable().default(null)
})

export interface KeytarStoreOptions {
  /** The keychain service name; tests use their own so they never touch a person's real keys. */
  service?: string
  platform?: NodeJS.Platform
}

/** Plain text entries of one keychain service, by account. */
export interface KeychainEntries {
  get(account: string): Promise<string | null>
  set(account: string, value: string): Promise<void>
  delete(account: string): Promise<boolean>
}

/**
 * Entries of the operating system's keychain (Keychain on macOS, Credential Manager on Windows, the Secret
 * Service on Linux) under one service; every failure becomes our "keychain unavailable" error with a remedy.
 */
export function keytarEntries(options: KeytarStoreOptions = {}): KeychainEntries {
  const service = options.service ?? KEYCHAIN_SERVICE
  const platform = options.platform ?? process.platform
  let loaded: Promise<Keytar> | undefined

  // Loaded on first use, not at import, so a missing native module or keychain daemon becomes our error (with a
  // remedy) at the moment keys are needed, instead of a crash at start-up.
  async function keychain<T>(use: (keytar: Keytar) => Promise<T>): Promise<T> {
    let keytar: Keytar
    try {
      keytar = await (loaded ??= loadKeytar())
    } catch (error) {
      loaded = undefined
      throw keychainUnavailable(`the keychain module could not be loaded: ${messageOf(error)}`, platform)
    }
    try {
      return await use(keytar)
    } catch (error) {
      throw keychainUnavailable(messageOf(error), platform)
    }
  }

  return {
    get: (account) => keychain((keytar) => keytar.getPassword(service, account)),
    set: (account, value) => keychain((keytar) => keytar.setPassword(service, account, value)),
    delete: (account) => keychain((keytar) => keytar.deletePassword(service, account))
  }
}

/**
 * Key pairs in the keychain: service `teak-desk`, account = environment id, password = the pair and the address
 * it was saved for, as JSON.
 */
export function createKeytarSecretStore(options: KeytarStoreOptions = {}): SecretStore {
  const entries = keytarEntries(options)
  return {
    async get(envId) {
      const stored = await entries.get(envId)
      return stored === null ? null : parseStored(stored, envId)
    },
    set: (envId, keys) =>
      entries.set(
        envId,
        JSON.stringify({ publicKey: keys.publicKey, secretKey: keys.secretKey, baseUrl: keys.baseUrl })
      ),
    delete: (envId) => entries.delete(envId)
  }
}

async function loadKeytar(): Promise<Keytar> {
  const module = (await import('keytar')) as Keytar & { default?: Keytar }
  return module.default ?? module
}

function parseStored(stored: string, envId: string): StoredKeys {
  let json: unknown
  try {
    json = JSON.parse(stored)
  } catch {
    json = undefined
  }
  const parsed = storedKeysSchema.safeParse(json)
  if (!parsed.success) {
    throw new AppError(
      'no_credentials',
      `The keys stored in the system keychain for "${envId}" are unreadable. Enter them again in Settings.`
    )
  }
  return parsed.data
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
