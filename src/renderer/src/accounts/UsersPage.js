import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { useCallback, useEffect, useState } from 'react';
import { createUserInput, resetPasswordInput } from '../../../shared/accounts/schemas';
import { ROLES } from '../../../shared/roles';
import { formatDate } from '../../../shared/dates';
import { invoke } from '../api';
import { navigate } from '../app/router';
import { ErrorSummary, ProblemBanner, SuccessBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { SelectField, TextField } from '../components/fields';
import { useContractForm } from './useContractForm';
const roleLabel = (code) => ROLES.find((r) => r.code === code)?.label ?? code;
const NEW_USER = { displayName: '', username: '', role: '', temporaryPassword: '' };
function useUsers() {
    const [users, setUsers] = useState(null);
    const [error, setError] = useState(null);
    const reload = useCallback(async () => {
        const result = await invoke('users.list', {});
        if (result.ok)
            setUsers(result.value.users);
        else
            setError(result.error);
    }, []);
    useEffect(() => void reload(), [reload]);
    return { users, error, reload };
}
/** Administrators: who can use Casebook, in which role. */
export function UsersPage({ notice }) {
    const { users, error, reload } = useUsers();
    const [problem, setProblem] = useState(null);
    const [done, setDone] = useState(notice ?? null);
    const { form, attempt, problem: createProblem, errors, failed, refused } = useContractForm(createUserInput, NEW_USER);
    if (error)
        return _jsx(Page, { title: "Users", children: _jsx(ProblemBanner, { title: "Users cannot be shown", message: error.message }) });
    if (!users)
        return _jsx(Loading, {});
    const setDisabled = async (user, disabled) => {
        setProblem(null);
        const result = await invoke('users.setDisabled', { id: user.id, version: user.version, disabled });
        if (!result.ok)
            return setProblem(result.error);
        setDone(`${user.displayName} ${disabled ? 'can no longer sign in' : 'can sign in again'}.`);
        await reload();
    };
    const onCreate = async (input) => {
        const result = await invoke('users.create', input);
        if (!result.ok)
            return refused(result.error);
        form.reset(NEW_USER);
        setDone(`${input.displayName} has been added. Give them their username (${input.username}) and temporary password; they choose their own when they first sign in.`);
        await reload();
    };
    return (_jsxs(Page, { title: "Users", focusHeading: !done, children: [done ? _jsx(SuccessBanner, { title: done }) : null, problem ? _jsx(ProblemBanner, { title: "That has not been done", message: problem.message }) : null, _jsxs("table", { className: "govuk-table", children: [_jsx("caption", { className: "govuk-visually-hidden", children: "Users" }), _jsx("thead", { className: "govuk-table__head", children: _jsxs("tr", { className: "govuk-table__row", children: [_jsx("th", { scope: "col", className: "govuk-table__header", children: "Name" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Username" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Role" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Status" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Last signed in" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: _jsx("span", { className: "govuk-visually-hidden", children: "Actions" }) })] }) }), _jsx("tbody", { className: "govuk-table__body", children: users.map((u) => (_jsxs("tr", { className: "govuk-table__row", children: [_jsx("th", { scope: "row", className: "govuk-table__header", children: u.displayName }), _jsx("td", { className: "govuk-table__cell", children: u.username }), _jsx("td", { className: "govuk-table__cell", children: roleLabel(u.role) }), _jsx("td", { className: "govuk-table__cell", children: u.disabled ? _jsx("strong", { className: "govuk-tag govuk-tag--grey", children: "Disabled" }) : u.mustChangePassword ? _jsx("strong", { className: "govuk-tag govuk-tag--yellow", children: "New password needed" }) : _jsx("strong", { className: "govuk-tag govuk-tag--green", children: "Active" }) }), _jsx("td", { className: "govuk-table__cell", children: u.lastSignInAt ? formatDate(u.lastSignInAt) : 'Never' }), _jsx("td", { className: "govuk-table__cell", children: _jsxs("div", { className: "app-button-row", children: [_jsxs("button", { type: "button", className: "govuk-button govuk-button--secondary govuk-!-margin-bottom-0", onClick: () => setDisabled(u, !u.disabled), children: [u.disabled ? 'Enable' : 'Disable', _jsxs("span", { className: "govuk-visually-hidden", children: [" ", u.displayName] })] }), _jsxs("button", { type: "button", className: "govuk-button govuk-button--secondary govuk-!-margin-bottom-0", onClick: () => navigate(`#/users/${u.id}/reset`), children: ["Reset password", _jsxs("span", { className: "govuk-visually-hidden", children: [" for ", u.displayName] })] })] }) })] }, u.id))) })] }), _jsx("h2", { className: "govuk-heading-m", children: "Add a user" }), createProblem ? _jsx(ProblemBanner, { title: "The user has not been added", message: createProblem.message }) : null, _jsx(ErrorSummary, { items: errors, focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onCreate, failed), children: [_jsx(TextField, { form: form, name: "displayName", label: "Name", width: 20 }), _jsx(TextField, { form: form, name: "username", label: "Username", width: 20, spellCheck: false }), _jsx(SelectField, { form: form, name: "role", label: "Role", items: ROLES }), _jsx(TextField, { form: form, name: "temporaryPassword", label: "Temporary password", type: "password", width: 20, autoComplete: "new-password", hint: "At least 12 characters. They must change it when they first sign in." }), _jsx("button", { type: "submit", className: "govuk-button", children: "Add user" })] })] }));
}
const resetForm = resetPasswordInput.pick({ temporaryPassword: true });
export function ResetPasswordPage({ userId }) {
    const { users, error } = useUsers();
    const { form, attempt, problem, errors, failed, refused } = useContractForm(resetForm, { temporaryPassword: '' });
    if (error)
        return _jsx(Page, { title: "Reset password", children: _jsx(ProblemBanner, { title: "Users cannot be shown", message: error.message }) });
    if (!users)
        return _jsx(Loading, {});
    const user = users.find((u) => u.id === userId);
    if (!user)
        return _jsx(Page, { title: "User not found", children: _jsx("p", { className: "govuk-body", children: _jsx("a", { className: "govuk-link", href: "#/users", children: "Back to users" }) }) });
    const onValid = async ({ temporaryPassword }) => {
        const result = await invoke('users.resetPassword', { id: user.id, version: user.version, temporaryPassword });
        if (!result.ok)
            return refused(result.error);
        navigate(`#/users?notice=${encodeURIComponent(`${user.displayName}'s password has been reset. They must choose a new one when they next sign in.`)}`);
    };
    return (_jsxs(Page, { title: `Reset ${user.displayName}'s password`, children: [problem ? _jsx(ProblemBanner, { title: "The password has not been reset", message: problem.message }) : null, _jsx(ErrorSummary, { items: errors, focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, failed), children: [_jsx(TextField, { form: form, name: "temporaryPassword", label: "Temporary password", type: "password", width: 20, autoComplete: "new-password", hint: "At least 12 characters. Give it to them in person or by phone." }), _jsxs("div", { className: "app-button-row", children: [_jsx("button", { type: "submit", className: "govuk-button", children: "Reset password" }), _jsx("a", { className: "govuk-link govuk-!-margin-top-2", href: "#/users", children: "Cancel" })] })] })] }));
}
