import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { changePasswordInput } from '../../../shared/accounts/schemas';
import { invoke } from '../api';
import { navigate } from '../app/router';
import { ErrorSummary, ProblemBanner, SuccessBanner } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TextField } from '../components/fields';
import { useAuth } from './useAuth';
import { useContractForm } from './useContractForm';
import { useState } from 'react';
const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };
/** Changing one's own password; required after an administrator has reset it. */
export function ChangePasswordPage({ required }) {
    const { signedIn } = useAuth();
    const [done, setDone] = useState(false);
    const { form, attempt, problem, errors, failed, refused } = useContractForm(changePasswordInput, EMPTY);
    const onValid = async (input) => {
        const result = await invoke('auth.changePassword', input);
        if (!result.ok)
            return refused(result.error);
        form.reset(EMPTY);
        setDone(true);
        signedIn(result.value);
        if (required)
            navigate('#/');
    };
    return (_jsxs(Page, { title: required ? 'Choose a new password' : 'Change your password', children: [required ? _jsx("p", { className: "govuk-body", children: "Your password was reset or set by an administrator. Choose your own before you continue." }) : null, done ? _jsx(SuccessBanner, { title: "Your password has been changed." }) : null, problem ? _jsx(ProblemBanner, { title: "Your password has not been changed", message: problem.message }) : null, _jsx(ErrorSummary, { items: errors, focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, failed), children: [_jsx(TextField, { form: form, name: "currentPassword", label: required ? 'Password you were given' : 'Current password', type: "password", width: 20, autoComplete: "current-password" }), _jsx(TextField, { form: form, name: "newPassword", label: "New password", type: "password", width: 20, autoComplete: "new-password", hint: "At least 12 characters. Three random words make a good one." }), _jsx(TextField, { form: form, name: "confirmPassword", label: "Confirm new password", type: "password", width: 20, autoComplete: "new-password" }), _jsx("button", { type: "submit", className: "govuk-button", children: "Change password" })] })] }));
}
