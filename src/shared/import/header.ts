import { columnLetter, ITEM_COLUMNS, ORDER_COLUMNS, REQUIRED_COLUMNS } from './columns'

/** Where each known column sits in a record: -1 when the file does not have it. */
export interface ColumnLayout {
  readonly orderIndexes: readonly number[]
  readonly itemIndexes: readonly number[]
  /** Number of cells in the header; every record must have exactly as many. */
  readonly width: number
}

export type HeaderReading =
  { ok: true; layout: ColumnLayout; warnings: string[] } | { ok: false; errors: string[]; warnings: string[] }

const normalise = (name: string) => name.trim().toLowerCase()

/** Header names match in any case and with surrounding spaces; unknown ones are ignored with a warning. */
export function readHeader(cells: readonly string[]): HeaderReading {
  const positions = new Map<string, number>()
  const warnings: string[] = []
  const errors: string[] = []
  const known = new Set([...ORDER_COLUMNS, ...ITEM_COLUMNS].map((c) => c.name))

  cells.forEach((cell, index) => {
    const name = normalise(cell)
    const where = `column ${columnLetter(index)}`
    if (name === '') {
      warnings.push(`The header cell in ${where} is empty; that column is ignored.`)
    } else if (!known.has(name)) {
      warnings.push(`"${cell.trim()}" (${where}) is not a backlog column; it is ignored.`)
    } else if (positions.has(name)) {
      errors.push(
        `"${name}" appears twice in the header (column ${columnLetter(positions.get(name)!)} and ${where}); keep one.`
      )
    } else {
      positions.set(name, index)
    }
  })

  const missing = REQUIRED_COLUMNS.filter((name) => !positions.has(name))
  if (missing.length > 0) {
    errors.unshift(
      `The header lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. The first row must name the columns (see the backlog template).`
    )
  }
  if (errors.length > 0) return { ok: false, errors, warnings }

  const indexOf = (name: string) => positions.get(name) ?? -1
  return {
    ok: true,
    warnings,
    layout: {
      orderIndexes: ORDER_COLUMNS.map((c) => indexOf(c.name)),
      itemIndexes: ITEM_COLUMNS.map((c) => indexOf(c.name)),
      width: cells.length
    }
  }
}
