import { useEffect, useState } from 'react'
import type { HubRecord } from '../../../shared/hub/schemas'
import { invoke } from '../api'
import { navigate, useRoute, type Route } from './router'
import { Page } from '../components/Page'
import { SearchPage } from '../search/SearchPage'
import { RegisterPage } from '../families/RegisterPage'
import { FamilyPage } from '../families/FamilyPage'
import { EditFamilyPage } from '../families/EditFamilyPage'
import { AddMemberPage, EditPersonPage, MovePersonPage } from '../families/PersonPages'
import { ConsentPage } from '../consent/ConsentPage'

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'search': return <SearchPage />
    case 'register': return <RegisterPage />
    case 'family': return <FamilyPage key={`${route.id}${route.notice ?? ''}`} id={route.id} notice={route.notice} />
    case 'editFamily': return <EditFamilyPage id={route.id} />
    case 'addMember': return <AddMemberPage key={route.kind} id={route.id} kind={route.kind} />
    case 'editPerson': return <EditPersonPage key={route.personId} id={route.id} personId={route.personId} />
    case 'movePerson': return <MovePersonPage id={route.id} personId={route.personId} />
    case 'recordConsent': return <ConsentPage id={route.id} />
    default: return <Page title="Page not found"><p className="govuk-body"><a className="govuk-link" href="#/">Find a family</a></p></Page>
  }
}

/** Ctrl+K (or / outside a text box) goes to the search box from anywhere. */
function useSearchShortcut() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)
      if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing)) {
        event.preventDefault()
        if (window.location.hash.replace(/^#\/?/, '') === '') document.getElementById('search')?.focus()
        else navigate('#/')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

export function App() {
  const route = useRoute()
  const [hub, setHub] = useState<HubRecord | null>(null)
  useSearchShortcut()
  useEffect(() => {
    void invoke('hub.get', {}).then((r) => r.ok && setHub(r.value))
  }, [])
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main-content')?.focus() }}>Skip to main content</a>
      <header className="app-header" role="banner">
        <div className="govuk-width-container app-header__inner">
          <p className="app-header__name">Casebook</p>
          <nav aria-label="Main">
            <ul className="app-nav">
              <li><a className="govuk-link" href="#/" aria-current={route.name === 'search' ? 'page' : undefined}>Find a family</a></li>
              <li><a className="govuk-link" href="#/register" aria-current={route.name === 'register' ? 'page' : undefined}>Register a family</a></li>
            </ul>
          </nav>
          <span className="app-header__hub">{hub ? hub.name : ''} <span className="app-kbd">· Ctrl+K to search</span></span>
        </div>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <Screen route={route} />
        </main>
      </div>
    </>
  )
}
