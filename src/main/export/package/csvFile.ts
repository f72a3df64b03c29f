// One CSV file written as a stream (RFC 4180: comma, CRLF, a header row, double quotes doubled), hashed
// and counted as it goes. Rows are gathered a batch at a time and written with one call, at most one
// write in flight: building the next batch overlaps the disk, and a slow disk holds the producer back
// (memory stays at about two batches whatever the number of rows).
import { createHash, type Hash } from 'node:crypto'
import { open, type FileHandle } from 'node:fs/promises'
import type { Row } from './resource'
import type { TableSchema } from './tableSchema'

export const CRLF = '\r\n'
const NEEDS_QUOTES = /[",\r\n]/
const QUOTE = /"/g
const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** A field as RFC 4180 writes it: quoted only when it holds a comma, a double quote, CR or LF. */
export function csvField(text: string, needsQuotes: RegExp = NEEDS_QUOTES): string {
  return needsQuotes.test(text) ? `"${text.replace(QUOTE, '""')}"` : text
}

/**
 * Which fields can hold text that needs quoting at all: only text. Numbers, booleans, dates, instants
 * and uuids never hold a comma, quote, CR or LF, so their cells skip the test (this is the hot loop).
 */
export function quotableFields(schema: TableSchema): boolean[] {
  return schema.fields.map((field) => field.type === 'string' && field.format !== 'uuid')
}

export function csvLine(cells: readonly string[], quotable?: readonly boolean[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!
    line += (i === 0 ? '' : ',') + (quotable && !quotable[i] ? cell : csvField(cell))
  }
  return line + CRLF
}

export interface WrittenFile {
  path: string
  bytes: number
  /** Lower-case hex SHA-256 of the file's bytes, BOM included when there is one. */
  sha256: string
}

/** About 256 KiB per write: large enough that system calls cost nothing, small enough to stay flat. */
const BATCH_BYTES = 256 * 1024
/** Room for a batch and the line that completes it; a longer line (a long note) gets a buffer of its own. */
const BUFFER_BYTES = 2 * BATCH_BYTES

export class CsvFileWriter {
  // Lines are encoded straight into a buffer (no large string built and then encoded: that cost more
  // than everything else together). Sealed pieces wait in `pieces` until the batch is written.
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES)
  private offset = 0
  private pieces: Buffer[] = []
  private piecesBytes = 0
  private inFlight: Promise<void> = Promise.resolve()
  private readonly hash: Hash = createHash('sha256')
  private bytes = 0
  private closed = false
  // Where the last add() put its bytes, for a copy that takes the same line (addLastOf).
  private lastBuffer: Buffer = this.buffer
  private lastStart = 0
  private lastEnd = 0

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle
  ) {}

  /** Creates the file (never replaces one: the package folder is new) and starts with a BOM if asked. */
  static async create(path: string, options: { bom?: boolean } = {}): Promise<CsvFileWriter> {
    const writer = new CsvFileWriter(path, await open(path, 'wx'))
    if (options.bom) writer.offset = BOM.copy(writer.buffer, 0)
    return writer
  }

  /**
   * Adds text. True when a batch has gathered: the caller then awaits flush(), which is how a slow disk
   * holds the rows back. (A plain call per row, not an await per row: this is the hot loop.)
   */
  add(text: string): boolean {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (!this.roomFor(text.length * 3)) return this.addPiece(Buffer.from(text, 'utf8'))
    const start = this.offset
    this.offset += this.buffer.write(text, start, 'utf8')
    return this.added(this.buffer, start, this.offset)
  }

  /**
   * Adds the bytes `other` was last given: a line that is the same in both files is encoded once.
   * (Bytes once added are never written over, so they stay as they were until `other`'s next add.)
   */
  addLastOf(other: CsvFileWriter): boolean {
    const { lastBuffer, lastStart, lastEnd } = other
    if (!this.roomFor(lastEnd - lastStart)) return this.addPiece(lastBuffer.subarray(lastStart, lastEnd))
    const start = this.offset
    this.offset += lastBuffer.copy(this.buffer, start, lastStart, lastEnd)
    return this.added(this.buffer, start, this.offset)
  }

  /** Makes room in the buffer for `bytes`; false when they are more than a buffer and go as a piece of their own. */
  private roomFor(bytes: number): boolean {
    if (bytes <= this.buffer.length - this.offset) return true
    this.seal()
    return bytes <= BUFFER_BYTES
  }

  private addPiece(piece: Buffer): boolean {
    this.keep(piece)
    return this.added(piece, 0, piece.length)
  }

  /** Remembers where the last line went (for addLastOf); true when a batch has gathered. */
  private added(buffer: Buffer, start: number, end: number): boolean {
    this.lastBuffer = buffer
    this.lastStart = start
    this.lastEnd = end
    return this.piecesBytes + this.offset >= BATCH_BYTES
  }

  private seal(): void {
    if (this.offset === 0) return
    this.keep(this.buffer.subarray(0, this.offset))
    this.buffer = Buffer.allocUnsafe(BUFFER_BYTES)
    this.offset = 0
  }

  private keep(piece: Buffer): void {
    this.pieces.push(piece)
    this.piecesBytes += piece.length
  }

  async flush(): Promise<void> {
    this.seal()
    if (this.pieces.length === 0) return
    const pieces = this.pieces
    this.pieces = []
    this.piecesBytes = 0
    for (const piece of pieces) {
      this.hash.update(piece)
      this.bytes += piece.length
    }
    // Writes are chained, so they land in order whoever calls; the caller waits for the previous batch's
    // write, not this one's: one batch on its way to the disk while the next is built.
    const previous = this.inFlight
    this.inFlight = previous.then(() => writeAll(this.handle, pieces))
    // A failed write is reported by the next flush or by durable(); this only stops an unhandled rejection.
    this.inFlight.catch(() => undefined)
    await previous
  }

  /** Hands the last batch to the disk and says what the file holds; durable() then waits for the disk. */
  async finish(): Promise<WrittenFile> {
    await this.flush()
    return { path: this.path, bytes: this.bytes, sha256: this.hash.digest('hex') }
  }

  /** Waits for every write, fsyncs and closes. The file is complete on disk when this resolves. */
  async durable(): Promise<void> {
    await this.inFlight
    await this.handle.sync()
    this.closed = true
    await this.handle.close()
  }

  /** Closes without caring what was written: the caller removes the folder it was in. */
  async abort(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.inFlight.catch(() => undefined)
    await this.handle.close().catch(() => undefined)
  }
}

async function writeAll(handle: FileHandle, pieces: Buffer[]): Promise<void> {
  for (const piece of pieces) {
    let offset = 0
    while (offset < piece.length) offset += (await handle.write(piece, offset, piece.length - offset)).bytesWritten
  }
}

/**
 * Calls `handle` for each row, awaiting it only when it returns a promise (a batch to flush). A plain
 * iterable is walked without an await per row: a third of the time of a large file went on those.
 */
export async function eachRow(rows: AsyncIterable<Row> | Iterable<Row>, handle: (row: Row) => Promise<void> | void): Promise<void> {
  if (Symbol.iterator in rows) {
    for (const row of rows) {
      const pending = handle(row)
      if (pending) await pending
    }
  } else {
    for await (const row of rows) {
      const pending = handle(row)
      if (pending) await pending
    }
  }
}
