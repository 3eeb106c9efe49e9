/** How many orders an import keeps in flight: Settings' range and default. Free of zod, so `--help` can show it. */
export const IMPORT_CONCURRENCY = { min: 1, max: 16, default: 4 } as const
