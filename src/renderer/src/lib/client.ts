import { createApi } from './api'
import { pickTransport } from './transport'

/** The page's one connection to main, chosen at start (preload bridge, else the browser host). */
export const api = createApi(pickTransport())
