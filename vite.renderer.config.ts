import { resolve } from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { Plugin, UserConfig } from 'vite'

const root = resolve(import.meta.dirname, 'src/renderer')

/**
 * The production CSP lives in index.html. The dev server (HMR) injects styles and a websocket client, so
 * only `vite serve` loosens style-src and connect-src; built bundles keep the strict policy.
 */
function devCspAllowance(): Plugin {
  return {
    name: 'teak-desk-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*")
  }
}

/** Shared by electron-vite (the desktop build) and the browser host, so both serve the same renderer. */
export const rendererConfig = {
  root,
  base: './',
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  plugins: [svelte(), devCspAllowance()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    minify: true,
    rollupOptions: { input: resolve(root, 'index.html') }
  }
} satisfies UserConfig

export default rendererConfig
