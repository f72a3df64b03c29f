import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useCallback, useEffect, useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditListInput } from '../../../shared/audit/schemas';
import { datePartsToValue, EMPTY_DATE_PARTS, formatDate } from '../../../shared/dates';
import { invoke } from '../api';
import { familyHref } from '../app/router';
import { ErrorSummary, ProblemBanner, SuccessBanner } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { DateField, SelectField, TextField } from '../components/fields';
import { useContractForm } from '../accounts/useContractForm';
const ACTIONS = AUDIT_ACTIONS.map((code) => ({ code, label: AUDIT_ACTION_LABELS[code] }));
function describeChanges(entry) {
    if (!entry.changes)
        return '';
    return Object.entries(entry.changes)
        // A new record lists only what was filled in.
        .filter(([, value]) => value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
        .map(([field, value]) => {
        if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
            const v = value;
            return `${field}: ${JSON.stringify(v.from)} → ${JSON.stringify(v.to)}`;
        }
        return `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
    })
        .join('; ');
}
const when = (iso) => `${formatDate(iso.slice(0, 10))} ${new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
/** Managers: who looked at or changed what, and whether the trail is intact. */
export function AuditPage({ familyReference, personId }) {
    const initial = { familyReference: familyReference ?? '', actor: '', action: '', from: { ...EMPTY_DATE_PARTS }, to: { ...EMPTY_DATE_PARTS } };
    const toInput = (v) => ({ ...v, personId: personId ?? null, from: datePartsToValue(v.from) ?? null, to: datePartsToValue(v.to) ?? null });
    const { form, attempt, problem, errors, failed, refused } = useContractForm(auditListInput, initial, toInput);
    const [filter, setFilter] = useState(null);
    const [entries, setEntries] = useState([]);
    const [more, setMore] = useState(false);
    const [verification, setVerification] = useState(null);
    const load = useCallback(async (next, append) => {
        const result = await invoke('audit.list', next);
        if (!result.ok)
            return refused(result.error);
        setFilter(next);
        setEntries((current) => (append ? [...current, ...result.value.entries] : result.value.entries));
        setMore(result.value.more);
    }, [refused]);
    useEffect(() => {
        void form.handleSubmit((f) => load(f, false))();
        // Once, with the filters the page was opened with.
    }, []); // eslint-disable-line react-hooks/exhaustive-deps
    const verify = async () => {
        const result = await invoke('audit.verify', {});
        if (result.ok)
            setVerification(result.value);
        else
            refused(result.error);
    };
    return (_jsxs(Page, { title: "Audit trail", children: [verification?.intact ? _jsx(SuccessBanner, { title: `The audit trail is intact: ${verification.entries} entries checked.` }) : null, verification && !verification.intact ? _jsx(ProblemBanner, { title: "The audit trail has been tampered with", message: verification.problem?.message ?? '' }) : null, _jsx("button", { type: "button", className: "govuk-button govuk-button--secondary", onClick: verify, children: "Verify audit trail" }), problem ? _jsx(ProblemBanner, { title: "The audit trail cannot be shown", message: problem.message }) : null, _jsx(ErrorSummary, { items: errors, focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit((f) => load(f, false), failed), children: [_jsxs("fieldset", { className: "govuk-fieldset", children: [_jsx("legend", { className: "govuk-fieldset__legend govuk-fieldset__legend--m", children: _jsx("h2", { className: "govuk-fieldset__heading", children: "Filter" }) }), personId ? _jsxs("p", { className: "govuk-inset-text", children: ["Showing one person's entries. ", _jsx("a", { className: "govuk-link", href: "#/audit", children: "Show everyone's" })] }) : null, _jsx(TextField, { form: form, name: "familyReference", label: "Family reference", width: 10 }), _jsx(TextField, { form: form, name: "actor", label: "User", hint: "Their username", width: 20, spellCheck: false }), _jsx(SelectField, { form: form, name: "action", label: "Action", items: ACTIONS, placeholder: "Any action" }), _jsx(DateField, { form: form, name: "from", label: "From", hint: "For example, 1 11 2026" }), _jsx(DateField, { form: form, name: "to", label: "To", hint: "For example, 30 11 2026" })] }), _jsx("button", { type: "submit", className: "govuk-button", children: "Apply filters" })] }), _jsxs("table", { className: "govuk-table", children: [_jsx("caption", { className: "govuk-table__caption govuk-table__caption--m", children: entries.length === 0 ? 'No entries' : 'Entries, newest first' }), _jsx("thead", { className: "govuk-table__head", children: _jsxs("tr", { className: "govuk-table__row", children: [_jsx("th", { scope: "col", className: "govuk-table__header", children: "When" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Who" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "What" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Record" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Details" })] }) }), _jsx("tbody", { className: "govuk-table__body", children: entries.map((e) => (_jsxs("tr", { className: "govuk-table__row", children: [_jsx("td", { className: "govuk-table__cell app-nowrap", children: when(e.at) }), _jsx("td", { className: "govuk-table__cell", children: e.actor }), _jsx("td", { className: "govuk-table__cell", children: AUDIT_ACTION_LABELS[e.action] ?? e.action }), _jsxs("td", { className: "govuk-table__cell", children: [e.recordType, e.familyId && e.familyReference ? _jsxs(_Fragment, { children: [" in ", _jsx("a", { className: "govuk-link app-nowrap", href: familyHref(e.familyId), children: e.familyReference })] }) : null, e.recordType === 'channel' ? ` ${e.recordId}` : ''] }), _jsx("td", { className: "govuk-table__cell govuk-body-s", children: describeChanges(e) })] }, e.seq))) })] }), more && filter ? (_jsx("button", { type: "button", className: "govuk-button govuk-button--secondary", onClick: () => load({ ...filter, beforeSeq: entries.at(-1)?.seq ?? null }, true), children: "Show older entries" })) : null] }));
}
