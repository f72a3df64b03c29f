import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { unlockInput } from '../../../shared/accounts/schemas';
import { invoke } from '../api';
import { contractResolver, listErrors } from '../components/formErrors';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { applyServerErrors } from '../families/applyServerErrors';
import { useAuth } from './useAuth';
const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'];
/** Locks the session after the hub's idle time; the page underneath keeps everything typed. */
export function useIdleLock(minutes, active) {
    const { setLocked } = useAuth();
    useEffect(() => {
        if (!active)
            return;
        let timer;
        const restart = () => {
            clearTimeout(timer);
            timer = setTimeout(async () => {
                const result = await invoke('auth.lock', {});
                if (result.ok)
                    setLocked(true);
            }, minutes * 60_000);
        };
        restart();
        for (const event of ACTIVITY)
            window.addEventListener(event, restart, { passive: true });
        return () => {
            clearTimeout(timer);
            for (const event of ACTIVITY)
                window.removeEventListener(event, restart);
        };
    }, [minutes, active, setLocked]);
}
export function LockScreen({ displayName, username }) {
    const { signedIn, refresh } = useAuth();
    const [attempt, setAttempt] = useState(0);
    const form = useForm({
        resolver: contractResolver(unlockInput, (v) => v),
        shouldFocusError: false,
        defaultValues: { password: '' }
    });
    const heading = useRef(null);
    useEffect(() => heading.current?.focus(), []);
    const onValid = async (input) => {
        const result = await invoke('auth.unlock', input);
        if (result.ok)
            return signedIn(result.value);
        form.reset({ password: '' });
        if (!applyServerErrors(form, result.error))
            await refresh();
        setAttempt((a) => a + 1);
    };
    return (_jsx("div", { className: "app-lock", role: "dialog", "aria-modal": "true", "aria-labelledby": "lock-title", children: _jsxs("div", { className: "app-lock__panel", children: [_jsx("h1", { className: "govuk-heading-l", id: "lock-title", tabIndex: -1, ref: heading, children: "Casebook is locked" }), _jsxs("p", { className: "govuk-body", children: ["The screen was locked after a while without use. Everything on it is as ", displayName, " left it. Signed in as ", username, "."] }), _jsx(ErrorSummary, { items: listErrors(form.formState.errors), focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, () => setAttempt((a) => a + 1)), children: [_jsx(TextField, { form: form, name: "password", label: "Password", type: "password", autoComplete: "current-password", width: 20 }), _jsx("button", { type: "submit", className: "govuk-button", children: "Unlock" })] })] }) }));
}
