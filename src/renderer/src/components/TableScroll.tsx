import type { ReactNode } from 'react'

/**
 * A table that, on a narrow screen, scrolls sideways inside its own box rather than widen the page.
 * The box is a named region that takes focus, so the keyboard can scroll it and a screen reader says
 * what it holds.
 */
export function TableScroll({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `app-table-scroll ${className}` : 'app-table-scroll'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
