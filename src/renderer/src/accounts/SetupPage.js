import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { setupInput } from '../../../shared/accounts/schemas';
import { invoke } from '../api';
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TextField } from '../components/fields';
import { useAuth } from './useAuth';
import { useContractForm } from './useContractForm';
const EMPTY = { hubName: '', hubCode: '', localAuthorityCode: '', displayName: '', username: '', password: '', confirmPassword: '' };
/** The first start on an empty database: the hub, and its first administrator. */
export function SetupPage() {
    const { signedIn } = useAuth();
    const { form, attempt, problem, errors, failed, refused } = useContractForm(setupInput, EMPTY);
    const onValid = async (input) => {
        const result = await invoke('auth.setUp', { ...input, hubCode: input.hubCode });
        if (result.ok)
            signedIn(result.value);
        else
            refused(result.error);
    };
    return (_jsxs(Page, { title: "Set up Casebook", children: [_jsx("p", { className: "govuk-body", children: "This database is new. Enter the hub's details and create the first administrator account. The administrator then adds everyone else." }), problem ? _jsx(ProblemBanner, { title: "Casebook has not been set up", message: problem.message }) : null, _jsx(ErrorSummary, { items: errors, focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, failed), children: [_jsxs("fieldset", { className: "govuk-fieldset govuk-!-margin-bottom-6", children: [_jsx("legend", { className: "govuk-fieldset__legend govuk-fieldset__legend--m", children: _jsx("h2", { className: "govuk-fieldset__heading", children: "The hub" }) }), _jsx(TextField, { form: form, name: "hubName", label: "Hub name" }), _jsx(TextField, { form: form, name: "hubCode", label: "Hub code", hint: "2 to 5 letters. Every family reference starts with it, like RV-000012.", width: 5 }), _jsx(TextField, { form: form, name: "localAuthorityCode", label: "Local authority code", hint: "3 digits, from the DfE's list", width: 3, inputMode: "numeric" })] }), _jsxs("fieldset", { className: "govuk-fieldset", children: [_jsx("legend", { className: "govuk-fieldset__legend govuk-fieldset__legend--m", children: _jsx("h2", { className: "govuk-fieldset__heading", children: "The first administrator" }) }), _jsx(TextField, { form: form, name: "displayName", label: "Your name", width: 20 }), _jsx(TextField, { form: form, name: "username", label: "Username", width: 20, spellCheck: false, autoComplete: "username" }), _jsx(TextField, { form: form, name: "password", label: "Password", type: "password", width: 20, autoComplete: "new-password", hint: "At least 12 characters. Three random words make a good one." }), _jsx(TextField, { form: form, name: "confirmPassword", label: "Confirm password", type: "password", width: 20, autoComplete: "new-password" })] }), _jsx("button", { type: "submit", className: "govuk-button", children: "Set up Casebook" })] })] }));
}
