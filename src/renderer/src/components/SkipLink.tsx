/**
 * GOV.UK's skip link, first in the window, to the page's <main id="main-content">. Focus is moved by
 * hand rather than by the address: the app's routes live in the hash, which the link must not change.
 */
export function SkipLink() {
  return (
    <a
      href="#main-content"
      className="govuk-skip-link"
      onClick={(e) => {
        e.preventDefault()
        document.getElementById('main-content')?.focus()
      }}
    >
      Skip to main content
    </a>
  )
}
