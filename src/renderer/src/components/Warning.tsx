import type { ReactNode } from 'react'

/** GOV.UK's warning text: the "!" is for the eye, "Warning" for the ear. */
export function Warning({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <div className="govuk-warning-text" id={id}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  )
}
