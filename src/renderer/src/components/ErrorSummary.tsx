import { useEffect, useRef } from 'react'
import { errorTarget, inPageOrder, type ErrorItem } from './formErrors'

/** The GOV.UK error summary: focused when it appears, each message a link to its field. */
export function ErrorSummary({ items, title = 'There is a problem', focusKey }: { items: ErrorItem[]; title?: string; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null)
  const visible = items.length > 0
  // Focus when the summary appears and again on every failed submit. react-hook-form reports the
  // failed submit before it publishes the errors, so both are needed.
  useEffect(() => {
    if (visible) ref.current?.focus()
  }, [focusKey, visible])
  if (!visible) return null
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {inPageOrder(items).map((item) => (
              <li key={item.path}>
                <a
                  href={`#${item.path}`}
                  onClick={(event) => {
                    // Hash links are the app's routes: move focus without navigating.
                    event.preventDefault()
                    const target = errorTarget(item.path)
                    target?.focus()
                    target?.scrollIntoView({ block: 'center' })
                  }}
                >
                  {item.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}

/** A message from the core that belongs to no one field (a conflict, a database problem). */
export function ProblemBanner({ title, message }: { title: string; message: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [message])
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {/* A message may name a folder or a server by an address with no space to wrap at: broken anywhere rather than wider than a narrow window. */}
          <p className="govuk-body" style={{ overflowWrap: 'anywhere' }}>
            {message}
          </p>
        </div>
      </div>
    </div>
  )
}

/**
 * The GOV.UK success banner, focused when it appears (as GOV.UK's notification banner is), so that
 * a keyboard or screen-reader user hears what was saved and starts from it.
 */
export function SuccessBanner({ title, children }: { title: string; children?: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // After the page's own effect, which focuses its heading when it opens: React runs a parent's
    // effects after its children's, and a microtask runs once they have all run.
    queueMicrotask(() => ref.current?.focus())
  }, [title])
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-title"
      tabIndex={-1}
      ref={ref}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <h3 className="govuk-notification-banner__heading">{title}</h3>
        {children}
      </div>
    </div>
  )
}
