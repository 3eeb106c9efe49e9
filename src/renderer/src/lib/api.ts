import {
  AppError,
  appErrorSchema,
  contract,
  eventSchemas,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput
} from '../../../shared/contract'
import type { Transport } from './transport'

/**
 * The page's typed view of the contract. Inputs are parsed before they leave and outputs when they arrive,
 * so both sides hold each other to the same schemas.
 */
export interface Api {
  readonly transport: Transport['kind']
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
}

export function createApi(transport: Transport): Api {
  return {
    transport: transport.kind,
    async call(method, input) {
      const spec = contract[method]
      const parsedInput = spec.input.safeParse(input)
      if (!parsedInput.success) {
        throw new AppError('invalid_input', `The input to ${method} is not valid.`, {
          issues: parsedInput.error.issues
        })
      }
      let raw: unknown
      try {
        raw = await transport.invoke(method, input)
      } catch {
        throw new AppError('internal', 'Teak Desk could not reach its main process. Is it still running?')
      }
      const result = raw as { ok?: boolean; data?: unknown; error?: unknown }
      if (result?.ok === true) {
        const output = spec.output.safeParse(result.data)
        if (!output.success)
          throw new AppError(
            'invalid_output',
            `${method} answered with data that does not match the contract.`
          )
        return output.data as MethodOutput<typeof method>
      }
      const error = appErrorSchema.safeParse(result?.error)
      if (error.success) throw new AppError(error.data.code, error.data.message, error.data.details)
      throw new AppError('internal', `${method} failed without an explanation.`)
    },
    on(name, listener) {
      return transport.subscribe((message) => {
        const m = message as { name?: string; payload?: unknown }
        if (m?.name !== name) return
        const payload = eventSchemas[name].safeParse(m.payload)
        if (payload.success) listener(payload.data as EventPayload<typeof name>)
      })
    }
  }
}
