// How a desk on a shared PostgreSQL database hears that another desk saved something (issue 13):
// every write transaction that adds to the change feed announces the feed's new last number on the
// casebook_changes channel as it commits (../core/postgres announceChanges), and this listener, on a
// connection of its own, keeps the latest number heard and wakes the windows waiting for it. If its
// connection is lost it connects again every few seconds and reads the feed's counter, so a change
// announced while it was away is not missed.
import pg from 'pg'
import type { PostgresConnection } from '../core/postgres'
import { CHANGES_CHANNEL, CONNECT_TIMEOUT_MS } from '../core/postgres'

/** How long a window's question waits for a change before it is answered with nothing new. */
export const CHANGES_WAIT_MS = 25_000
const RECONNECT_MS = 3000

interface Waiter {
  after: number
  resolve: (latest: number) => void
  timer: NodeJS.Timeout
}

export class ChangeListener {
  private latest = 0
  private client: pg.Client | null = null
  private closed = false
  private retry: NodeJS.Timeout | null = null
  private readonly waiters = new Set<Waiter>()
  /** How long a window's question waits when nothing is heard; tests that call it by the thousand shorten it. */
  waitMs = CHANGES_WAIT_MS

  constructor(private readonly connection: PostgresConnection) {}

  /** Connects and listens; resolves once listening (or once the first attempt has failed, to retry on its own). */
  async start(): Promise<void> {
    if (this.closed) return
    const { host, port, database, user, password, ssl } = this.connection
    const client = new pg.Client({
      host,
      port,
      database,
      user,
      password: password ?? undefined,
      ssl,
      application_name: 'Casebook (changes)',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true
    })
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL) this.heard(Number(message.payload))
    })
    const lost = () => {
      if (this.client === client) this.client = null
      this.later()
    }
    client.on('error', lost)
    client.on('end', lost)
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANGES_CHANNEL}`)
      const { rows } = await client.query<{ seq: number }>('SELECT seq FROM change_feed_counter WHERE id = 1')
      if (this.closed) {
        await client.end()
        return
      }
      this.client = client
      this.heard(Number(rows[0]?.seq ?? 0))
    } catch {
      client.removeAllListeners('end')
      await client.end().catch(() => undefined)
      this.later()
    }
  }

  /** The latest change heard of, once it is later than `after` (at once if it already is), or after `ms` whatever it is. */
  wait(after: number | null, ms = this.waitMs): Promise<number> {
    if (after === null || this.latest > after || this.closed) return Promise.resolve(this.latest)
    return new Promise((resolve) => {
      const waiter: Waiter = { after, resolve, timer: setTimeout(() => this.settle(waiter), ms) }
      this.waiters.add(waiter)
    })
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.retry) clearTimeout(this.retry)
    for (const waiter of [...this.waiters]) this.settle(waiter)
    const client = this.client
    this.client = null
    if (client) {
      client.removeAllListeners('end')
      await client.end().catch(() => undefined)
    }
  }

  private heard(seq: number): void {
    if (!Number.isFinite(seq) || seq <= this.latest) return
    this.latest = seq
    for (const waiter of [...this.waiters]) if (this.latest > waiter.after) this.settle(waiter)
  }

  private settle(waiter: Waiter): void {
    clearTimeout(waiter.timer)
    this.waiters.delete(waiter)
    waiter.resolve(this.latest)
  }

  private later(): void {
    if (this.closed || this.retry) return
    this.retry = setTimeout(() => {
      this.retry = null
      void this.start()
    }, RECONNECT_MS)
  }
}
