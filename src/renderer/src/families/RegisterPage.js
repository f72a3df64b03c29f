import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { registerFamilyInput } from '../../../shared/families/schemas';
import { MEMBER_KIND } from '../../../shared/codes';
import { invoke } from '../api';
import { familyHref, navigate } from '../app/router';
import { contractResolver, listErrors } from '../components/formErrors';
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { FamilyDetailsFields } from './FamilyDetailsFields';
import { MemberFields } from './MemberFields';
import { DuplicateWarning } from './DuplicateWarning';
import { emptyFamily, emptyMember, familyToInput, memberFormPath, memberToInput } from './formValues';
import { unconfirmedDuplicates } from './duplicates';
import { applyServerErrors } from './applyServerErrors';
import { personName } from './format';
const toInput = (v) => ({
    family: familyToInput(v.family),
    members: v.members.map((m) => ({ member: memberToInput(m), notDuplicateOf: m.notDuplicateOf }))
});
// The registration in progress, kept while the user looks at another record (for example a
// possible duplicate) and restored when they come back. Cleared once the family is saved.
let draft = null;
export function RegisterPage() {
    const form = useForm({
        resolver: contractResolver(registerFamilyInput, toInput, memberFormPath),
        defaultValues: draft ?? { family: emptyFamily(), members: [] },
        shouldFocusError: false
    });
    const members = useFieldArray({ control: form.control, name: 'members' });
    const [duplicates, setDuplicates] = useState({});
    const [problem, setProblem] = useState(null);
    const [attempt, setAttempt] = useState(0);
    const [saving, setSaving] = useState(false);
    useEffect(() => {
        const subscription = form.watch((values) => { draft = values; });
        return () => subscription.unsubscribe();
    }, [form]);
    const add = (kind) => {
        const familyName = form.getValues('members.0.familyName') ?? '';
        members.append(emptyMember(kind, familyName));
    };
    const onValid = async (data) => {
        setProblem(null);
        setSaving(true);
        try {
            const check = await unconfirmedDuplicates(data.members, data.family.postcode);
            if (!check.ok)
                return setProblem(check.error);
            setDuplicates(check.found);
            if (Object.keys(check.found).length > 0)
                return;
            const result = await invoke('families.register', toInput(form.getValues()));
            if (result.ok) {
                draft = null;
                navigate(familyHref(result.value.id, `Family registered. Their reference is ${result.value.reference}.`));
            }
            else if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error, memberFormPath)) {
                setAttempt((a) => a + 1);
            }
            else {
                setProblem(result.error);
            }
        }
        finally {
            setSaving(false);
        }
    };
    const onInvalid = (_errors) => setAttempt((a) => a + 1);
    const errorItems = listErrors(form.formState.errors);
    const counts = {};
    return (_jsxs(Page, { title: "Register a family", children: [problem ? _jsx(ProblemBanner, { title: "The family has not been saved", message: problem.message }) : null, _jsx(ErrorSummary, { items: errorItems, focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, onInvalid), children: [_jsxs("fieldset", { className: "govuk-fieldset govuk-!-margin-bottom-6", children: [_jsx("legend", { className: "govuk-fieldset__legend govuk-fieldset__legend--m", children: _jsx("h2", { className: "govuk-fieldset__heading", children: "Household" }) }), _jsx(FamilyDetailsFields, { form: form, prefix: "family." })] }), _jsx("h2", { className: "govuk-heading-m", id: "members", tabIndex: -1, children: "Members" }), members.fields.length === 0 ? _jsx("p", { className: "govuk-body", children: "Add the adults, children and unborn babies in the household." }) : null, form.formState.errors.members?.root || form.formState.errors.members?.message ? (_jsx("p", { className: "govuk-error-message", id: "members-error", children: form.formState.errors.members?.message ?? form.formState.errors.members?.root?.message })) : null, members.fields.map((field, index) => {
                        const kind = field.kind;
                        counts[kind] = (counts[kind] ?? 0) + 1;
                        const legend = `${MEMBER_KIND.label(kind)} ${counts[kind]}`;
                        const matches = duplicates[index];
                        const current = form.getValues(`members.${index}`);
                        return (_jsxs("fieldset", { className: "govuk-fieldset app-member", children: [_jsx("legend", { className: "govuk-fieldset__legend govuk-fieldset__legend--m", children: _jsx("h3", { className: "govuk-fieldset__heading", children: legend }) }), matches ? (_jsx(DuplicateWarning, { who: personName({ givenName: current?.givenName || null, familyName: current?.familyName ?? '', kind }), matches: matches, focus: Number(Object.keys(duplicates)[0]) === index, onDifferent: () => {
                                        form.setValue(`members.${index}.notDuplicateOf`, [...(current?.notDuplicateOf ?? []), ...matches.map((m) => m.personId)]);
                                        setDuplicates(({ [index]: _done, ...rest }) => rest);
                                    } })) : null, current?.notDuplicateOf?.length ? (_jsxs("p", { className: "govuk-inset-text", children: ["You confirmed this is a different person from the ", current.notDuplicateOf.length === 1 ? 'record' : 'records', " shown."] })) : null, _jsx(MemberFields, { form: form, prefix: `members.${index}.`, kind: kind }), _jsxs("button", { type: "button", className: "govuk-button govuk-button--secondary", onClick: () => members.remove(index), children: ["Remove", _jsxs("span", { className: "govuk-visually-hidden", children: [" ", legend] })] })] }, field.id));
                    }), _jsxs("div", { className: "app-button-row", children: [_jsx("button", { type: "button", className: "govuk-button govuk-button--secondary", onClick: () => add('adult'), children: "Add an adult" }), _jsx("button", { type: "button", className: "govuk-button govuk-button--secondary", onClick: () => add('child'), children: "Add a child" }), _jsx("button", { type: "button", className: "govuk-button govuk-button--secondary", onClick: () => add('unborn'), children: "Add an unborn baby" })] }), _jsx("button", { type: "submit", className: "govuk-button", disabled: saving, "aria-disabled": saving, children: "Save family" })] })] }));
}
