import { readFile, rename, writeFile } from 'node:fs/promises'
import type { StoredOrder } from './records'

/** The `stateFile` option: the orders of a CLI-run sandbox survive restarts. */
interface StateFileContent {
  version: 1
  orders: readonly StoredOrder[]
}

/** The orders saved in `file`; none when it does not exist yet. A file of another shape is an error, never overwritten. */
export async function loadState(file: string): Promise<StoredOrder[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  let content: { version?: unknown; orders?: StoredOrder[] }
  try {
    content = JSON.parse(text)
  } catch {
    throw new Error(`The sandbox state file ${file} is not valid JSON; move it away or fix it.`)
  }
  if (content.version !== 1 || !Array.isArray(content.orders)) {
    throw new Error(`${file} is not a Teak sandbox state file (expected {"version": 1, "orders": [...]}).`)
  }
  return content.orders
}

/**
 * Writes the state file at most once per `debounceMs`, off the request path, atomically (temporary file,
 * then rename) so a crash leaves the previous version intact. Writes never overlap. Serialising thousands of
 * orders takes tens of milliseconds, hence one write a second at most: a benchmark must not stall on it.
 */
export class StateWriter {
  private timer: NodeJS.Timeout | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly file: string,
    private readonly snapshot: () => readonly StoredOrder[],
    private readonly onError: (error: Error) => void,
    private readonly debounceMs = 1000
  ) {}

  schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.enqueueWrite()
    }, this.debounceMs)
  }

  /** Writes any pending change now; resolves once the file is on disk. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
      this.enqueueWrite()
    }
    return this.writing
  }

  private enqueueWrite(): void {
    this.writing = this.writing.then(() => this.write().catch(this.onError))
  }

  private async write(): Promise<void> {
    const content: StateFileContent = { version: 1, orders: this.snapshot() }
    const temporary = `${this.file}.${process.pid}.tmp`
    // Its orders hold customer details typed into the app: readable by their owner only.
    await writeFile(temporary, JSON.stringify(content), { mode: 0o600 })
    await rename(temporary, this.file)
  }
}
