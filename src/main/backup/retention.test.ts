// Retention: which backups a year of them leaves, on the hub's clock, and that only this hub's
// backups (by their names) are ever deleted.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { utcToLondon } from '../../shared/dates'
import { backupFileNameFor, parseBackupFileName } from './folder'
import { applyRetention, toPrune, type DatedFile } from './retention'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const NOW = new Date('2026-11-24T18:30:00.000Z')

/** A backup every `everyHours` for `days` days up to `now`, as the schedule would take them. */
function every(everyHours: number, days: number, now = NOW): DatedFile[] {
  const files: DatedFile[] = []
  for (let at = now.getTime() - days * DAY; at <= now.getTime(); at += everyHours * HOUR) {
    files.push({ fileName: backupFileNameFor('TH', new Date(at)), takenAt: new Date(at) })
  }
  return files
}

const kept = (files: DatedFile[], now = NOW) => {
  const pruned = new Set(toPrune(files, now))
  return files.filter((f) => !pruned.has(f.fileName))
}
const londonDay = (f: DatedFile) => utcToLondon(f.takenAt.toISOString()).slice(0, 10)

describe('retention', () => {
  it('keeps every backup of the last 2 days, the newest of each day for 30 days, the newest of each month for a year', () => {
    const files = every(2, 400)
    const left = kept(files)
    const age = (f: DatedFile) => NOW.getTime() - f.takenAt.getTime()
    // Every one of the last two days.
    expect(left.filter((f) => age(f) <= 2 * DAY)).toEqual(files.filter((f) => age(f) <= 2 * DAY))
    // One a day (the day's last) from then to 30 days.
    const daily = left.filter((f) => age(f) > 2 * DAY && age(f) <= 30 * DAY)
    expect(new Set(daily.map(londonDay)).size).toBe(daily.length)
    for (const f of daily) {
      const sameDay = files.filter((g) => londonDay(g) === londonDay(f))
      expect(f.takenAt.getTime()).toBe(Math.max(...sameDay.map((g) => g.takenAt.getTime())))
    }
    expect(daily.length).toBeGreaterThanOrEqual(27)
    // Beyond 30 days: one a month, for a year; nothing older.
    const monthly = left.filter((f) => age(f) > 30 * DAY)
    const months = monthly.map((f) => londonDay(f).slice(0, 7))
    expect(new Set(months).size).toBe(monthly.length)
    expect(monthly.every((f) => age(f) <= 365 * DAY)).toBe(true)
    expect(monthly.length).toBeGreaterThanOrEqual(10)
    expect(monthly.length).toBeLessThanOrEqual(12)
    // About 24 + 28 + 11 of the 4,800 taken.
    expect(left.length).toBeLessThan(70)
  })

  it('keeps the same files whether it runs after every backup or once at the end', () => {
    const files = every(6, 400)
    // Run after each backup, as the app does: what it deleted stays deleted.
    let folder: DatedFile[] = []
    for (const file of files) {
      folder.push(file)
      const pruned = new Set(toPrune(folder, file.takenAt))
      folder = folder.filter((f) => !pruned.has(f.fileName))
    }
    expect(folder.map((f) => f.fileName)).toEqual(kept(files).map((f) => f.fileName))
  })

  it('counts days and months on the hub’s clock: 23:30 UTC in summer is the next day in England', () => {
    const late = { fileName: 'a', takenAt: new Date('2026-07-01T23:30:00.000Z') } // 00:30 on 2 July in England
    const early = { fileName: 'b', takenAt: new Date('2026-07-01T22:30:00.000Z') } // 23:30 on 1 July
    const now = new Date('2026-07-20T12:00:00.000Z')
    expect(toPrune([late, early], now)).toEqual([])
    const sameDay = { fileName: 'c', takenAt: new Date('2026-07-01T23:45:00.000Z') }
    expect(toPrune([late, sameDay, early], now)).toEqual(['a'])
  })

  it('always keeps the newest backup, however old', () => {
    const old = every(24, 30, new Date(NOW.getTime() - 500 * DAY))
    expect(kept(old).map((f) => f.fileName)).toEqual([old.at(-1)!.fileName])
  })
})

describe('applying retention to a folder', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retention-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('deletes only this hub’s backups by their names, never another hub’s or anything else', async () => {
    const ours = every(24, 100).map((f) => f.fileName)
    const theirs = every(24, 100).map((f) => backupFileNameFor('RV', f.takenAt))
    const others = ['notes.txt', 'casebook-th-backup-copy.cbbackup', `${ours[0]}.partial`, 'casebook.sqlite']
    for (const name of [...ours, ...theirs, ...others]) writeFileSync(join(dir, name), 'x')
    const deleted = await applyRetention(dir, 'TH', NOW)
    expect(deleted.length).toBeGreaterThan(50)
    expect(deleted.every((name) => parseBackupFileName(name)?.hub === 'th')).toBe(true)
    const left = readdirSync(dir)
    for (const name of [...theirs, ...others]) expect(left).toContain(name)
    expect(left.filter((n) => ours.includes(n))).toHaveLength(ours.length - deleted.length)
  })
})
