import { useEffect } from 'react'

/** Every screen's title ends so (Page sets it): the family goes just before it. */
const SUFFIX = ' – Casebook'

/**
 * Names the family in the window's title on every page about it ("Edit household details – Okafor
 * family (RV-000001) – Casebook"), so the taskbar and a screen reader say whose record is open.
 * Each screen sets its own title after this runs and whenever it changes, so the name is added to
 * each title as it is set; a title that is not a screen's (the lock screen's) is left alone.
 */
export function useFamilyInWindowTitle(name: string) {
  useEffect(() => {
    const apply = () => {
      const title = document.title
      if (title.endsWith(SUFFIX) && !title.includes(name)) document.title = `${title.slice(0, -SUFFIX.length)} – ${name}${SUFFIX}`
    }
    apply()
    const observer = new MutationObserver(apply)
    observer.observe(document.head, { childList: true, subtree: true, characterData: true })
    return () => {
      observer.disconnect()
      document.title = document.title.replace(` – ${name}${SUFFIX}`, SUFFIX)
    }
  }, [name])
}
