// Hash routes: the page is a file in Electron, so the address after # is the app's own state.
import { useEffect, useMemo, useState } from 'react'

export type Route =
  | { name: 'search' }
  | { name: 'register' }
  | { name: 'family'; id: string; notice?: string }
  | { name: 'editFamily'; id: string }
  | { name: 'addMember'; id: string; kind: 'adult' | 'child' | 'unborn' }
  | { name: 'editPerson'; id: string; personId: string }
  | { name: 'movePerson'; id: string; personId: string }
  | { name: 'recordConsent'; id: string }
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
  | { name: 'chronology'; id: string; notice?: string }
  | { name: 'audit'; familyReference?: string; personId?: string }
  | { name: 'users'; notice?: string }
  | { name: 'resetPassword'; userId: string }
  | { name: 'editUser'; userId: string }
  | { name: 'changePassword' }
  | { name: 'hubSettings' }
  | { name: 'caseload'; scope: 'mine' | 'all' }
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
  if (parts[0] === 'families' && parts[1]) {
    const id = parts[1]
    if (parts.length === 2) return { name: 'family', id, notice: params.get('notice') ?? undefined }
    if (parts[2] === 'edit') return { name: 'editFamily', id }
    if (parts[2] === 'consent') return { name: 'recordConsent', id }
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
    }
    if (parts[2] === 'chronology') return { name: 'chronology', id, notice: params.get('notice') ?? undefined }
    if (parts[2] === 'add' && (parts[3] === 'adult' || parts[3] === 'child' || parts[3] === 'unborn')) return { name: 'addMember', id, kind: parts[3] }
    if (parts[2] === 'people' && parts[3] && parts[4] === 'edit') return { name: 'editPerson', id, personId: parts[3] }
    if (parts[2] === 'people' && parts[3] && parts[4] === 'move') return { name: 'movePerson', id, personId: parts[3] }
  }
  return { name: 'notFound' }
}

export function navigate(hash: string): void {
  window.location.hash = hash
}

export const episodeHref = (familyId: string, episodeId: string, notice?: string) =>
  `#/families/${familyId}/episodes/${episodeId}${notice ? `?notice=${encodeURIComponent(notice)}` : ''}`

export const familyHref = (id: string, notice?: string) => `#/families/${id}${notice ? `?notice=${encodeURIComponent(notice)}` : ''}`

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
