import type { z } from 'zod'
import { appMethods } from './app'
import { draftsMethods } from './drafts'
import { historyMethods } from './history'
import { importMethods } from './import'
import { notificationsMethods } from './notifications'
import { ordersMethods } from './orders'
import { overviewMethods } from './overview'
import { policiesMethods } from './policies'
import { settingsMethods } from './settings'

/** Every method main offers the page, by name. Each domain contributes its own table. */
export const contract = {
  ...appMethods,
  ...settingsMethods,
  ...historyMethods,
  ...ordersMethods,
  ...draftsMethods,
  ...policiesMethods,
  ...importMethods,
  ...notificationsMethods,
  ...overviewMethods
}

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

export * from './errors'
export * from './events'
