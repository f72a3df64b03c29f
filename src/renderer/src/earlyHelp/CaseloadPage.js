import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useCallback, useEffect, useState } from 'react';
import { formatDate } from '../../../shared/dates';
import { invoke } from '../api';
import { familyHref } from '../app/router';
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
/** "My caseload" for a practitioner; "All open episodes", with reallocation, for a manager. */
export function CaseloadPage({ scope }) {
    const [rows, setRows] = useState(null);
    const [leads, setLeads] = useState([]);
    const [problem, setProblem] = useState(null);
    const [done, setDone] = useState(null);
    // The lead chosen in each row's list, applied only with its button (arrow keys change a select).
    const [chosen, setChosen] = useState({});
    const load = useCallback(async () => {
        const result = await invoke(scope === 'mine' ? 'episodes.mine' : 'episodes.allOpen', {});
        if (result.ok)
            setRows(result.value.episodes);
        else
            setProblem(result.error);
    }, [scope]);
    useEffect(() => {
        void load();
        if (scope === 'all')
            void invoke('episodes.leads', {}).then((r) => r.ok && setLeads(r.value.users));
    }, [load, scope]);
    if (problem && !rows)
        return _jsx(Page, { title: "Caseload", children: _jsx(ProblemBanner, { title: "The caseload cannot be shown", message: problem.message }) });
    if (!rows)
        return _jsx(Loading, {});
    const reallocate = async (row, leadUserId) => {
        setProblem(null);
        const result = await invoke('episodes.reallocate', { id: row.episodeId, version: row.version, leadUserId });
        if (!result.ok)
            return setProblem(result.error);
        setDone(`${row.familyReference} is now led by ${leads.find((l) => l.id === leadUserId)?.displayName ?? 'the new lead'}.`);
        await load();
    };
    const title = scope === 'mine' ? 'My caseload' : 'All open episodes';
    return (_jsxs(Page, { title: title, focusHeading: !done, children: [done ? _jsx(SuccessBanner, { title: done }) : null, problem ? _jsx(ProblemBanner, { title: "That has not been done", message: problem.message }) : null, rows.length === 0 ? _jsx("p", { className: "govuk-body", children: scope === 'mine' ? 'You lead no open early-help episodes.' : 'No early-help episodes are open.' }) : (_jsxs("table", { className: "govuk-table", children: [_jsx("caption", { className: "govuk-visually-hidden", children: title }), _jsx("thead", { className: "govuk-table__head", children: _jsxs("tr", { className: "govuk-table__row", children: [_jsx("th", { scope: "col", className: "govuk-table__header", children: "Family" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Opened" }), _jsx("th", { scope: "col", className: "govuk-table__header govuk-table__header--numeric", children: "Days open" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Last contact" }), _jsx("th", { scope: "col", className: "govuk-table__header govuk-table__header--numeric", children: "Notes" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Lead" })] }) }), _jsx("tbody", { className: "govuk-table__body", children: rows.map((r) => (_jsxs("tr", { className: "govuk-table__row", children: [_jsx("td", { className: "govuk-table__cell", children: _jsxs("a", { className: "govuk-link", href: familyHref(r.familyId), children: [_jsx("span", { className: "app-nowrap", children: r.familyReference }), " ", r.familyNames] }) }), _jsx("td", { className: "govuk-table__cell", children: formatDate(r.openedOn) }), _jsx("td", { className: "govuk-table__cell govuk-table__cell--numeric", children: r.daysOpen }), _jsx("td", { className: "govuk-table__cell", children: r.lastContactAt ? formatDate(r.lastContactAt.slice(0, 10)) : 'None yet' }), _jsx("td", { className: "govuk-table__cell govuk-table__cell--numeric", children: r.notes }), _jsx("td", { className: "govuk-table__cell", children: scope === 'all' ? (_jsxs(_Fragment, { children: [_jsxs("label", { className: "govuk-visually-hidden", htmlFor: `lead-${r.episodeId}`, children: ["Lead for ", r.familyReference] }), _jsxs("div", { className: "app-button-row", children: [_jsx("select", { className: "govuk-select", id: `lead-${r.episodeId}`, value: chosen[r.episodeId] ?? r.leadUserId, onChange: (e) => setChosen((c) => ({ ...c, [r.episodeId]: e.target.value })), children: leads.map((l) => _jsx("option", { value: l.id, children: l.displayName }, l.id)) }), _jsxs("button", { type: "button", className: "govuk-button govuk-button--secondary govuk-!-margin-bottom-0", disabled: (chosen[r.episodeId] ?? r.leadUserId) === r.leadUserId, onClick: () => void reallocate(r, chosen[r.episodeId] ?? r.leadUserId), children: ["Change lead", _jsxs("span", { className: "govuk-visually-hidden", children: [" for ", r.familyReference] })] })] })] })) : r.leadName })] }, r.episodeId))) })] }))] }));
}
