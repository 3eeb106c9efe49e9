import { defineConfig } from 'vitest/config'

/**
 * Timeouts are bounds for a stuck test, not estimates of a slow one: the suite must pass on a machine whose
 * cores are busy with other work (`npm run test:stress`), where a step can take many times longer.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default, far too soon on a busy machine.
    expect: { poll: { timeout: 30_000 } },
    // Two cores: browser and sandbox tests share them; more forks only add contention.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts']
  }
})
