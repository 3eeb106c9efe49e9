#!/usr/bin/env node
// Runs the CLI built to plain JavaScript (out/cli: built by `npm install`'s prepare step, `npm run build`
// and `npm run build:cli`). In a checkout whose sources changed since that build, it runs the TypeScript
// sources through tsx (a dev dependency) instead, so a stale build never runs.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const built = `${root}out/cli/teak-desk.mjs`
const SOURCES = ['src/main', 'src/shared', 'src/sandbox', 'vite.renderer.config.ts']

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs
  } catch {
    return null
  }
}

function changedSince(builtAt) {
  for (const source of SOURCES) {
    const path = `${root}${source}`
    if (!existsSync(path)) continue
    if (statSync(path).mtimeMs > builtAt) return true
    if (!statSync(path).isDirectory()) continue
    for (const entry of readdirSync(path, { recursive: true })) {
      if (statSync(`${path}/${entry}`).mtimeMs > builtAt) return true
    }
  }
  return false
}

const builtAt = mtimeOf(built)
if (builtAt !== null && !changedSince(builtAt)) {
  await import(built)
} else {
  let register
  try {
    ;({ register } = await import('tsx/esm/api'))
  } catch {
    process.stderr.write('Teak Desk is not built: run `npm run build:cli` (or `npm install`) first.\n')
    process.exit(1)
  }
  register()
  await import('../src/main/cli/index.ts')
}
