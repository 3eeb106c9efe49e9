import type Papa from 'papaparse'
import type { BacklogCollector, QuoteProblem } from './backlog-collector'
import type { CsvDelimiter } from './delimiter'

/**
 * papaparse settings shared by the whole-text and the streaming reader: records as plain arrays (no
 * header objects, no typing — "008727100" stays text), handed to the collector one by one as they are
 * parsed, so a chunk's records never pile up in memory.
 */
export function csvRecordsConfig(delimiter: CsvDelimiter, collector: BacklogCollector) {
  return {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(results: Papa.ParseStepResult<string[]>): void {
      collector.addRecord(
        results.data,
        results.errors.length > 0 ? quoteProblemOf(results.errors) : undefined
      )
    }
  }
}

/** In step mode papaparse's errors are the current record's; only quote errors concern a record. */
function quoteProblemOf(errors: readonly Papa.ParseError[]): QuoteProblem | undefined {
  let problem: QuoteProblem | undefined
  for (const error of errors) {
    if (error.code === 'MissingQuotes') return 'unclosed'
    if (error.type === 'Quotes') problem = 'misplaced'
  }
  return problem
}
