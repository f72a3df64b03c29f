import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useEffect, useState } from 'react';
import { openEpisodeInput } from '../../../shared/earlyHelp/schemas';
import { HEADLINE } from '../../../shared/codes';
import { datePartsToValue, isoToDateParts, todayIso } from '../../../shared/dates';
import { invoke } from '../api';
import { familyHref, navigate } from '../app/router';
import { useContractForm } from '../accounts/useContractForm';
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { CheckboxesField, DateField, SelectField, TextareaField } from '../components/fields';
import { FamilyHeader } from '../families/FamilyHeader';
import { FamilyNotFound } from '../families/FamilyNotFound';
import { useFamily } from '../families/useFamily';
export function OpenEpisodePage({ id }) {
    const { view, error } = useFamily(id);
    const [leads, setLeads] = useState(null);
    const toInput = (v) => ({ ...v, familyId: id, openedOn: datePartsToValue(v.openedOn), headlines: v.headlines || [] });
    const { form, attempt, problem, errors, failed, refused } = useContractForm(openEpisodeInput, { openedOn: isoToDateParts(todayIso()), leadUserId: '', reason: '', headlines: [] }, toInput);
    useEffect(() => {
        void invoke('episodes.leads', {}).then((r) => r.ok && setLeads(r.value.users.map((u) => ({ code: u.id, label: u.displayName }))));
    }, []);
    if (error)
        return _jsx(FamilyNotFound, { error: error });
    if (!view || !leads)
        return _jsx(Loading, {});
    const onValid = async (input) => {
        const result = await invoke('episodes.open', input);
        if (result.ok)
            navigate(familyHref(id, 'Early-help episode opened.'));
        else
            refused(result.error);
    };
    return (_jsxs(_Fragment, { children: [_jsx(FamilyHeader, { family: view.family, members: view.members.length }), _jsxs(Page, { title: "Open an early-help episode", caption: `Family ${view.family.reference}`, children: [problem ? _jsx(ProblemBanner, { title: "The episode has not been opened", message: problem.message }) : null, _jsx(ErrorSummary, { items: errors, focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, failed), children: [_jsx(DateField, { form: form, name: "openedOn", label: "Date opened" }), _jsx(SelectField, { form: form, name: "leadUserId", label: "Lead practitioner", items: leads }), _jsx(TextareaField, { form: form, name: "reason", label: "Why the family needs early help", hint: "In plain words the family would recognise.", rows: 5 }), _jsx(CheckboxesField, { form: form, name: "headlines", label: "What the family needs help with", hint: "Supporting Families headlines. Select all that apply.", items: HEADLINE.items }), _jsxs("div", { className: "app-button-row", children: [_jsx("button", { type: "submit", className: "govuk-button", children: "Open episode" }), _jsx("a", { className: "govuk-link govuk-!-margin-top-2", href: familyHref(id), children: "Cancel" })] })] })] })] }));
}
