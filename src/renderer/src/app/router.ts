// Hash routes: the page is a file in Electron, so the address after # is the app's own state.
import { useEffect, useMemo, useState } from 'react'
import { parseDirectoryRoute, type DirectoryRoute } from '../directory/routes'
import { parseStepUpRoute, type StepUpRoute } from '../referrals/stepUpRoutes'
import { parseOutboundRoute, type OutboundRoute } from '../referrals/outboundRoutes'
import { parseExportRoute, type ExportRoute } from '../export/routes'
import { parseBackupRoute, type BackupRoute } from '../backup/routes'

export type Route =
  | { name: 'search' }
  | { name: 'register' }
  | { name: 'family'; id: string; notice?: string }
  | { name: 'editFamily'; id: string }
  | { name: 'addMember'; id: string; kind: 'adult' | 'child' | 'unborn' }
  | { name: 'editPerson'; id: string; personId: string }
  | { name: 'movePerson'; id: string; personId: string }
  | { name: 'recordConsent'; id: string; organisationId?: string; organisationName?: string; referralId?: string }
  | { name: 'familyAccess'; id: string }
  | { name: 'openEpisode'; id: string }
  | { name: 'closeEpisode'; id: string }
  | { name: 'addNote'; id: string }
  | { name: 'episode'; id: string; episodeId: string; notice?: string }
  | { name: 'teamMember'; id: string; episodeId: string; memberId: string | null }
  | { name: 'assessment'; id: string; episodeId: string }
  | { name: 'plan'; id: string; episodeId: string }
  | { name: 'printPlan'; id: string; episodeId: string }
  | { name: 'documentVersion'; id: string; episodeId: string; document: 'family-plan' | 'assessment'; version: number }
  | { name: 'review'; id: string; episodeId: string }
  | { name: 'reopenEpisode'; id: string; episodeId: string }
  | { name: 'approveClosure'; id: string; episodeId: string }
  | { name: 'closures' }
  | { name: 'chronology'; id: string; notice?: string }
  | { name: 'audit'; familyReference?: string; personId?: string }
  | { name: 'users'; notice?: string }
  | { name: 'resetPassword'; userId: string }
  | { name: 'editUser'; userId: string }
  | { name: 'changePassword' }
  | { name: 'hubSettings' }
  | { name: 'caseload'; scope: 'mine' | 'all' }
  | { name: 'requests' }
  | { name: 'referrals' }
  | { name: 'logRequest'; familyId?: string; notice?: string }
  | { name: 'registerForRequest' }
  | { name: 'request'; requestId: string; notice?: string }
  | DirectoryRoute
  | StepUpRoute
  | OutboundRoute
  | ExportRoute
  | BackupRoute
  | { name: 'notFound' }

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?')
  const parts = path.split('/').filter(Boolean)
  const params = new URLSearchParams(query)
  if (parts.length === 0) return { name: 'search' }
  if (parts[0] === 'register' && parts.length === 1) return { name: 'register' }
  if (parts[0] === 'audit' && parts.length === 1)
    return { name: 'audit', familyReference: params.get('family') ?? undefined, personId: params.get('person') ?? undefined }
  if (parts[0] === 'users' && parts.length === 1) return { name: 'users', notice: params.get('notice') ?? undefined }
  if (parts[0] === 'users' && parts[1] && parts[2] === 'reset') return { name: 'resetPassword', userId: parts[1] }
  if (parts[0] === 'users' && parts[1] && parts[2] === 'edit') return { name: 'editUser', userId: parts[1] }
  if (parts[0] === 'account' && parts[1] === 'password') return { name: 'changePassword' }
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'hubSettings' }
  if (parts[0] === 'caseload' && parts.length === 1) return { name: 'caseload', scope: 'mine' }
  if (parts[0] === 'episodes' && parts.length === 1) return { name: 'caseload', scope: 'all' }
  if (parts[0] === 'closures' && parts.length === 1) return { name: 'closures' }
  if (parts[0] === 'referrals' && parts.length === 1) return { name: 'referrals' }
  if (parts[0] === 'requests') {
    if (parts.length === 1) return { name: 'requests' }
    if (parts[1] === 'new' && parts.length === 2)
      return { name: 'logRequest', familyId: params.get('family') ?? undefined, notice: params.get('notice') ?? undefined }
    if (parts[1] === 'new' && parts[2] === 'register' && parts.length === 3) return { name: 'registerForRequest' }
    if (parts[1] && parts.length === 2) return { name: 'request', requestId: parts[1], notice: params.get('notice') ?? undefined }
  }
  if (parts[0] === 'step-ups') {
    const stepUp = parseStepUpRoute(parts.slice(1), params)
    if (stepUp) return stepUp
  }
  if (parts[0] === 'directory') {
    const directory = parseDirectoryRoute(parts.slice(1), params)
    if (directory) return directory
  }
  if (parts[0] === 'outbound') {
    const outbound = parseOutboundRoute(parts.slice(1), params)
    if (outbound) return outbound
  }
  if (parts[0] === 'export') {
    const exportRoute = parseExportRoute(parts.slice(1))
    if (exportRoute) return exportRoute
  }
  if (parts[0] === 'backups') {
    const backupRoute = parseBackupRoute(parts.slice(1))
    if (backupRoute) return backupRoute
  }
  if (parts[0] === 'families' && parts[1]) {
    const id = parts[1]
    if (parts.length === 2) return { name: 'family', id, notice: params.get('notice') ?? undefined }
    if (parts[2] === 'edit') return { name: 'editFamily', id }
    if (parts[2] === 'consent')
      return {
        name: 'recordConsent',
        id,
        organisationId: params.get('organisation') ?? undefined,
        organisationName: params.get('name') ?? undefined,
        referralId: params.get('referral') ?? undefined
      }
    if (parts[2] === 'access') return { name: 'familyAccess', id }
    if (parts[2] === 'early-help' && parts[3] === 'open') return { name: 'openEpisode', id }
    if (parts[2] === 'early-help' && parts[3] === 'close') return { name: 'closeEpisode', id }
    if (parts[2] === 'notes' && parts[3] === 'new') return { name: 'addNote', id }
    if (parts[2] === 'episodes' && parts[3]) {
      const episodeId = parts[3]
      const rest = parts.slice(4).join('/')
      if (rest === '') return { name: 'episode', id, episodeId, notice: params.get('notice') ?? undefined }
      if (rest === 'team/new') return { name: 'teamMember', id, episodeId, memberId: null }
      if (parts[4] === 'team' && parts[5] && parts.length === 6) return { name: 'teamMember', id, episodeId, memberId: parts[5] }
      if (rest === 'assessment') return { name: 'assessment', id, episodeId }
      if (rest === 'plan') return { name: 'plan', id, episodeId }
      if (rest === 'plan/print') return { name: 'printPlan', id, episodeId }
      if ((parts[4] === 'plan' || parts[4] === 'assessment') && parts[5] === 'versions' && /^[1-9]\d{0,8}$/.test(parts[6] ?? '') && parts.length === 7)
        return { name: 'documentVersion', id, episodeId, document: parts[4] === 'plan' ? 'family-plan' : 'assessment', version: Number(parts[6]) }
      if (rest === 'review') return { name: 'review', id, episodeId }
      if (rest === 'reopen') return { name: 'reopenEpisode', id, episodeId }
      if (rest === 'approve') return { name: 'approveClosure', id, episodeId }
    }
    if (parts[2] === 'chronology') return { name: 'chronology', id, notice: params.get('notice') ?? undefined }
    if (parts[2] === 'add' && (parts[3] === 'adult' || parts[3] === 'child' || parts[3] === 'unborn')) return { name: 'addMember', id, kind: parts[3] }
    if (parts[2] === 'people' && parts[3] && parts[4] === 'edit') return { name: 'editPerson', id, personId: parts[3] }
    if (parts[2] === 'people' && parts[3] && parts[4] === 'move') return { name: 'movePerson', id, personId: parts[3] }
  }
  return { name: 'notFound' }
}

// A screen that reuses another's form can send that form's "done" elsewhere while it is open: the
// registration form, opened for a request for help, returns to the request rather than to the family.
let redirect: ((hash: string) => string) | null = null

/** While the returned function has not been called, every navigate() goes where `to` says. */
export function redirectNavigation(to: (hash: string) => string): () => void {
  redirect = to
  return () => {
    if (redirect === to) redirect = null
  }
}

/** Where a link to `hash` goes now: a link, like navigate(), follows a redirect in force. */
export function hrefFor(hash: string): string {
  return redirect ? redirect(hash) : hash
}

export function navigate(hash: string): void {
  window.location.hash = redirect ? redirect(hash) : hash
}

export const episodeHref = (familyId: string, episodeId: string, notice?: string) =>
  `#/families/${familyId}/episodes/${episodeId}${notice ? `?notice=${encodeURIComponent(notice)}` : ''}`

/** The closure waiting for approval, shown in full, with the manager's confirmation. */
export const approveClosureHref = (familyId: string, episodeId: string) => `#/families/${familyId}/episodes/${episodeId}/approve`

export const familyHref = (id: string, notice?: string) => `#/families/${id}${notice ? `?notice=${encodeURIComponent(notice)}` : ''}`

export const requestHref = (id: string, notice?: string) => `#/requests/${id}${notice ? `?notice=${encodeURIComponent(notice)}` : ''}`

/** The request form for a family (the family chosen), or the first step, choosing one. */
export const logRequestHref = (familyId?: string, notice?: string) => {
  const params = new URLSearchParams()
  if (familyId) params.set('family', familyId)
  if (notice) params.set('notice', notice)
  const query = params.toString()
  return `#/requests/new${query ? `?${query}` : ''}`
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const onChange = () => setHash(window.location.hash)
    window.addEventListener('hashchange', onChange)
    // The address may have changed between the first render and now, with no one listening.
    onChange()
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return useMemo(() => parseRoute(hash), [hash])
}
