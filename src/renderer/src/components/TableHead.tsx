import type { ReactNode } from 'react'

export interface Column {
  label: ReactNode
  numeric?: boolean
  /** Read out but not shown: the heading of a column of buttons or links. */
  hidden?: boolean
}

/** A GOV.UK table's caption (for screen readers) and header row, from a list of columns. */
export function TableHead({ caption, columns }: { caption: string; columns: (string | Column)[] }) {
  return (
    <>
      <caption className="govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((c, i) => {
            const column = typeof c === 'string' ? { label: c } : c
            return (
              <th key={i} scope="col" className={`govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}`}>
                {column.hidden ? <span className="govuk-visually-hidden">{column.label}</span> : column.label}
              </th>
            )
          })}
        </tr>
      </thead>
    </>
  )
}
