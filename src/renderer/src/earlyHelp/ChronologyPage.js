import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useEffect, useState } from 'react';
import { formatDate } from '../../../shared/dates';
import { invoke } from '../api';
import { navigate } from '../app/router';
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { ToggleCheckbox } from '../components/fields';
import { FamilyHeader } from '../families/FamilyHeader';
import { FamilyNotFound } from '../families/FamilyNotFound';
import { useFamily } from '../families/useFamily';
const when = (value) => (value.length > 10 ? `${formatDate(value.slice(0, 10))}, ${value.slice(11, 16)}` : formatDate(value));
/** The family's chronology, newest first, in the MoJ timeline pattern; it prints as it reads. */
export function ChronologyPage({ id, notice }) {
    const { view, error } = useFamily(id);
    const [significantOnly, setSignificantOnly] = useState(false);
    const [entries, setEntries] = useState(null);
    const [problem, setProblem] = useState(null);
    useEffect(() => {
        void invoke('chronology.get', { familyId: id, significantOnly }).then((r) => (r.ok ? setEntries(r.value.entries) : setProblem(r.error)));
    }, [id, significantOnly]);
    if (error)
        return _jsx(FamilyNotFound, { error: error });
    if (problem)
        return _jsx(Page, { title: "Chronology", children: _jsx(ProblemBanner, { title: "The chronology cannot be shown", message: problem.message }) });
    if (!view || !entries)
        return _jsx(Loading, {});
    return (_jsxs(_Fragment, { children: [_jsx(FamilyHeader, { family: view.family, members: view.members.length }), _jsxs(Page, { title: "Chronology", caption: `Family ${view.family.reference}`, focusHeading: !notice, children: [notice ? _jsx(SuccessBanner, { title: notice }) : null, _jsxs("div", { className: "app-button-row app-no-print", children: [_jsx("button", { type: "button", className: "govuk-button", onClick: () => navigate(`#/families/${id}/notes/new`), children: "Add a case note" }), _jsx("button", { type: "button", className: "govuk-button govuk-button--secondary", onClick: () => window.print(), children: "Print" })] }), _jsx("div", { className: "govuk-form-group app-no-print", children: _jsx("div", { className: "govuk-checkboxes govuk-checkboxes--small", children: _jsx(ToggleCheckbox, { id: "significant-only", label: "Significant events only", checked: significantOnly, onChange: setSignificantOnly }) }) }), _jsxs("p", { className: "govuk-body", role: "status", "aria-live": "polite", children: [entries.length, " ", entries.length === 1 ? 'entry' : 'entries'] }), _jsx("ol", { className: "app-timeline", children: entries.map((e) => (_jsxs("li", { className: `app-timeline__item${e.significant ? ' app-timeline__item--significant' : ''}`, children: [_jsxs("h2", { className: "govuk-heading-s app-timeline__title", children: [e.title, e.significant ? _jsxs(_Fragment, { children: [" ", _jsx("strong", { className: "govuk-tag govuk-tag--red", children: "Significant" })] }) : null] }), _jsxs("p", { className: "govuk-body-s app-timeline__meta", children: [when(e.when), " \u00B7 by ", e.by, e.people.length ? ` · with ${e.people.join(', ')}` : ''] }), e.text ? _jsx("p", { className: "govuk-body app-timeline__text", children: e.text }) : null] }, e.id))) })] })] }));
}
