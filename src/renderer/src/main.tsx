import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles.scss'
import './print.scss'
import { App } from './app/App'

document.body.classList.add('govuk-frontend-supported', 'js-enabled')
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>
)
