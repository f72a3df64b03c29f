// WCAG 2.2 (2.4.11, focus not obscured): the family bar sticks to the top of the window, so the page
// keeps a scroll padding of its height and whatever takes focus is scrolled clear of it. The bar's
// height changes with the family (an alert, a restriction, a narrow window wrapping its lines), so it
// is measured, not guessed: styles.scss reads --app-sticky-offset.
import { useEffect } from 'react'

const BAR = '.app-identity-bar'
const OFFSET = '--app-sticky-offset'

export function useStickyBarOffset(): void {
  useEffect(() => {
    const root = document.documentElement
    let watched: Element | null = null
    const measure = () => {
      const bar = document.querySelector(BAR)
      if (bar !== watched) {
        if (watched) sizes.unobserve(watched)
        if (bar) sizes.observe(bar)
        watched = bar
      }
      // Not sticky on a narrow or short window (styles.scss): nothing to keep clear of then.
      const height = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0
      root.style.setProperty(OFFSET, `${Math.ceil(height)}px`)
    }
    const sizes = new ResizeObserver(measure)
    // Pages come and go without a reload: a bar appears, or goes, with the page about a family. Its
    // size is the ResizeObserver's to follow, so other changes to the page cost one lookup.
    const pages = new MutationObserver(() => {
      if (document.querySelector(BAR) !== watched) measure()
    })
    pages.observe(document.body, { childList: true, subtree: true })
    window.addEventListener('resize', measure)
    measure()
    return () => {
      pages.disconnect()
      sizes.disconnect()
      window.removeEventListener('resize', measure)
      root.style.removeProperty(OFFSET)
    }
  }, [])
}
