import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { useEffect, useRef, useState } from 'react';
import { formatDate } from '../../../shared/dates';
import { invoke } from '../api';
import { familyHref, navigate } from '../app/router';
import { Page } from '../components/Page';
import { describeAge, personName } from '../families/format';
const LIMIT = 25;
function describeResult(count, understoodAs) {
    const what = understoodAs.length ? ` for ${understoodAs.join(', ')}` : '';
    if (count >= LIMIT)
        return `Showing the first ${LIMIT} people found${what}. Type more to narrow the search.`;
    return `${count} ${count === 1 ? 'person' : 'people'} found${what}`;
}
// What was last typed, so coming back to the search finds it as it was left.
let lastText = '';
/** Find a family: one box, answering as the user types; arrows and Enter open a result. */
export function SearchPage() {
    const [text, setText] = useState(lastText);
    const [result, setResult] = useState(null);
    const [error, setError] = useState(null);
    const [active, setActive] = useState(0);
    const input = useRef(null);
    const links = useRef([]);
    const latest = useRef(0);
    useEffect(() => {
        input.current?.focus();
    }, []);
    useEffect(() => {
        lastText = text;
        const call = ++latest.current;
        if (text.trim().length < 2) {
            setResult(null);
            setError(null);
            return;
        }
        // A short pause while typing; an answer to an older query never replaces a newer one.
        const timer = setTimeout(async () => {
            const answer = await invoke('people.search', { text, limit: LIMIT });
            if (call !== latest.current)
                return;
            if (answer.ok) {
                setResult(answer.value);
                setError(null);
                setActive(0);
            }
            else {
                setError(answer.error.fields?.text ?? answer.error.message);
            }
        }, 80);
        return () => clearTimeout(timer);
    }, [text]);
    const hits = result?.hits ?? [];
    const open = (index) => {
        const hit = hits[index];
        if (hit)
            navigate(familyHref(hit.familyId));
    };
    const onInputKey = (event) => {
        if (event.key === 'Enter') {
            event.preventDefault();
            open(active);
        }
        else if (event.key === 'ArrowDown' && hits.length > 0) {
            event.preventDefault();
            links.current[0]?.focus();
        }
    };
    const onResultKey = (event, index) => {
        if (event.key === 'ArrowDown') {
            event.preventDefault();
            links.current[Math.min(index + 1, hits.length - 1)]?.focus();
        }
        else if (event.key === 'ArrowUp') {
            event.preventDefault();
            if (index === 0)
                input.current?.focus();
            else
                links.current[index - 1]?.focus();
        }
        else if (event.key === 'Escape') {
            input.current?.focus();
        }
    };
    return (_jsxs(Page, { title: "Find a family", focusHeading: false, children: [_jsxs("div", { className: "govuk-form-group", children: [_jsx("label", { className: "govuk-label govuk-label--s", htmlFor: "search", children: "Search people and families" }), _jsx("div", { id: "search-hint", className: "govuk-hint", children: "Name, date of birth, postcode, NHS number or family reference. Press Enter to open the first result, or the down arrow to choose one." }), error ? _jsxs("p", { className: "govuk-error-message", id: "search-error", children: [_jsx("span", { className: "govuk-visually-hidden", children: "Error:" }), " ", error] }) : null, _jsx("input", { ref: input, className: "govuk-input", id: "search", type: "search", autoComplete: "off", spellCheck: false, "aria-describedby": `search-hint${error ? ' search-error' : ''}`, value: text, onChange: (event) => setText(event.target.value), onKeyDown: onInputKey })] }), _jsx("button", { type: "button", className: "govuk-button govuk-button--secondary", onClick: () => navigate('#/register'), children: "Register a family" }), _jsx("p", { className: "govuk-body", role: "status", "aria-live": "polite", children: result ? describeResult(hits.length, result.understoodAs) : '' }), hits.length > 0 ? (_jsxs("table", { className: "govuk-table app-results", children: [_jsx("caption", { className: "govuk-visually-hidden", children: "People found" }), _jsx("thead", { className: "govuk-table__head", children: _jsxs("tr", { className: "govuk-table__row", children: [_jsx("th", { scope: "col", className: "govuk-table__header", children: "Name" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Born" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Age" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Family" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Address" }), _jsx("th", { scope: "col", className: "govuk-table__header", children: "Postcode" })] }) }), _jsx("tbody", { className: "govuk-table__body", children: hits.map((hit, index) => (_jsxs("tr", { className: `govuk-table__row${index === active ? ' app-results__row--active' : ''}`, children: [_jsx("td", { className: "govuk-table__cell", children: _jsx("a", { className: "govuk-link", href: familyHref(hit.familyId), ref: (el) => { links.current[index] = el; }, onFocus: () => setActive(index), onKeyDown: (event) => onResultKey(event, index), children: personName(hit) }) }), _jsx("td", { className: "govuk-table__cell", children: hit.dateOfBirth ? formatDate(hit.dateOfBirth) : '' }), _jsx("td", { className: "govuk-table__cell", children: describeAge(hit) }), _jsx("td", { className: "govuk-table__cell app-nowrap", children: hit.familyReference }), _jsx("td", { className: "govuk-table__cell", children: hit.restricted && !hit.addressLine1 ? _jsx("strong", { className: "govuk-tag govuk-tag--grey", children: "Restricted record" }) : `${hit.addressLine1}, ${hit.town}` }), _jsx("td", { className: "govuk-table__cell app-nowrap", children: hit.postcode })] }, hit.personId))) })] })) : null, result && hits.length === 0 ? (_jsxs("p", { className: "govuk-body", children: ["No one matches. Check the spelling, try part of the name, or ", _jsx("a", { className: "govuk-link", href: "#/register", children: "register a family" }), "."] })) : null] }));
}
