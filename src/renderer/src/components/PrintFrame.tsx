import { useEffect, useState, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { formatDate, todayIso } from '../../../shared/dates'

/** The Government Security Classifications marking for personal data about children and families. */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE'

/** Today, kept current for the moment the page is printed (a page may stay open past midnight). */
function usePrintedOn(): string {
  const [today, setToday] = useState(todayIso)
  useEffect(() => {
    // The print layout is taken straight after beforeprint: the new date must be in the page by then.
    const update = () => flushSync(() => setToday(todayIso()))
    window.addEventListener('beforeprint', update)
    return () => window.removeEventListener('beforeprint', update)
  }, [])
  return today
}

/**
 * A page that prints with the protective marking at the top and foot of every sheet, and `title`
 * and the date printed under the top one. Chromium repeats a table's header and footer groups on
 * every printed page, so the frame is a table when printed (print.scss) and plain blocks on screen,
 * where the marking and title are not shown. Page numbers come from print.scss's @page rule.
 */
export function PrintFrame({ title, children }: { title: string; children: ReactNode }) {
  const printedOn = usePrintedOn()
  return (
    <table className="app-print-frame" role="presentation">
      <thead className="app-print-frame__head">
        <tr>
          <td>
            <p className="app-print-frame__marking">{PROTECTIVE_MARKING}</p>
            <p className="app-print-frame__title">
              {title} · Printed on {formatDate(printedOn)}
            </p>
          </td>
        </tr>
      </thead>
      <tbody className="app-print-frame__body">
        <tr>
          <td>{children}</td>
        </tr>
      </tbody>
      <tfoot className="app-print-frame__foot">
        <tr>
          <td>
            <p className="app-print-frame__marking">{PROTECTIVE_MARKING}</p>
          </td>
        </tr>
      </tfoot>
    </table>
  )
}
