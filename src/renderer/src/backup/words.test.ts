import { describe, expect, it } from 'vitest'
import { ageInWords, everyInWords, isStale, keySourceInWords, londonDateTime, megabytes, reasonLabel, scheduleInWords } from './words'
import { parseBackupRoute, restoreHref } from './routes'
import { parseRoute } from '../app/router'

describe('the Backups screen in words', () => {
  it('says how old a backup is as people do, from the hours the core measured', () => {
    expect(ageInWords(0)).toBe('less than a minute ago')
    expect(ageInWords(0.5)).toBe('30 minutes ago')
    expect(ageInWords(1 / 60)).toBe('1 minute ago')
    expect(ageInWords(1)).toBe('1 hour ago')
    expect(ageInWords(2.9)).toBe('2 hours ago')
    expect(ageInWords(47.5)).toBe('47 hours ago')
    expect(ageInWords(72)).toBe('3 days ago')
  })

  it('warns when there is no good backup, or the newest is over a day old', () => {
    expect(isStale(null)).toBe(true)
    expect(isStale(24.01)).toBe(true)
    expect(isStale(24)).toBe(false)
    expect(isStale(2)).toBe(false)
  })

  it('shows times as the hub’s clocks read them, in summer and winter alike', () => {
    expect(londonDateTime('2026-07-03T08:15:00.000Z')).toBe('3 July 2026, 09:15')
    expect(londonDateTime('2026-11-24T23:30:00.000Z')).toBe('24 November 2026, 23:30')
    expect(londonDateTime('2026-06-30T23:30:00.000Z')).toBe('1 July 2026, 00:30')
  })

  it('gives sizes in megabytes to one place, never "0.0 MB"', () => {
    expect(megabytes(13_002_342)).toBe('12.4 MB')
    expect(megabytes(1_048_576 * 1234.56)).toBe('1,234.6 MB')
    expect(megabytes(50_000)).toBe('less than 0.1 MB')
  })

  it('says when backups are taken and why each one was', () => {
    expect(everyInWords(2)).toBe('every 2 hours')
    expect(everyInWords(1)).toBe('every hour')
    expect(everyInWords(0.25)).toBe('every 15 minutes')
    expect(everyInWords(1.5)).toBe('every 90 minutes')
    expect(scheduleInWords({ everyHours: 2 })).toBe('At the first sign-in of each day, every 2 hours while Casebook is open, and before every upgrade.')
    expect(reasonLabel('manual')).toBe('Backed up now')
    expect(reasonLabel('before-upgrade')).toBe('Before an upgrade')
  })

  it('warns when the key is one Casebook made beside the database, and only then', () => {
    expect(keySourceInWords('beside the database')).toMatchObject({ warn: true, text: expect.stringContaining('IT should set a key of their own') })
    expect(keySourceInWords('config').warn).toBe(false)
    expect(keySourceInWords('key file').warn).toBe(false)
  })
})

describe('the Backups screen’s addresses', () => {
  const name = 'casebook-rv-20261124t091500123z.cbbackup'
  it('leads to a backup’s confirmation page by its name, and to nothing for a name Casebook would not make', () => {
    expect(parseRoute(restoreHref(name))).toEqual({ name: 'restoreBackup', fileName: name })
    expect(parseRoute('#/backups')).toEqual({ name: 'backups' })
    expect(parseBackupRoute(['restore', '..%2Fcasebook.sqlite'])).toBeNull()
    expect(parseBackupRoute(['restore', 'casebook-rv.sqlite'])).toBeNull()
    expect(parseRoute('#/backups/restore')).toEqual({ name: 'notFound' })
  })
})
