// A row with one cell across every column: more about the row above it (DataTable's detail), or a
// note about a group of rows (the validation report's "and 3 more records not listed here").
import type { ReactNode } from 'react'

export function FullWidthRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell" colSpan={columns}>
        {children}
      </td>
    </tr>
  )
}
