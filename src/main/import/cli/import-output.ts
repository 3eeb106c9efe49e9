import type { DryRunOutput, ImportOutput } from '../../../shared/cli/output-schemas'
import type { ImportReport } from '../../../shared/import/report'
import type { BacklogParseResult, RowError } from '../../../shared/import/types'
import { fileFindings } from './summary-text'

/** `teak-desk import --json`: the report, how the run ended, and the file's findings. */
export function importOutput(
  report: ImportReport,
  parsed: BacklogParseResult,
  { complete, alreadyAtTeak }: { complete: boolean; alreadyAtTeak: number }
): ImportOutput {
  return {
    ...report,
    dry_run: false,
    complete,
    already_at_teak: alreadyAtTeak,
    findings: fileFindings(parsed)
  }
}

/** `teak-desk import --dry-run --json`: every order of the file, whether it would be sent, and why not. */
export function dryRunOutput(file: string, environment: string, parsed: BacklogParseResult): DryRunOutput {
  const orders = parsed.orders.map((order) => ({
    order_number: order.orderNumber,
    rows: order.rows,
    valid: order.errors.length === 0,
    opt_in: order.optIn,
    errors: order.errors.map(reportError),
    warnings: order.warnings.map(reportError)
  }))
  const valid = orders.filter((order) => order.valid)
  const optIns = valid.filter((order) => order.opt_in).length
  return {
    file,
    environment,
    dry_run: true,
    rows: parsed.rowCount,
    summary: {
      orders: orders.length,
      valid: valid.length,
      opt_in: optIns,
      opt_out: valid.length - optIns,
      invalid: orders.length - valid.length
    },
    findings: fileFindings(parsed),
    orders
  }
}

function reportError({ row, column, message }: RowError): ImportReport['orders'][number]['errors'][number] {
  return { row, column, message }
}
