import { isAtTeak, type OrderOutcome } from '../../shared/journal/outcomes'
import type { ImportOutcome } from '../../shared/import/report'

export type Style = 'green' | 'yellow' | 'red'
export type Paint = (style: Style, text: string) => string

/** Colours only for a person at a terminal, and never when NO_COLOR is set to anything (no-color.org). */
export function coloursWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR
}

/** ANSI codes to start and end each style. (util.styleText decides on colours by itself in newer Node.) */
const ANSI: Record<Style, [number, number]> = { green: [32, 39], yellow: [33, 39], red: [31, 39] }

export function painter(colours: boolean): Paint {
  if (!colours) return (_style, text) => text
  return (style, text) => `\x1b[${ANSI[style][0]}m${text}\x1b[${ANSI[style][1]}m`
}

/** Green when Teak has the order, yellow while that is not known, red when it does not. */
export function outcomeStyle(outcome: OrderOutcome | ImportOutcome): Style {
  if (outcome === 'in_doubt' || outcome === 'being_sent_elsewhere') return 'yellow'
  return isAtTeak(outcome) ? 'green' : 'red'
}
