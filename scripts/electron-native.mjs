#!/usr/bin/env node
// better-sqlite3 is built against one runtime's ABI. node_modules keeps the Node build (tests, CLI); for
// `npm start` in Electron this compiles a second copy against Electron's headers into out/native/, which the
// desktop app loads through better-sqlite3's `nativeBinding` option. Packaged apps do not need it:
// electron-builder rebuilds native modules for Electron when it packages.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')
).version
const target = join(
  root,
  'out',
  'native',
  `electron-${electronVersion}-${process.arch}`,
  'better_sqlite3.node'
)

if (!existsSync(target)) {
  console.log(`Compiling the SQLite binding for Electron ${electronVersion} (once)…`)
  const work = mkdtempSync(join(tmpdir(), 'teak-desk-native-'))
  try {
    cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true })
    rmSync(join(work, 'build'), { recursive: true, force: true })
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
        `--directory=${work}`
      ],
      { stdio: 'inherit' }
    )
    mkdirSync(dirname(target), { recursive: true })
    cpSync(join(work, 'build/Release/better_sqlite3.node'), target)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
