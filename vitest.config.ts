import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: browser and sandbox tests share them; more forks only add contention.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts']
  }
})
