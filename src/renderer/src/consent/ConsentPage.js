import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { recordConsentInput } from '../../../shared/consent/schemas';
import { CONSENT_METHOD, CONSENT_SCOPE } from '../../../shared/codes';
import { datePartsToValue, isoToDateParts, todayIso } from '../../../shared/dates';
import { invoke } from '../api';
import { familyHref, navigate } from '../app/router';
import { contractResolver, listErrors } from '../components/formErrors';
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { DateField, RadiosField, SelectField, TextField } from '../components/fields';
import { FamilyHeader } from '../families/FamilyHeader';
import { FamilyNotFound } from '../families/FamilyNotFound';
import { useFamily } from '../families/useFamily';
import { applyServerErrors } from '../families/applyServerErrors';
import { personName } from '../families/format';
/** Consent is its own step: what was agreed, by whom, how and when. */
export function ConsentPage({ id }) {
    const { view, error } = useFamily(id);
    const [problem, setProblem] = useState(null);
    const [attempt, setAttempt] = useState(0);
    const toInput = (v) => ({ ...v, familyId: id, givenOn: datePartsToValue(v.givenOn) });
    const form = useForm({
        resolver: contractResolver(recordConsentInput, toInput),
        shouldFocusError: false,
        defaultValues: { givenById: '', scope: '', agency: '', method: '', givenOn: isoToDateParts(todayIso()) }
    });
    const scope = form.watch('scope');
    if (error)
        return _jsx(FamilyNotFound, { error: error });
    if (!view)
        return _jsx(Loading, {});
    const people = view.members.filter((m) => m.kind !== 'unborn').map((m) => ({ code: m.id, label: personName(m) }));
    const onValid = async (input) => {
        setProblem(null);
        const result = await invoke('consent.record', input);
        if (result.ok)
            return navigate(familyHref(id, 'Consent recorded.'));
        if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error))
            return setAttempt((a) => a + 1);
        setProblem(result.error);
    };
    return (_jsxs(_Fragment, { children: [_jsx(FamilyHeader, { family: view.family, members: view.members.length }), _jsxs(Page, { title: "Record consent", caption: `Family ${view.family.reference}`, children: [problem ? _jsx(ProblemBanner, { title: "Consent has not been recorded", message: problem.message }) : null, _jsx(ErrorSummary, { items: listErrors(form.formState.errors), focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, () => setAttempt((a) => a + 1)), children: [_jsx(SelectField, { form: form, name: "givenById", label: "Who gave consent", items: people }), _jsx(RadiosField, { form: form, name: "scope", label: "What was agreed", items: CONSENT_SCOPE.items }), scope === 'SHARING' ? _jsx(TextField, { form: form, name: "agency", label: "Agency information may be shared with", hint: "For example, Health visiting team" }) : null, _jsx(RadiosField, { form: form, name: "method", label: "How consent was given", items: CONSENT_METHOD.items, inline: true }), _jsx(DateField, { form: form, name: "givenOn", label: "Date consent was given" }), _jsxs("div", { className: "app-button-row", children: [_jsx("button", { type: "submit", className: "govuk-button", children: "Record consent" }), _jsx("a", { className: "govuk-link govuk-!-margin-top-2", href: familyHref(id), children: "Cancel" })] })] })] })] }));
}
