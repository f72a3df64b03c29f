import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useEffect, useState } from 'react';
import { roleMay } from '../../../shared/roles';
import { invoke } from '../api';
import { navigate, useRoute } from './router';
import { Loading, Page } from '../components/Page';
import { SearchPage } from '../search/SearchPage';
import { RegisterPage } from '../families/RegisterPage';
import { FamilyPage } from '../families/FamilyPage';
import { EditFamilyPage } from '../families/EditFamilyPage';
import { AddMemberPage, EditPersonPage, MovePersonPage } from '../families/PersonPages';
import { ConsentPage } from '../consent/ConsentPage';
import { AccessPage } from '../families/AccessPage';
import { OpenEpisodePage } from '../earlyHelp/OpenEpisodePage';
import { CloseEpisodePage } from '../earlyHelp/CloseEpisodePage';
import { NotePage } from '../earlyHelp/NotePage';
import { ChronologyPage } from '../earlyHelp/ChronologyPage';
import { CaseloadPage } from '../earlyHelp/CaseloadPage';
import { AuditPage } from '../audit/AuditPage';
import { ResetPasswordPage, UsersPage } from '../accounts/UsersPage';
import { ChangePasswordPage } from '../accounts/ChangePasswordPage';
import { HubSettingsPage } from '../hub/HubSettingsPage';
import { SetupPage } from '../accounts/SetupPage';
import { SignInPage } from '../accounts/SignInPage';
import { LockScreen, useIdleLock } from '../accounts/IdleLock';
import { AuthContext, useAuth, useAuthState } from '../accounts/useAuth';
/** What each screen needs; the core refuses the calls anyway, this only keeps the screens honest. */
const NEEDS = {
    search: 'people.search', register: 'families.write', family: 'families.read', editFamily: 'families.write', addMember: 'families.write',
    editPerson: 'families.write', movePerson: 'families.write', recordConsent: 'consent.write', audit: 'audit.read', users: 'users.manage',
    resetPassword: 'users.manage', hubSettings: 'hub.manage', familyAccess: 'families.restrict',
    openEpisode: 'earlyHelp.write', closeEpisode: 'earlyHelp.write', addNote: 'earlyHelp.write', chronology: 'earlyHelp.read', caseload: 'earlyHelp.read'
};
function Screen({ route, user }) {
    const needs = route.name === 'caseload' && route.scope === 'all' ? 'episodes.manage' : NEEDS[route.name];
    if (needs && !roleMay(user.role, needs)) {
        return (_jsx(Page, { title: "You cannot see this page", children: _jsx("p", { className: "govuk-body", children: "Your role does not include it. If you need it for your work, ask the hub manager." }) }));
    }
    switch (route.name) {
        case 'search': return _jsx(SearchPage, {});
        case 'register': return _jsx(RegisterPage, {});
        case 'family': return _jsx(FamilyPage, { id: route.id, notice: route.notice, canAudit: roleMay(user.role, 'audit.read'), canEarlyHelp: roleMay(user.role, 'earlyHelp.write'), canManageEpisodes: roleMay(user.role, 'episodes.manage') }, `${route.id}${route.notice ?? ''}`);
        case 'editFamily': return _jsx(EditFamilyPage, { id: route.id });
        case 'addMember': return _jsx(AddMemberPage, { id: route.id, kind: route.kind }, route.kind);
        case 'editPerson': return _jsx(EditPersonPage, { id: route.id, personId: route.personId }, route.personId);
        case 'movePerson': return _jsx(MovePersonPage, { id: route.id, personId: route.personId });
        case 'recordConsent': return _jsx(ConsentPage, { id: route.id });
        case 'familyAccess': return _jsx(AccessPage, { id: route.id });
        case 'openEpisode': return _jsx(OpenEpisodePage, { id: route.id });
        case 'closeEpisode': return _jsx(CloseEpisodePage, { id: route.id });
        case 'addNote': return _jsx(NotePage, { id: route.id });
        case 'chronology': return _jsx(ChronologyPage, { id: route.id, notice: route.notice }, route.notice ?? '');
        case 'audit': return _jsx(AuditPage, { familyReference: route.familyReference, personId: route.personId }, `${route.familyReference}${route.personId}`);
        case 'users': return _jsx(UsersPage, { notice: route.notice }, route.notice ?? '');
        case 'resetPassword': return _jsx(ResetPasswordPage, { userId: route.userId });
        case 'changePassword': return _jsx(ChangePasswordPage, { required: false });
        case 'hubSettings': return _jsx(HubSettingsPage, {});
        case 'caseload': return _jsx(CaseloadPage, { scope: route.scope }, route.scope);
        default: return _jsx(Page, { title: "Page not found", children: _jsx("p", { className: "govuk-body", children: _jsx("a", { className: "govuk-link", href: "#/", children: "Go to the start" }) }) });
    }
}
/** Ctrl+K (or / outside a text box) goes to the search box from anywhere. */
function useSearchShortcut(enabled) {
    useEffect(() => {
        if (!enabled)
            return;
        const onKey = (event) => {
            const typing = event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
            if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing)) {
                event.preventDefault();
                if (window.location.hash.replace(/^#\/?/, '') === '')
                    document.getElementById('search')?.focus();
                else
                    navigate('#/');
            }
        };
        window.addEventListener('keydown', onKey);
        return () => window.removeEventListener('keydown', onKey);
    }, [enabled]);
}
function Header({ hub, user }) {
    const { refresh } = useAuth();
    const route = useRoute();
    const link = (href, name, text) => (_jsx("li", { children: _jsx("a", { className: "govuk-link", href: href, "aria-current": route.name === name ? 'page' : undefined, children: text }) }));
    const signOut = async () => {
        await invoke('auth.signOut', {});
        window.location.hash = '#/';
        await refresh();
    };
    return (_jsx("header", { className: "app-header", role: "banner", children: _jsxs("div", { className: "govuk-width-container app-header__inner", children: [_jsx("p", { className: "app-header__name", children: "Casebook" }), user ? (_jsx("nav", { "aria-label": "Main", children: _jsxs("ul", { className: "app-nav", children: [roleMay(user.role, 'people.search') ? link('#/', 'search', 'Find a family') : null, roleMay(user.role, 'families.write') ? link('#/register', 'register', 'Register a family') : null, roleMay(user.role, 'earlyHelp.read') ? _jsx("li", { children: _jsx("a", { className: "govuk-link", href: "#/caseload", "aria-current": route.name === 'caseload' && route.scope === 'mine' ? 'page' : undefined, children: "My caseload" }) }) : null, roleMay(user.role, 'episodes.manage') ? _jsx("li", { children: _jsx("a", { className: "govuk-link", href: "#/episodes", "aria-current": route.name === 'caseload' && route.scope === 'all' ? 'page' : undefined, children: "All open episodes" }) }) : null, roleMay(user.role, 'audit.read') ? link('#/audit', 'audit', 'Audit trail') : null, roleMay(user.role, 'users.manage') ? link('#/users', 'users', 'Users') : null, roleMay(user.role, 'hub.manage') ? link('#/settings', 'hubSettings', 'Hub settings') : null] }) })) : null, _jsxs("div", { className: "app-header__hub", children: [hub ? hub.name : '', user ? (_jsxs(_Fragment, { children: [' · ', _jsx("a", { className: "govuk-link app-header__link", href: "#/account/password", children: user.displayName }), ' · ', _jsx("button", { type: "button", className: "app-header__button", onClick: signOut, children: "Sign out" })] })) : null] })] }) }));
}
function SignedInApp({ user, locked, idleLockMinutes }) {
    const route = useRoute();
    useIdleLock(idleLockMinutes, !locked);
    useSearchShortcut(!locked && roleMay(user.role, 'people.search'));
    // Administrators have no case work: their start page is Users.
    useEffect(() => {
        if (route.name === 'search' && !roleMay(user.role, 'people.search') && roleMay(user.role, 'users.manage'))
            navigate('#/users');
    }, [route.name, user.role]);
    if (user.mustChangePassword)
        return _jsx(ChangePasswordPage, { required: true });
    return _jsx(Screen, { route: route, user: user });
}
export function App() {
    const auth = useAuthState();
    const [hub, setHub] = useState(null);
    const status = auth.status;
    const user = status?.user ?? null;
    useEffect(() => {
        if (user)
            void invoke('hub.get', {}).then((r) => r.ok && setHub(r.value));
    }, [user]);
    let content;
    if (!status)
        content = _jsx(Loading, {});
    else if (status.needsSetup)
        content = _jsx(SetupPage, {});
    else if (!user)
        content = _jsx(SignInPage, { hubName: hub?.name ?? 'Casebook' });
    else
        content = _jsx(SignedInApp, { user: user, locked: status.locked, idleLockMinutes: status.idleLockMinutes });
    const locked = Boolean(status?.locked && user);
    return (_jsxs(AuthContext.Provider, { value: auth, children: [_jsxs("div", { inert: locked, "aria-hidden": locked || undefined, children: [_jsx("a", { href: "#main-content", className: "govuk-skip-link", onClick: (e) => { e.preventDefault(); document.getElementById('main-content')?.focus(); }, children: "Skip to main content" }), _jsx(Header, { hub: hub, user: user }), _jsx("div", { className: "govuk-width-container", children: _jsx("main", { className: "govuk-main-wrapper", id: "main-content", tabIndex: -1, children: content }) })] }), locked && user ? _jsx(LockScreen, { displayName: user.displayName, username: user.username }) : null] }));
}
