// How much an import takes on, so that a wrong address, a runaway feed or a hostile server cannot
// fill the disk, the memory or the afternoon. A feed beyond a limit is refused, never half-read: a
// part of a feed would make the rest of its services look gone.

/** The most services one import reads (a large county's directory holds a few thousand). */
export const MAX_SERVICES = 10_000
/** The most pages of a paged feed it asks for. */
export const MAX_PAGES = 1_000
/** The largest answer (or file) it reads, in bytes. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
/** How long one request may take, start to finish. */
export const REQUEST_TIMEOUT_MS = 30_000
/** How many services' details it asks for at once. */
export const DETAIL_REQUESTS_AT_ONCE = 4
/** A feed's id longer than this is no id Casebook can keep (the column's length). */
export const MAX_FEED_ID_LENGTH = 200
