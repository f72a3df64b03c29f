import { useEffect, useRef, type ReactNode } from 'react'

/** One screen: sets the window title and moves focus to the heading when the screen opens. */
export function Page({ title, caption, children, focusHeading = true }: { title: string; caption?: string; children: ReactNode; focusHeading?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} – Casebook`
    if (focusHeading) heading.current?.focus()
  }, [title, focusHeading])
  return (
    <>
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </>
  )
}

export function Loading() {
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  )
}
