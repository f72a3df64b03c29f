// The core's clock in the journeys: real time until a test moves it on, to stand for minutes
// passing at the core (an idle window) while the page's own clock is Playwright's to control.
import type { Clock } from '../../src/main/core/clock'

export class HarnessClock implements Clock {
  private offset = 0

  now(): Date {
    return new Date(Date.now() + this.offset)
  }

  /** Moves the core's time on; it carries on from there in real time. */
  advance(ms: number): void {
    this.offset += ms
  }
}
