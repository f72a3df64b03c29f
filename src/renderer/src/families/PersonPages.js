import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { memberSchema, movePersonInput } from '../../../shared/families/schemas';
import { MEMBER_KIND } from '../../../shared/codes';
import { invoke } from '../api';
import { familyHref, navigate } from '../app/router';
import { contractResolver, listErrors } from '../components/formErrors';
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { TextField } from '../components/fields';
import { FamilyHeader } from './FamilyHeader';
import { MemberFields } from './MemberFields';
import { DuplicateWarning } from './DuplicateWarning';
import { ConflictBanner } from './ConflictBanner';
import { FamilyNotFound } from './FamilyNotFound';
import { useFamily } from './useFamily';
import { applyServerErrors } from './applyServerErrors';
import { unconfirmedDuplicates } from './duplicates';
import { emptyMember, memberToInput, personToForm } from './formValues';
import { personName } from './format';
const stripMember = (p) => p.replace(/^member\./, '');
/** The warning for the person on the form; confirming adds the matches to notDuplicateOf. */
function MemberDuplicateWarning({ form, kind, matches, onDone }) {
    return (_jsx(DuplicateWarning, { who: personName({ givenName: form.getValues('givenName') || null, familyName: form.getValues('familyName'), kind }), matches: matches, focus: true, onDifferent: () => {
            form.setValue('notDuplicateOf', [...form.getValues('notDuplicateOf'), ...matches.map((m) => m.personId)]);
            onDone();
        } }));
}
export function AddMemberPage({ id, kind }) {
    const { view, error } = useFamily(id);
    const [duplicates, setDuplicates] = useState(null);
    const [problem, setProblem] = useState(null);
    const [attempt, setAttempt] = useState(0);
    const form = useForm({ resolver: contractResolver(memberSchema, memberToInput), shouldFocusError: false, defaultValues: emptyMember(kind) });
    useEffect(() => {
        if (view && !form.getValues('familyName'))
            form.setValue('familyName', view.members[0]?.familyName ?? '');
    }, [view, form]);
    if (error)
        return _jsx(FamilyNotFound, { error: error });
    if (!view)
        return _jsx(Loading, {});
    const onValid = async (member) => {
        setProblem(null);
        const notDuplicateOf = form.getValues('notDuplicateOf');
        const check = await unconfirmedDuplicates([{ member, notDuplicateOf }], view.family.postcode);
        if (!check.ok)
            return setProblem(check.error);
        if (check.found[0])
            return setDuplicates(check.found[0]);
        const result = await invoke('families.addMember', { familyId: id, member: memberToInput(form.getValues()), notDuplicateOf });
        if (result.ok)
            return navigate(familyHref(id, `${personName(member)} added to the family.`));
        if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error, stripMember))
            return setAttempt((a) => a + 1);
        setProblem(result.error);
    };
    const title = `Add ${kind === 'adult' ? 'an adult' : kind === 'child' ? 'a child' : 'an unborn baby'}`;
    return (_jsxs(_Fragment, { children: [_jsx(FamilyHeader, { family: view.family, members: view.members.length }), _jsxs(Page, { title: title, caption: `Family ${view.family.reference}`, children: [problem ? _jsx(ProblemBanner, { title: "They have not been added", message: problem.message }) : null, _jsx(ErrorSummary, { items: listErrors(form.formState.errors), focusKey: attempt }), duplicates ? (_jsx(MemberDuplicateWarning, { form: form, kind: kind, matches: duplicates, onDone: () => setDuplicates(null) })) : null, _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, () => setAttempt((a) => a + 1)), children: [_jsx(MemberFields, { form: form, prefix: "", kind: kind }), _jsxs("div", { className: "app-button-row", children: [_jsxs("button", { type: "submit", className: "govuk-button", children: ["Save ", MEMBER_KIND.label(kind).toLowerCase()] }), _jsx("a", { className: "govuk-link govuk-!-margin-top-2", href: familyHref(id), children: "Cancel" })] })] })] })] }));
}
export function EditPersonPage({ id, personId }) {
    const { view, error, reload } = useFamily(id);
    const [version, setVersion] = useState(null);
    const [duplicates, setDuplicates] = useState(null);
    const [problem, setProblem] = useState(null);
    const [attempt, setAttempt] = useState(0);
    const form = useForm({ resolver: contractResolver(memberSchema, memberToInput), shouldFocusError: false });
    const person = view?.members.find((m) => m.id === personId);
    useEffect(() => {
        if (person && version === null) {
            form.reset(personToForm(person));
            setVersion(person.version);
        }
    }, [person, version, form]);
    if (error)
        return _jsx(FamilyNotFound, { error: error });
    if (!view)
        return _jsx(Loading, {});
    if (!person)
        return _jsx(Page, { title: "Person not found", children: _jsx(ProblemBanner, { title: "This person is not in this family", message: "They may have moved to another family. Search for them by name." }) });
    if (version === null)
        return _jsx(Loading, {});
    const onValid = async (member) => {
        setProblem(null);
        const notDuplicateOf = form.getValues('notDuplicateOf');
        const check = await unconfirmedDuplicates([{ member, notDuplicateOf, personId }], view.family.postcode);
        if (!check.ok)
            return setProblem(check.error);
        if (check.found[0])
            return setDuplicates(check.found[0]);
        const result = await invoke('people.update', { id: personId, version, member: memberToInput(form.getValues()), notDuplicateOf });
        if (result.ok)
            return navigate(familyHref(id, `${personName(member)}'s details saved.`));
        if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error, stripMember))
            return setAttempt((a) => a + 1);
        setProblem(result.error);
    };
    const loadLatest = async () => {
        const latest = await reload();
        const fresh = latest.ok ? latest.value.members.find((m) => m.id === personId) : undefined;
        if (fresh) {
            form.reset(personToForm(fresh));
            setVersion(fresh.version);
            setProblem(null);
        }
    };
    return (_jsxs(_Fragment, { children: [_jsx(FamilyHeader, { family: view.family, members: view.members.length }), _jsxs(Page, { title: `Change ${personName(person)}'s details`, caption: `Family ${view.family.reference}`, children: [problem?.code === 'CONFLICT' ? _jsx(ConflictBanner, { message: problem.message, onLoadLatest: loadLatest }) : null, problem && problem.code !== 'CONFLICT' ? _jsx(ProblemBanner, { title: "The changes have not been saved", message: problem.message }) : null, _jsx(ErrorSummary, { items: listErrors(form.formState.errors), focusKey: attempt }), duplicates ? (_jsx(MemberDuplicateWarning, { form: form, kind: person.kind, matches: duplicates, onDone: () => setDuplicates(null) })) : null, _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, () => setAttempt((a) => a + 1)), children: [_jsx(MemberFields, { form: form, prefix: "", kind: person.kind }), _jsxs("div", { className: "app-button-row", children: [_jsx("button", { type: "submit", className: "govuk-button", children: "Save changes" }), _jsx("a", { className: "govuk-link govuk-!-margin-top-2", href: familyHref(id), children: "Cancel" })] })] })] })] }));
}
const moveForm = movePersonInput.pick({ toFamilyReference: true });
export function MovePersonPage({ id, personId }) {
    const { view, error } = useFamily(id);
    const [problem, setProblem] = useState(null);
    const [attempt, setAttempt] = useState(0);
    const form = useForm({ resolver: contractResolver(moveForm, (v) => v), shouldFocusError: false, defaultValues: { toFamilyReference: '' } });
    if (error)
        return _jsx(FamilyNotFound, { error: error });
    if (!view)
        return _jsx(Loading, {});
    const person = view.members.find((m) => m.id === personId);
    if (!person)
        return _jsx(Page, { title: "Person not found", children: _jsx(ProblemBanner, { title: "This person is not in this family", message: "They may already have moved." }) });
    const onValid = async ({ toFamilyReference }) => {
        setProblem(null);
        const result = await invoke('people.move', { id: personId, version: person.version, toFamilyReference });
        if (result.ok)
            return navigate(familyHref(result.value.familyId, `${personName(person)} has joined this family. Their records came with them.`));
        if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error))
            return setAttempt((a) => a + 1);
        setProblem(result.error);
    };
    return (_jsxs(_Fragment, { children: [_jsx(FamilyHeader, { family: view.family, members: view.members.length }), _jsxs(Page, { title: `Move ${personName(person)} to another family`, caption: `Family ${view.family.reference}`, children: [problem ? _jsx(ProblemBanner, { title: "They have not been moved", message: problem.message }) : null, _jsx(ErrorSummary, { items: listErrors(form.formState.errors), focusKey: attempt }), _jsx("p", { className: "govuk-body", children: "Their history moves with them: everything recorded about them stays on their record." }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, () => setAttempt((a) => a + 1)), children: [_jsx(TextField, { form: form, name: "toFamilyReference", label: "Reference of the family they are joining", hint: `For example, ${view.family.reference}. Search for the family first if you do not know it.`, width: 10 }), _jsxs("div", { className: "app-button-row", children: [_jsxs("button", { type: "submit", className: "govuk-button", children: ["Move ", personName(person)] }), _jsx("a", { className: "govuk-link govuk-!-margin-top-2", href: familyHref(id), children: "Cancel" })] })] })] })] }));
}
