// How long a request has waited for its decision: working days (England's, bank holidays and IT's
// changes to them excluded) from the day it was received to the day it was decided, or to today
// while it waits, against the hub's target. Days are the hub's own, local, days.
import { addDays, todayIso } from '../../shared/dates'
import type { WorkingDays } from '../core/workingDays'

/** The local day an ISO instant falls on. */
export const localDay = (instant: string): string => todayIso(new Date(instant))

/** The ISO instant a local day starts at. */
export const startOfLocalDay = (day: string): string => new Date(`${day}T00:00:00`).toISOString()

export interface Timing {
  workingDays: number
  overdue: boolean
}

export function requestTiming(days: WorkingDays, receivedAt: string, decidedAt: string | null, today: string, targetDays: number): Timing {
  const workingDays = days.between(localDay(receivedAt), decidedAt ? localDay(decidedAt) : today)
  return { workingDays, overdue: workingDays > targetDays }
}

/**
 * The instant before which a request still waiting today is overdue: received on the latest day
 * from which more than `targetDays` working days have passed by today, or earlier. So the list's
 * "overdue" is a comparison of received_at the database can make on its index.
 */
export function overdueBefore(days: WorkingDays, today: string, targetDays: number): string {
  let day = today
  // Moving the day received back by one day puts that day among the days passed.
  for (let passed = 0; passed <= targetDays;) {
    if (days.isWorkingDay(day)) passed++
    day = addDays(day, -1)
  }
  return startOfLocalDay(addDays(day, 1))
}
