import type { z } from 'zod'
import {
  AppError,
  contract,
  isMethodName,
  issuesOf,
  type Contract,
  type MethodName,
  type ParsedInput,
  type Result
} from '../../shared/contract'

export type HandlerResult<M extends MethodName> = z.input<Contract[M]['output']>
export type Handler<M extends MethodName> = (
  input: ParsedInput<M>
) => Promise<HandlerResult<M>> | HandlerResult<M>
export type Handlers = { [M in MethodName]: Handler<M> }

export type Dispatch = (method: string, rawInput: unknown) => Promise<Result<unknown>>

export interface DispatcherOptions {
  /** Where unexpected failures are reported (with their stack) before a generic error crosses the boundary. */
  onInternalError?: (method: string, error: unknown) => void
}

/**
 * The one place every contract call goes through, for both the Electron IPC binding and the browser host:
 * the method must exist, its input is parsed, its output is parsed, and every failure becomes `{code, message}`.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return fail(
        new AppError('unknown_method', `There is no method called "${String(method).slice(0, 100)}".`)
      )
    }
    const spec = contract[method]
    const input = spec.input.safeParse(rawInput ?? {})
    if (!input.success) {
      return fail(
        new AppError('invalid_input', `The input to ${method} is not valid.`, {
          issues: issuesOf(input.error)
        })
      )
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown
      const raw = await handler(input.data)
      const output = spec.output.safeParse(raw)
      if (!output.success) {
        options.onInternalError?.(method, output.error)
        return fail(
          new AppError('invalid_output', `${method} produced a result that does not match the contract.`, {
            issues: issuesOf(output.error)
          })
        )
      }
      return { ok: true, data: output.data }
    } catch (error) {
      if (error instanceof AppError) return fail(error)
      options.onInternalError?.(method, error)
      return fail(
        new AppError('internal', `${method} failed unexpectedly. The details are in the application log.`)
      )
    }
  }
}

function fail(error: AppError): Result<never> {
  return { ok: false, error: error.toShape() }
}
