#!/usr/bin/env node
// Builds the CLI (`teak-desk`: import, sandbox and the browser host) to plain JavaScript in out/cli, so it
// starts without compiling TypeScript. Run by `npm install` (prepare), `npm run build`, the tests' global
// setup and the benchmarks. Packages stay external: native modules (better-sqlite3, keytar) load as they are.
import { readFile } from 'node:fs/promises'
import { mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_OUT_DIR = join(root, 'out', 'cli')
/**
 * Loaded from node_modules at run time: native modules, and the renderer's build tools (only used when the
 * interface must be built). Everything else is bundled: resolving and loading hundreds of package modules
 * one by one (zod alone has dozens) costs more start-up time than the code itself.
 */
const EXTERNAL = ['better-sqlite3', 'keytar', 'electron', 'vite', '@sveltejs/vite-plugin-svelte']

/**
 * Sources that find files relative to themselves (`import.meta.url`, `import.meta.dirname`) keep finding
 * them from the bundle: both are rewritten to the source file's own place, relative to out/cli.
 */
const sourceRelativeMeta = {
  name: 'source-relative-import-meta',
  setup(builder) {
    builder.onLoad({ filter: /\.[cm]?ts$/ }, async ({ path }) => {
      const contents = await readFile(path, 'utf8')
      if (!contents.includes('import.meta.')) return { contents, loader: 'ts' }
      const fromOut = (target) => relative(CLI_OUT_DIR, target).split(sep).join('/')
      const url = `new URL(${JSON.stringify(fromOut(path))}, import.meta.url).href`
      const dir = `(import.meta.dirname + ${JSON.stringify(`/${fromOut(dirname(path))}`)})`
      return {
        contents: contents.replaceAll('import.meta.url', url).replaceAll('import.meta.dirname', dir),
        loader: 'ts'
      }
    })
  }
}

/** Builds into a fresh directory and swaps it in, so a CLI starting meanwhile never sees half a build. */
export async function buildCli() {
  const staging = `${CLI_OUT_DIR}.${process.pid}.tmp`
  const retired = `${CLI_OUT_DIR}.${process.pid}.old`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(dirname(CLI_OUT_DIR), { recursive: true })
  await build({
    entryPoints: { 'teak-desk': join(root, 'src', 'main', 'cli', 'index.ts') },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    sourcemap: 'linked',
    minifyWhitespace: true,
    minifySyntax: true,
    chunkNames: '[name]-[hash]',
    logLevel: 'warning',
    plugins: [sourceRelativeMeta],
    // Bundled CommonJS packages (commander) require Node's built-ins; an ES module has no `require` of its own.
    banner: {
      js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);"
    }
  })
  try {
    renameSync(CLI_OUT_DIR, retired)
  } catch (error) {
    if (error.code !== 'ENOENT') throw error
  }
  renameSync(staging, CLI_OUT_DIR)
  rmSync(retired, { recursive: true, force: true })
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await buildCli()
