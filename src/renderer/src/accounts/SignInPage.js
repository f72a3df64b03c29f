import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { signInInput } from '../../../shared/accounts/schemas';
import { invoke } from '../api';
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TextField } from '../components/fields';
import { useAuth } from './useAuth';
import { useContractForm } from './useContractForm';
export function SignInPage({ hubName }) {
    const { signedIn } = useAuth();
    const { form, attempt, problem, errors, failed, refused } = useContractForm(signInInput, { username: '', password: '' });
    const onValid = async (input) => {
        const result = await invoke('auth.signIn', input);
        if (result.ok)
            return signedIn(result.value);
        form.setValue('password', '');
        refused(result.error);
    };
    return (_jsxs(Page, { title: "Sign in", caption: hubName, children: [problem ? _jsx(ProblemBanner, { title: "You have not been signed in", message: problem.message }) : null, _jsx(ErrorSummary, { items: errors, focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, failed), children: [_jsx(TextField, { form: form, name: "username", label: "Username", width: 20, spellCheck: false, autoComplete: "username", autoFocus: true }), _jsx(TextField, { form: form, name: "password", label: "Password", type: "password", width: 20, autoComplete: "current-password" }), _jsx("button", { type: "submit", className: "govuk-button", children: "Sign in" })] }), _jsx("p", { className: "govuk-body", children: "Forgotten your password? Ask your hub's administrator to reset it." })] }));
}
