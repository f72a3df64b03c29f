import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useMemo } from 'react';
import { addNoteInput } from '../../../shared/earlyHelp/schemas';
import { NOTE_TYPE } from '../../../shared/codes';
import { datePartsToValue, isoToDateParts, todayIso } from '../../../shared/dates';
import { invoke } from '../api';
import { familyHref, navigate } from '../app/router';
import { useContractForm } from '../accounts/useContractForm';
import { useDraft } from '../drafts/useDraft';
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { CheckboxField, CheckboxesField, DateField, RadiosField, TextareaField, TextField } from '../components/fields';
import { FamilyHeader } from '../families/FamilyHeader';
import { FamilyNotFound } from '../families/FamilyNotFound';
import { useFamily } from '../families/useFamily';
import { personName } from '../families/format';
const nowTime = () => new Date().toTimeString().slice(0, 5);
const timeOf = (iso) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
/** A case note, saved as a draft while it is typed so that nothing is lost. */
export function NotePage({ id }) {
    const { view, error } = useFamily(id);
    const key = `case-note:${id}`;
    const blank = useMemo(() => ({ occurredOn: isoToDateParts(todayIso()), occurredAt: nowTime(), type: '', peopleIds: [], text: '', significant: false }), []);
    const toInput = (v) => ({ ...v, familyId: id, occurredOn: datePartsToValue(v.occurredOn), peopleIds: v.peopleIds || [], draftKey: key });
    const { form, attempt, problem, errors, failed, refused } = useContractForm(addNoteInput, blank, toInput);
    const draft = useDraft(key, form, blank);
    if (error)
        return _jsx(FamilyNotFound, { error: error });
    if (!view)
        return _jsx(Loading, {});
    const onValid = async (input) => {
        const result = await invoke('notes.add', input);
        if (result.ok)
            navigate(`#/families/${id}/chronology?notice=${encodeURIComponent('Case note saved.')}`);
        else
            refused(result.error);
    };
    return (_jsxs(_Fragment, { children: [_jsx(FamilyHeader, { family: view.family, members: view.members.length }), _jsxs(Page, { title: "Add a case note", caption: `Family ${view.family.reference}`, children: [draft.restoredFrom ? (_jsxs("div", { className: "govuk-inset-text", children: [_jsxs("p", { className: "govuk-body", children: ["Your unsaved note from ", timeOf(draft.restoredFrom), " has been brought back."] }), _jsx("button", { type: "button", className: "govuk-button govuk-button--secondary govuk-!-margin-bottom-0", onClick: () => void draft.discard(), children: "Discard it and start again" })] })) : null, problem ? _jsx(ProblemBanner, { title: "The note has not been saved", message: `${problem.message} Your note is still here and kept as a draft.` }) : null, _jsx(ErrorSummary, { items: errors, focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, failed), children: [_jsx(DateField, { form: form, name: "occurredOn", label: "Date of the contact" }), _jsx(TextField, { form: form, name: "occurredAt", label: "Time", hint: "Like 14:30", width: 5 }), _jsx(RadiosField, { form: form, name: "type", label: "Kind of contact", items: NOTE_TYPE.items }), _jsx(CheckboxesField, { form: form, name: "peopleIds", label: "People involved", hint: "Optional", items: view.members.map((m) => ({ code: m.id, label: personName(m) })) }), _jsx(TextareaField, { form: form, name: "text", label: "Note", rows: 10 }), _jsx(CheckboxField, { form: form, name: "significant", label: "Significant event", hint: "It belongs on the short chronology: a change in risk, a crisis, a key decision." }), _jsx("p", { className: "govuk-body-s", role: "status", "aria-live": "polite", children: draft.savedAt ? `Draft saved at ${timeOf(draft.savedAt)}` : '' }), _jsxs("div", { className: "app-button-row", children: [_jsx("button", { type: "submit", className: "govuk-button", children: "Save note" }), _jsx("a", { className: "govuk-link govuk-!-margin-top-2", href: familyHref(id), children: "Back to the family (the draft is kept)" })] })] })] })] }));
}
