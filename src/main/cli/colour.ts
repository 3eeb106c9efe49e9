import { styleText } from 'node:util'
import { isAtTeak, type OrderOutcome } from '../../shared/journal/outcomes'
import type { ImportOutcome } from '../../shared/import/report'

export type Style = 'green' | 'yellow' | 'red' | 'bold'
export type Paint = (style: Style, text: string) => string

/** Colours only for a person at a terminal, and never when NO_COLOR is set to anything (no-color.org). */
export function coloursWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR
}

export function painter(colours: boolean): Paint {
  return colours ? (style, text) => styleText(style, text) : (_style, text) => text
}

/** Green when Teak has the order, yellow while that is not known, red when it does not. */
export function outcomeStyle(outcome: OrderOutcome | ImportOutcome): Style {
  if (outcome === 'in_doubt' || outcome === 'being_sent_elsewhere') return 'yellow'
  return isAtTeak(outcome) ? 'green' : 'red'
}
