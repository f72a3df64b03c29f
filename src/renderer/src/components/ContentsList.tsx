import type { MouseEvent } from 'react'

export interface ContentsItem {
  /** The id of the section's heading (which has tabIndex -1, so it can take focus). */
  id: string
  label: string
}

/**
 * The GOV.UK contents list at the top of a long form: a link to each section's heading. The app's
 * routes are its hash links, so a link moves focus (and the view) to the heading without navigating.
 */
export function ContentsList({ items }: { items: ContentsItem[] }) {
  const go = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault()
    const heading = document.getElementById(id)
    heading?.focus()
    heading?.scrollIntoView({ block: 'start' })
  }
  return (
    <nav className="app-contents" aria-labelledby="contents-title">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2" id="contents-title">
        Contents
      </h2>
      <ol className="app-contents__list">
        {items.map((item) => (
          <li key={item.id} className="app-contents__item">
            <a className="govuk-link" href={`#${item.id}`} onClick={(event) => go(event, item.id)}>
              {item.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
