/** A benchmark figure with the target it is held to, as printed and as written to bench/results.json. */
export interface Measurement {
  benchmark: string
  metric: string
  value: number
  unit: string
  target?: Target
  /** What the figure includes or how it was taken, when the metric name alone does not say. */
  note?: string
}

export type Target = { atMost: number } | { atLeast: number }

export function meetsTarget(measurement: Measurement): boolean | null {
  const { target, value } = measurement
  if (!target) return null
  return 'atMost' in target ? value <= target.atMost : value >= target.atLeast
}

function formatNumber(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
}

function formatTarget(measurement: Measurement): string {
  const { target, unit } = measurement
  if (!target) return ''
  return 'atMost' in target
    ? `≤ ${formatNumber(target.atMost)} ${unit}`
    : `≥ ${formatNumber(target.atLeast)} ${unit}`
}

/** A plain-text table, one line per figure, aligned for a terminal and for pasting into the README. */
export function resultsTable(measurements: readonly Measurement[]): string {
  const header = ['Benchmark', 'Metric', 'Result', 'Target', 'Met']
  const rows = measurements.map((m) => {
    const met = meetsTarget(m)
    return [
      m.benchmark,
      m.metric,
      `${formatNumber(m.value)} ${m.unit}`,
      formatTarget(m),
      met === null ? '' : met ? 'yes' : 'NO'
    ]
  })
  const widths = header.map((_, k) => Math.max(...[header, ...rows].map((row) => row[k].length)))
  const line = (cells: string[]) => `| ${cells.map((cell, k) => cell.padEnd(widths[k])).join(' | ')} |`
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
