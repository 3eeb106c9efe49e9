import Database from 'better-sqlite3'
import { UsageError } from '../../shared/cli/usage-error'
import { AppError } from '../../shared/contract/errors'
import { JournalDamagedError, JournalError } from '../journal/errors'
import { EXIT } from './exit-codes'

const DAMAGED_JOURNAL_REMEDY =
  'To start a new journal, run `teak-desk ui` and choose "Move it aside", or rename the file yourself to ' +
  'journal.sqlite.corrupt-<date> together with its -wal and -shm files, if any. Nothing is deleted either way: ' +
  'the orders it recorded are still at Teak, and the old file keeps their history.'

export interface Failure {
  exitCode: number
  message: string
}

/**
 * What a command that stopped with `error` tells the person, and its exit code (exit-codes.ts); null for an
 * error nobody foresaw, which keeps its stack.
 */
export function failureOf(error: unknown, command: string): Failure | null {
  if (error instanceof UsageError || isParseArgsError(error)) {
    return { exitCode: EXIT.usage, message: `${error.message}\n(Run "teak-desk help ${command}" for usage.)` }
  }
  if (error instanceof AppError) {
    return {
      exitCode: error.code === 'keychain_unavailable' ? EXIT.unreachable : EXIT.usage,
      message: error.message
    }
  }
  if (error instanceof JournalDamagedError) {
    return {
      exitCode: EXIT.journal,
      message: `${error.message} Nothing was sent.\n${DAMAGED_JOURNAL_REMEDY}`
    }
  }
  if (error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code)) {
    return {
      exitCode: EXIT.journal,
      message: `The journal is locked by another program (${error.message}). Nothing was sent; try again once it is done.`
    }
  }
  // The journal refused something (never a stack trace): its message names what and why.
  if (error instanceof JournalError)
    return { exitCode: EXIT.usage, message: `The journal refused it: ${error.message}` }
  return null
}

export function reportFailure(
  error: unknown,
  command: string,
  stderr: { write(text: string): unknown }
): number {
  const failure = failureOf(error, command)
  if (!failure) throw error
  stderr.write(`${failure.message}\n`)
  return failure.exitCode
}

/** The sandbox reads its own flags with node's parseArgs; its refusals are usage mistakes too. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
}
