import { z } from 'zod'
import { method } from './define'

export const noInput = z.object({}).strict()

export const environmentSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['local', 'sandbox', 'production', 'custom']),
  baseUrl: z.string()
})

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  host: z.enum(['electron', 'browser']),
  environments: z.array(environmentSummarySchema),
  selectedEnvironment: z.string()
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const appMethods = {
  'app.info': method(noInput, appInfoSchema),
  'app.ping': method(
    z.object({ message: z.string().max(200).optional() }).strict(),
    z.object({ pong: z.literal(true), echo: z.string().optional(), at: z.string() })
  )
}
