#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed; otherwise the same UI in the browser
// (on machines where the binary cannot be downloaded, such as our build machines).
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Where electron/index.js would look, without requiring it (requiring it tries to download the binary). */
function findElectronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

if (findElectronBinary()) {
  execFileSync(process.execPath, [join(root, 'scripts', 'electron-native.mjs')], { stdio: 'inherit' })
  run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview'])
} else {
  console.log(
    'Electron is not installed here (its binary was not downloaded); serving Teak Desk in your browser instead.'
  )
  run(process.execPath, [join(root, 'bin', 'teak-desk.mjs'), 'ui', ...process.argv.slice(2)])
}
