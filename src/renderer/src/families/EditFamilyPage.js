import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { familyDetailsSchema } from '../../../shared/families/schemas';
import { invoke } from '../api';
import { familyHref, navigate } from '../app/router';
import { contractResolver, listErrors } from '../components/formErrors';
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { FamilyDetailsFields } from './FamilyDetailsFields';
import { FamilyHeader } from './FamilyHeader';
import { FamilyNotFound } from './FamilyNotFound';
import { useFamily } from './useFamily';
import { familyToForm, familyToInput } from './formValues';
import { applyServerErrors } from './applyServerErrors';
import { ConflictBanner } from './ConflictBanner';
export function EditFamilyPage({ id }) {
    const { view, error, reload } = useFamily(id);
    const [version, setVersion] = useState(null);
    const [problem, setProblem] = useState(null);
    const [attempt, setAttempt] = useState(0);
    const form = useForm({
        resolver: contractResolver(familyDetailsSchema, familyToInput),
        shouldFocusError: false
    });
    // The version the user started from is kept until they choose to load a newer one.
    useEffect(() => {
        if (view && version === null) {
            form.reset(familyToForm(view.family));
            setVersion(view.family.version);
        }
    }, [view, version, form]);
    if (error)
        return _jsx(FamilyNotFound, { error: error });
    if (!view || version === null)
        return _jsx(Loading, {});
    const onValid = async (family) => {
        setProblem(null);
        const result = await invoke('families.update', { id, version, family });
        if (result.ok)
            return navigate(familyHref(id, 'Household details saved.'));
        if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error, (p) => p.replace(/^family\./, '')))
            return setAttempt((a) => a + 1);
        setProblem(result.error);
    };
    const loadLatest = async () => {
        const latest = await reload();
        if (latest.ok) {
            form.reset(familyToForm(latest.value.family));
            setVersion(latest.value.family.version);
            setProblem(null);
        }
    };
    return (_jsxs(_Fragment, { children: [_jsx(FamilyHeader, { family: view.family, members: view.members.length }), _jsxs(Page, { title: "Change household details", caption: `Family ${view.family.reference}`, children: [problem?.code === 'CONFLICT' ? _jsx(ConflictBanner, { message: problem.message, onLoadLatest: loadLatest }) : null, problem && problem.code !== 'CONFLICT' ? _jsx(ProblemBanner, { title: "The changes have not been saved", message: problem.message }) : null, _jsx(ErrorSummary, { items: listErrors(form.formState.errors), focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, () => setAttempt((a) => a + 1)), children: [_jsx(FamilyDetailsFields, { form: form, prefix: "" }), _jsxs("div", { className: "app-button-row", children: [_jsx("button", { type: "submit", className: "govuk-button", children: "Save family" }), _jsx("a", { className: "govuk-link govuk-!-margin-top-2", href: familyHref(id), children: "Cancel" })] })] })] })] }));
}
