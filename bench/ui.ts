import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { build } from 'vite'
import { ensureRendererBuilt } from '../src/main/cli/renderer-build'
import { createKeytarSecretStore } from '../src/main/secrets/keytar-store'
import rendererConfig from '../vite.renderer.config'
import { startApp } from '../test/support/app-host'
import { launchBrowser } from '../test/support/browser'
import type { Measurement } from './support/measurement'
import { median, timed } from './support/stats'

const FIRST_RENDER_RUNS = 5
const BENCHMARK = 'UI'

/** The renderer bundle a person downloads (gzipped JS and CSS), and how soon the order form shows. */
export async function uiBenchmarks(workDir: string): Promise<Measurement[]> {
  const bundle = await rendererBundle(join(workDir, 'renderer'))
  const firstRenders = await timesToOrderForm()
  return [
    {
      benchmark: BENCHMARK,
      metric: 'renderer bundle, JS + CSS gzipped',
      value: bundle.gzipBytes / 1024,
      unit: 'KB',
      target: { atMost: 150 },
      note: `${bundle.files} files, ${(bundle.rawBytes / 1024).toFixed(0)} KB before gzip`
    },
    {
      benchmark: BENCHMARK,
      metric: `first render of the order form in headless Chromium, median of ${FIRST_RENDER_RUNS}`,
      value: median(firstRenders),
      unit: 'ms',
      target: { atMost: 1000 },
      note: `from navigation to a visible "Order number" field; runs: ${firstRenders.map((ms) => ms.toFixed(0)).join(', ')} ms`
    }
  ]
}

/** A production build of the renderer into `outDir`, leaving the one the app serves untouched. */
async function rendererBundle(
  outDir: string
): Promise<{ files: number; rawBytes: number; gzipBytes: number }> {
  await build({
    ...rendererConfig,
    configFile: false,
    logLevel: 'warn',
    // The config's root is src/renderer: a relative outDir would land there.
    build: { ...rendererConfig.build, outDir: resolve(outDir) }
  })
  const assets = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    /\.(js|css)$/.test(name)
  )
  const contents = assets.map((name) => readFileSync(join(outDir, name)))
  return {
    files: assets.length,
    rawBytes: contents.reduce((sum, bytes) => sum + bytes.length, 0),
    gzipBytes: contents.reduce((sum, bytes) => sum + gzipSync(bytes).length, 0)
  }
}

/**
 * The real app behind the browser host, as `teak-desk ui` serves it; a fresh browser context each run, so
 * nothing is cached. A keychain service of its own keeps the app away from a person's real keys.
 */
async function timesToOrderForm(): Promise<number[]> {
  await ensureRendererBuilt()
  const app = await startApp({
    secrets: createKeytarSecretStore({ service: `teak-desk-bench-${randomBytes(6).toString('hex')}` })
  })
  let browser: Browser | undefined
  try {
    browser = await launchBrowser()
    const times: number[] = []
    for (let run = 0; run < FIRST_RENDER_RUNS; run++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const { ms } = await timed(async () => {
        await page.goto(app.host.url, { waitUntil: 'commit' })
        await page.getByRole('textbox', { name: 'Order number', exact: true }).waitFor({ state: 'visible' })
      })
      times.push(ms)
      await context.close()
    }
    return times
  } finally {
    await browser?.close()
    await app.stop()
  }
}
