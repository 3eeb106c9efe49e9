/** Generous on purpose: on a busy machine a condition may take many times longer than on a quiet one. */
export const WAIT_FOR_MS = 30_000

/**
 * Polls `check` until it returns true; fails with `what` after `timeoutMs`. For conditions that no event
 * announces (a file written, a child's output, a count at the sandbox); never a fixed sleep.
 */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = WAIT_FOR_MS
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
