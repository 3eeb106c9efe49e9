/**
 * Environment ids, apart from the environments themselves so that the settings file's schema and the
 * environment rules can both use them without importing each other.
 */

/** The embedded sandbox: selected on first start, and whenever the selected environment is removed. */
export const LOCAL_ID = 'local'
export const SANDBOX_ID = 'sandbox'
export const PRODUCTION_ID = 'production'
export const BUILT_IN_IDS: readonly string[] = [LOCAL_ID, SANDBOX_ID, PRODUCTION_ID]

export const CUSTOM_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/
