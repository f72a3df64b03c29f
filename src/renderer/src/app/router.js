// Hash routes: the page is a file in Electron, so the address after # is the app's own state.
import { useEffect, useState } from 'react';
export function parseRoute(hash) {
    const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
    const parts = path.split('/').filter(Boolean);
    const params = new URLSearchParams(query);
    if (parts.length === 0)
        return { name: 'search' };
    if (parts[0] === 'register' && parts.length === 1)
        return { name: 'register' };
    if (parts[0] === 'audit' && parts.length === 1)
        return { name: 'audit', familyReference: params.get('family') ?? undefined, personId: params.get('person') ?? undefined };
    if (parts[0] === 'users' && parts.length === 1)
        return { name: 'users', notice: params.get('notice') ?? undefined };
    if (parts[0] === 'users' && parts[1] && parts[2] === 'reset')
        return { name: 'resetPassword', userId: parts[1] };
    if (parts[0] === 'account' && parts[1] === 'password')
        return { name: 'changePassword' };
    if (parts[0] === 'settings' && parts.length === 1)
        return { name: 'hubSettings' };
    if (parts[0] === 'caseload' && parts.length === 1)
        return { name: 'caseload', scope: 'mine' };
    if (parts[0] === 'episodes' && parts.length === 1)
        return { name: 'caseload', scope: 'all' };
    if (parts[0] === 'families' && parts[1]) {
        const id = parts[1];
        if (parts.length === 2)
            return { name: 'family', id, notice: params.get('notice') ?? undefined };
        if (parts[2] === 'edit')
            return { name: 'editFamily', id };
        if (parts[2] === 'consent')
            return { name: 'recordConsent', id };
        if (parts[2] === 'access')
            return { name: 'familyAccess', id };
        if (parts[2] === 'early-help' && parts[3] === 'open')
            return { name: 'openEpisode', id };
        if (parts[2] === 'early-help' && parts[3] === 'close')
            return { name: 'closeEpisode', id };
        if (parts[2] === 'notes' && parts[3] === 'new')
            return { name: 'addNote', id };
        if (parts[2] === 'chronology')
            return { name: 'chronology', id, notice: params.get('notice') ?? undefined };
        if (parts[2] === 'add' && (parts[3] === 'adult' || parts[3] === 'child' || parts[3] === 'unborn'))
            return { name: 'addMember', id, kind: parts[3] };
        if (parts[2] === 'people' && parts[3] && parts[4] === 'edit')
            return { name: 'editPerson', id, personId: parts[3] };
        if (parts[2] === 'people' && parts[3] && parts[4] === 'move')
            return { name: 'movePerson', id, personId: parts[3] };
    }
    return { name: 'notFound' };
}
export function navigate(hash) {
    window.location.hash = hash;
}
export const familyHref = (id, notice) => `#/families/${id}${notice ? `?notice=${encodeURIComponent(notice)}` : ''}`;
export function useRoute() {
    const [route, setRoute] = useState(() => parseRoute(window.location.hash));
    useEffect(() => {
        const onChange = () => setRoute(parseRoute(window.location.hash));
        window.addEventListener('hashchange', onChange);
        return () => window.removeEventListener('hashchange', onChange);
    }, []);
    return route;
}
