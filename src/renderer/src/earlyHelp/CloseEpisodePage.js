import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { closeEpisodeInput } from '../../../shared/earlyHelp/schemas';
import { CLOSURE_REASON, HEADLINE, HEADLINE_OUTCOME } from '../../../shared/codes';
import { datePartsToValue, EMPTY_DATE_PARTS, isoToDateParts, todayIso } from '../../../shared/dates';
import { invoke } from '../api';
import { familyHref, navigate } from '../app/router';
import { useContractForm } from '../accounts/useContractForm';
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { DateField, RadiosField, TextareaField } from '../components/fields';
import { FamilyHeader } from '../families/FamilyHeader';
import { FamilyNotFound } from '../families/FamilyNotFound';
import { useFamily } from '../families/useFamily';
/** Closing the family's episode: why, what came of each headline, and what the family thinks. */
export function CloseEpisodePage({ id }) {
    const { view, error } = useFamily(id);
    const episode = view?.openEpisode;
    const toInput = (v) => ({ ...v, id: episode?.id, version: episode?.version, closedOn: datePartsToValue(v.closedOn), stepUpOn: datePartsToValue(v.stepUpOn) ?? null });
    const { form, attempt, problem, errors, failed, refused } = useContractForm(closeEpisodeInput, { closedOn: isoToDateParts(todayIso()), reason: '', note: '', stepUpOn: { ...EMPTY_DATE_PARTS }, outcomes: {}, familyView: '' }, toInput);
    const reason = form.watch('reason');
    if (error)
        return _jsx(FamilyNotFound, { error: error });
    if (!view)
        return _jsx(Loading, {});
    if (!episode || episode.status !== 'open')
        return _jsx(Page, { title: "No open episode", children: _jsx("p", { className: "govuk-body", children: _jsx("a", { className: "govuk-link", href: familyHref(id), children: "Back to the family" }) }) });
    const onValid = async (input) => {
        const result = await invoke('episodes.close', input);
        if (result.ok)
            navigate(familyHref(id, 'The episode’s closure has been recorded.'));
        else
            refused(result.error);
    };
    return (_jsxs(_Fragment, { children: [_jsx(FamilyHeader, { family: view.family, members: view.members.length }), _jsxs(Page, { title: "Close the early-help episode", caption: `Family ${view.family.reference}`, children: [problem ? _jsx(ProblemBanner, { title: "The episode has not been closed", message: problem.message }) : null, _jsx(ErrorSummary, { items: errors, focusKey: attempt }), _jsxs("form", { noValidate: true, onSubmit: form.handleSubmit(onValid, failed), children: [_jsx(DateField, { form: form, name: "closedOn", label: "Date closed" }), _jsx(RadiosField, { form: form, name: "reason", label: "Why the episode is closing", items: CLOSURE_REASON.items }), reason === 'STEPPED_UP' ? _jsx(DateField, { form: form, name: "stepUpOn", label: "Date of the step-up" }) : null, _jsx(TextareaField, { form: form, name: "note", label: reason === 'OTHER' ? 'Why it is closing' : 'Anything to add (optional)', rows: 3 }), episode.headlines.map((h) => (_jsx(RadiosField, { form: form, name: `outcomes.${h}`, label: `Outcome: ${HEADLINE.label(h)}`, items: HEADLINE_OUTCOME.items, inline: true }, h))), _jsx(TextareaField, { form: form, name: "familyView", label: "The family's view of the help they had", hint: "In their own words where you can.", rows: 4 }), _jsxs("div", { className: "app-button-row", children: [_jsx("button", { type: "submit", className: "govuk-button", children: "Close the episode" }), _jsx("a", { className: "govuk-link govuk-!-margin-top-2", href: familyHref(id), children: "Cancel" })] })] })] })] }));
}
