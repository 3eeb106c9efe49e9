import Database from 'better-sqlite3'

/**
 * The journal refused a write because recording it would be wrong (a secret key, an outcome recorded twice,
 * an operation on an unknown order). The message names what was refused and why.
 */
export class JournalError extends Error {
  override name = 'JournalError'
}

/**
 * The journal file is damaged (a page overwritten, or not a SQLite database at all): nothing can be sent,
 * since the journal is what keeps every order sent exactly once. The file is named so a person can find it;
 * it is never deleted (moving it aside is the person's choice: see set-aside.ts).
 */
export class JournalDamagedError extends Error {
  override name = 'JournalDamagedError'

  constructor(
    readonly filePath: string,
    /** SQLite's own words for what is wrong, e.g. "file is not a database". */
    readonly problem: string
  ) {
    super(`The journal ${filePath} is damaged (${problem}), so Teak Desk cannot use it.`)
  }
}

/** SQLite's verdict that `filePath` is not a database, or that its pages do not fit together, as our error. */
export function damageOr(error: unknown, filePath: string): unknown {
  const damaged =
    error instanceof Database.SqliteError &&
    (error.code === 'SQLITE_NOTADB' || error.code.startsWith('SQLITE_CORRUPT'))
  return damaged ? new JournalDamagedError(filePath, error.message) : error
}
