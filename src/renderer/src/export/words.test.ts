import { describe, expect, it } from 'vitest'
import type { ExportOverview } from '../../../shared/export/schemas'
import type { ValidationReport } from '../../../shared/export/validation'
import { changeRange, kindLabel, packagePath, progressText, whyNot } from './words'

const overview: ExportOverview = { folder: '/srv/exports', folderProblem: null, lastSucceeded: null, running: null, changedSince: 0, noteText: false }
const report = (errors: number): ValidationReport => ({
  ranAt: '2026-11-24T09:00:00.000Z',
  perRuleLimit: 50,
  counts: { error: errors, warning: 2 },
  blocked: errors > 0,
  rules: [],
  items: []
})

describe('the Export screen in words', () => {
  it('says how far a run has got as the bar does, with thousands separated', () => {
    expect(progressText({ recordsDone: 1234, recordsTotal: 5678 })).toBe('1,234 of 5,678 records')
    expect(progressText({ recordsDone: 0, recordsTotal: 1 })).toBe('0 of 1 record')
    expect(progressText({ recordsDone: 7, recordsTotal: null })).toBe('Counting the records to send…')
    // A count that overtook its total (records added while the run read them) never says more than all.
    expect(progressText({ recordsDone: 12, recordsTotal: 10 })).toBe('10 of 10 records')
  })

  it('names the change range a package covers: after its start, up to and including its end', () => {
    expect(changeRange({ changeFrom: 0, changeTo: 1500 })).toBe('1 to 1,500')
    expect(changeRange({ changeFrom: 1500, changeTo: 1500 })).toBe('No changes')
    expect(changeRange({ changeFrom: 1500, changeTo: null })).toBe('Not known')
  })

  it('names the kind of package, and the package folder with the folder’s own separator', () => {
    expect(kindLabel({ kind: 'incremental', pseudonymised: false })).toBe('Incremental')
    expect(kindLabel({ kind: 'full', pseudonymised: true })).toBe('Full, pseudonymised')
    expect(packagePath({ exportFolder: '/srv/exports/', packageName: 'RV-1' })).toBe('/srv/exports/RV-1')
    expect(packagePath({ exportFolder: 'C:\\Exports', packageName: 'RV-1' })).toBe('C:\\Exports\\RV-1')
    expect(packagePath({ exportFolder: '\\\\server\\share', packageName: 'RV-1' })).toBe('\\\\server\\share\\RV-1')
    expect(packagePath({ exportFolder: '/srv/exports', packageName: null })).toBe('/srv/exports')
  })

  it('says why Export now cannot be pressed: no folder, an unusable one, checks running, errors, a run going', () => {
    expect(whyNot(overview, report(0), false)).toBeNull()
    expect(whyNot(overview, report(0), true)).toBe('Wait for the checks to finish.')
    expect(whyNot(overview, report(3), false)).toBe('Fix the 3 errors in the checks above first.')
    expect(whyNot(overview, report(1), false)).toBe('Fix the 1 error in the checks above first.')
    expect(whyNot({ ...overview, folder: null, folderProblem: 'No export folder is set.' }, report(0), false)).toMatch(/no export folder/)
    expect(whyNot({ ...overview, folderProblem: 'It cannot be written to.' }, report(0), false)).toMatch(/no export folder/)
    expect(whyNot(null, report(0), false)).toMatch(/^Wait a moment/)
  })
})
