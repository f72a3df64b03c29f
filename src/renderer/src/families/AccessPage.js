import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useEffect, useState } from 'react';
import { ROLES } from '../../../shared/roles';
import { invoke } from '../api';
import { familyHref, navigate } from '../app/router';
import { ProblemBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { ToggleCheckbox } from '../components/fields';
import { FamilyHeader } from './FamilyHeader';
import { FamilyNotFound } from './FamilyNotFound';
import { useFamily } from './useFamily';
/** A manager: restrict a family to the people named (managers can always open it), or lift it. */
export function AccessPage({ id }) {
    const { view, error } = useFamily(id);
    const [users, setUsers] = useState(null);
    const [restricted, setRestricted] = useState(false);
    const [allowed, setAllowed] = useState([]);
    const [problem, setProblem] = useState(null);
    useEffect(() => {
        void invoke('users.directory', {}).then((r) => (r.ok ? setUsers(r.value.users.filter((u) => u.role !== 'manager' && u.role !== 'admin')) : setProblem(r.error)));
    }, []);
    useEffect(() => {
        if (view) {
            setRestricted(view.family.restricted);
            setAllowed(view.allowedUsers.map((u) => u.id));
        }
    }, [view]);
    if (error)
        return _jsx(FamilyNotFound, { error: error });
    if (!view || !users)
        return _jsx(Loading, {});
    const save = async () => {
        const result = await invoke('families.setRestriction', { id, version: view.family.version, restricted, allowedUserIds: restricted ? allowed : [] });
        if (result.ok)
            navigate(familyHref(id, restricted ? 'The record is now restricted.' : 'The record is no longer restricted.'));
        else
            setProblem(result.error);
    };
    const roleLabel = (code) => ROLES.find((r) => r.code === code)?.label ?? code;
    return (_jsxs(_Fragment, { children: [_jsx(FamilyHeader, { family: view.family, members: view.members.length }), _jsxs(Page, { title: "Who can open this record", caption: `Family ${view.family.reference}`, children: [problem ? _jsx(ProblemBanner, { title: "The change has not been saved", message: problem.message }) : null, _jsx("p", { className: "govuk-body", children: "Restrict a family's record when it should be seen by as few people as possible, for example a member of staff's own family. Everyone else can still find that it exists, by name and reference, so that nobody registers them again." }), _jsx("div", { className: "govuk-form-group", children: _jsx("div", { className: "govuk-checkboxes govuk-checkboxes--small", children: _jsx(ToggleCheckbox, { id: "restricted", label: "Restrict this record", checked: restricted, onChange: setRestricted }) }) }), restricted ? (_jsx("div", { className: "govuk-form-group", children: _jsxs("fieldset", { className: "govuk-fieldset", "aria-describedby": "allowed-hint", children: [_jsx("legend", { className: "govuk-fieldset__legend govuk-fieldset__legend--s", children: "Who else can open it" }), _jsx("div", { id: "allowed-hint", className: "govuk-hint", children: "Hub managers always can." }), _jsx("div", { className: "govuk-checkboxes govuk-checkboxes--small", children: users.map((u) => (_jsx(ToggleCheckbox, { id: `allowed-${u.id}`, label: `${u.displayName} (${roleLabel(u.role)})`, checked: allowed.includes(u.id), onChange: (on) => setAllowed((a) => (on ? [...a, u.id] : a.filter((x) => x !== u.id))) }, u.id))) })] }) })) : null, _jsxs("div", { className: "app-button-row", children: [_jsx("button", { type: "button", className: "govuk-button", onClick: save, children: "Save" }), _jsx("a", { className: "govuk-link govuk-!-margin-top-2", href: familyHref(id), children: "Cancel" })] })] })] }));
}
