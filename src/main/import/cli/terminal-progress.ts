import type { ImportProgress } from '../import-progress'
import { throttleLatest } from '../throttle'

export interface ProgressOutput {
  write(text: string): unknown
  isTTY?: boolean
}

const BAR_WIDTH = 30

/**
 * Import progress on stderr: on a terminal one bar, redrawn in place a few times a second; in a log (not a
 * terminal) a plain line each second, so a CI log stays readable.
 */
export function terminalProgress(output: ProgressOutput): {
  update(progress: ImportProgress): void
  finish(): void
} {
  const tty = output.isTTY === true
  let drawn = false
  const throttled = throttleLatest<ImportProgress>(tty ? 100 : 1000, (progress) => {
    output.write(tty ? `\r\x1b[2K${progressBar(progress)}` : `${progressLine(progress)}\n`)
    drawn = true
  })
  return {
    update: (progress) => throttled.push(progress),
    finish() {
      throttled.flush()
      if (tty && drawn) output.write('\n')
    }
  }
}

export function progressBar(progress: ImportProgress): string {
  const filled = progress.total === 0 ? BAR_WIDTH : Math.floor((progress.done / progress.total) * BAR_WIDTH)
  const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`
  return `[${bar}] ${progressFigures(progress)}`
}

export function progressLine(progress: ImportProgress): string {
  return `Import progress: ${progressFigures(progress)}`
}

/** "120/500 orders, 14.2/s, about 27 s left" */
function progressFigures({ done, total, ratePerSecond, etaSeconds }: ImportProgress): string {
  const parts = [`${done}/${total} orders`]
  if (ratePerSecond > 0) parts.push(`${ratePerSecond.toFixed(1)}/s`)
  if (etaSeconds !== null && done < total) parts.push(`about ${duration(etaSeconds)} left`)
  return parts.join(', ')
}

/** "42 s", "3 min 05 s", "2 h 07 min" */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const two = (n: number) => String(n).padStart(2, '0')
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${two(s % 60)} s`
  return `${Math.floor(s / 3600)} h ${two(Math.floor((s % 3600) / 60))} min`
}
