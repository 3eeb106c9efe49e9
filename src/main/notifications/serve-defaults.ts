/** The receiver's defaults, apart from the receiver so the CLI's help can name them without loading it. */

/** The port `teak-desk notifications serve` listens on unless `--port` says otherwise. */
export const DEFAULT_SERVE_PORT = 8787

/** A notification is a few hundred bytes; a batch of them stays far below this (larger: 413). */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024
