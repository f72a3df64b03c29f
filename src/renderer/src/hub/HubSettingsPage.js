import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { useEffect, useState } from 'react';
import { updateHubInput } from '../../../shared/hub/schemas';
import { invoke } from '../api';
import { useAuth } from '../accounts/useAuth';
import { useContractForm } from '../accounts/useContractForm';
import { ErrorSummary, ProblemBanner, SuccessBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { TextField } from '../components/fields';
/** Administrators: the hub's name, its authority, and how soon an unattended screen locks. */
export function HubSettingsPage() {
    const { refresh } = useAuth();
    const [code, setCode] = useState(null);
    const [saved, setSaved] = useState(false);
    const { form, attempt, problem, errors, failed, refused } = useContractForm(updateHubInput, { version: 0, name: '', localAuthorityCode: '', idleLockMinutes: '' });
    useEffect(() => {
        void invoke('hub.settings', {}).then((r) => {
            if (!r.ok)
                return refused(r.error);
            form.reset({ ...r.value, idleLockMinutes: String(r.value.idleLockMinutes) });
            setCode(r.value.code);
        });
    }, []); // eslint-disable-line react-hooks/exhaustive-deps
    if (code === null && !problem)
        return _jsx(Loading, {});
    const onValid = async (input) => {
        setSaved(false);
        const result = await invoke('hub.update', input);
        if (!result.ok)
            return refused(result.error);
        form.setValue('version', result.value.version);
        setSaved(true);
        await refresh();
    };
    return (_jsxs(Page, { title: "Hub settings", children: [saved ? _jsx(SuccessBanner, { title: "Hub settings saved." }) : null, problem ? _jsx(ProblemBanner, { title: "The settings have not been saved", message: problem.message }) : null, _jsx(ErrorSummary, { items: errors, focusKey: attempt }), _jsxs("p", { className: "govuk-body", children: ["Hub code: ", _jsx("strong", { children: code }), ". It starts every family reference, so it cannot be changed."] }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, failed), children: [_jsx(TextField, { form: form, name: "name", label: "Hub name" }), _jsx(TextField, { form: form, name: "localAuthorityCode", label: "Local authority code", width: 3, inputMode: "numeric" }), _jsx(TextField, { form: form, name: "idleLockMinutes", label: "Lock the screen after this many minutes without use", hint: "1 to 60. The usual is 10.", width: 3, inputMode: "numeric" }), _jsx("button", { type: "submit", className: "govuk-button", children: "Save settings" })] })] }));
}
