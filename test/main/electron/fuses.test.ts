import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { getConfig } from 'app-builder-lib/out/util/config/config'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/** The fuse names electron-builder knows, from its own configuration schema. */
function knownFuses(): string[] {
  const schemaFile = createRequire(import.meta.url).resolve('app-builder-lib/scheme.json')
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } }
  }
  return Object.keys(schema.definitions.FuseOptionsV1.properties)
}

/**
 * The Electron binary cannot be built on our machines, so the fuses are held to the rules where they are
 * set: electron-builder.yml, read by electron-builder's own loader. (Its full schema check takes ten
 * seconds of CPU; checking the fuse names against the schema is what matters here.)
 */
describe('electron-builder configuration', () => {
  it('flips the fuses that keep the packaged binary from running other code', async () => {
    const fuses = (await getConfig(ROOT, null, null)).electronFuses
    expect(fuses).toEqual({
      // ELECTRON_RUN_AS_NODE=1 would turn the signed app into a Node that the keychain trusts.
      runAsNode: false,
      // NODE_OPTIONS=--require… and --inspect would let anyone run code inside it, too.
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      // Only the signed app.asar, checked against the hash built into the binary, is loaded.
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true
    })
    expect(knownFuses()).toEqual(expect.arrayContaining(Object.keys(fuses!)))
  })
})
