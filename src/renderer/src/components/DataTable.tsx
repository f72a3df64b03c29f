// The one table for lists: caseloads, referrals, export runs, the audit trail. Sorting comes from
// @tanstack/react-table (headless: it keeps the order and its state, we keep GOV.UK markup). A list
// the server pages sorts in its query instead: the table then only shows the order it was given and
// says which order that is (manual sorting), so a sort never covers one page while looking like all.
import { Fragment, useMemo, useState, type ReactNode } from 'react'
import {
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Row,
  type RowData,
  type SortingState,
  type Updater
} from '@tanstack/react-table'
import { FullWidthRow } from './FullWidthRow'
import { TableScroll } from './TableScroll'

/** A column: its heading, its cell, and the value it sorts by (none: it does not sort). */
export interface DataColumn<T> {
  id: string
  header: string
  cell: (row: T) => ReactNode
  /** Absent: the column cannot be sorted. Nulls go last whichever way it is sorted. */
  sortValue?: (row: T) => string | number | null
  numeric?: boolean
  /** The heading is read out but not shown (a column of buttons). */
  hiddenHeader?: boolean
  /** The first click sorts it largest or latest first (days open, last contact). */
  descFirst?: boolean
}

export interface TableSort {
  id: string
  desc: boolean
}

/** A list the server sorts: the order it was sent in, and what to ask for when a heading is pressed. */
export interface ServerSort {
  sort: TableSort
  onSort: (next: TableSort) => void
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() })

/** Numbers as numbers; words as a person reads them (case and accents aside, "RV-2" before "RV-10"). */
function compareValues<T extends RowData>(a: Row<typeof features, T>, b: Row<typeof features, T>, id: string): number {
  const x = a.getValue<string | number>(id)
  const y = b.getValue<string | number>(id)
  if (typeof x === 'number' && typeof y === 'number') return x - y
  return String(x).localeCompare(String(y), 'en-GB', { numeric: true, sensitivity: 'base' })
}

const toState = (sort: TableSort | null): SortingState => (sort ? [{ id: sort.id, desc: sort.desc }] : [])

const ORDER_WORDS = { asc: 'ascending', desc: 'descending' } as const

/**
 * A GOV.UK table whose sortable headings are buttons (aria-sort on the heading says the order), in a
 * box that scrolls sideways on its own on a narrow screen. `columns` must keep its identity between
 * renders (module scope or useMemo): the library rebuilds its model whenever it changes.
 */
export function DataTable<T extends RowData>({
  caption,
  rows,
  columns,
  rowKey,
  initialSort = null,
  serverSort,
  captionVisible = false,
  detail
}: {
  caption: string
  rows: T[]
  columns: DataColumn<T>[]
  rowKey: (row: T) => string
  initialSort?: TableSort | null
  serverSort?: ServerSort
  captionVisible?: boolean
  /** More about a row, on a row of its own across the table (so the main columns stay narrow). */
  detail?: (row: T) => ReactNode | null
}) {
  const [ownSorting, setOwnSorting] = useState<SortingState>(() => toState(initialSort))
  // One array while the order stays the same: the library treats a new one as a change of state.
  const serverId = serverSort?.sort.id
  const serverDesc = serverSort?.sort.desc
  const sorting = useMemo(
    () => (serverId === undefined ? ownSorting : toState({ id: serverId, desc: Boolean(serverDesc) })),
    [serverId, serverDesc, ownSorting]
  )
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater
    if (!serverSort) return setOwnSorting(next)
    if (next[0]) serverSort.onSort({ id: next[0].id, desc: next[0].desc })
  }
  const definitions = useMemo<ColumnDef<typeof features, T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        // undefined, not null, so the library's "last" rule places rows with nothing to sort by.
        accessorFn: (row: T) => c.sortValue?.(row) ?? undefined,
        enableSorting: Boolean(c.sortValue),
        sortFn: compareValues,
        sortUndefined: 'last' as const,
        sortDescFirst: Boolean(c.descFirst)
      })),
    [columns]
  )
  const table = useTable({
    features,
    columns: definitions,
    data: rows,
    getRowId: (row: T) => rowKey(row),
    state: { sorting },
    onSortingChange,
    manualSorting: Boolean(serverSort),
    enableMultiSort: false,
    enableSortingRemoval: false
  })
  const active = sorting[0]
  const activeColumn = active ? columns.find((c) => c.id === active.id) : undefined
  return (
    <>
      <TableScroll label={caption}>
        <table className="govuk-table app-data-table">
          <caption className={captionVisible ? 'govuk-table__caption govuk-table__caption--m' : 'govuk-visually-hidden'}>{caption}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {columns.map((c) => {
                const column = table.getColumn(c.id)
                const order = column?.getIsSorted() ?? false
                const className = `govuk-table__header${c.numeric ? ' govuk-table__header--numeric' : ''}`
                if (!c.sortValue || !column)
                  return (
                    <th key={c.id} scope="col" className={className}>
                      {c.hiddenHeader ? <span className="govuk-visually-hidden">{c.header}</span> : c.header}
                    </th>
                  )
                return (
                  <th key={c.id} scope="col" className={className} aria-sort={order ? ORDER_WORDS[order] : 'none'}>
                    <button type="button" className="app-sort-button" data-order={order || 'none'} onClick={() => column.toggleSorting()}>
                      {c.header}
                    </button>
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {table.getRowModel().rows.map((row) => {
              const more = detail?.(row.original) ?? null
              const cell = `govuk-table__cell${more ? ' app-data-table__cell--before-detail' : ''}`
              return (
                <Fragment key={row.id}>
                  <tr className="govuk-table__row">
                    {columns.map((c) => (
                      <td key={c.id} className={`${cell}${c.numeric ? ' govuk-table__cell--numeric' : ''}`}>
                        {c.cell(row.original)}
                      </td>
                    ))}
                  </tr>
                  {more ? <FullWidthRow columns={columns.length}>{more}</FullWidthRow> : null}
                </Fragment>
              )
            })}
          </tbody>
        </table>
      </TableScroll>
      {/* Said when the order changes; the headings' aria-sort says it to whoever reads them later. */}
      <p className="govuk-visually-hidden" role="status">
        {activeColumn ? `Sorted by ${activeColumn.header}, ${ORDER_WORDS[active!.desc ? 'desc' : 'asc']}` : ''}
      </p>
    </>
  )
}
