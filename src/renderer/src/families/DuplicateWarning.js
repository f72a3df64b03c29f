import { jsxs as _jsxs, jsx as _jsx } from "react/jsx-runtime";
import { useEffect, useRef } from 'react';
import { formatDate } from '../../../shared/dates';
import { familyHref } from '../app/router';
import { personName } from './format';
const BAND_TAG = { certain: 'govuk-tag--red', likely: 'govuk-tag--orange', possible: 'govuk-tag--yellow' };
/** Shown before saving a person who may already be on record: open theirs, or confirm not them. */
export function DuplicateWarning({ who, matches, onDifferent, focus }) {
    const ref = useRef(null);
    useEffect(() => {
        if (focus)
            ref.current?.focus();
    }, [focus]);
    return (_jsxs("div", { className: "app-duplicate", ref: ref, tabIndex: -1, role: "region", "aria-label": `Possible duplicates of ${who}`, children: [_jsxs("h3", { className: "govuk-heading-m", children: [who, " may already be on record"] }), _jsx("p", { className: "govuk-body", children: "Check these records before saving. Open the existing record instead, or confirm this is a different person." }), _jsx("ul", { className: "govuk-list", children: matches.map((m) => (_jsxs("li", { className: "govuk-!-margin-bottom-3", children: [_jsx("strong", { className: `govuk-tag ${BAND_TAG[m.band]}`, children: m.band }), ' ', _jsx("span", { className: "govuk-body govuk-!-font-weight-bold", children: personName(m) }), m.dateOfBirth ? `, born ${formatDate(m.dateOfBirth)}` : '', ", ", m.familyReference, ", ", m.addressLine1, ", ", m.postcode, _jsx("br", {}), _jsxs("span", { className: "govuk-body-s", children: [m.reason, ". "] }), _jsxs("a", { className: "govuk-link", href: familyHref(m.familyId), children: ["Open existing record", _jsxs("span", { className: "govuk-visually-hidden", children: [" for ", personName(m)] })] })] }, m.personId))) }), _jsx("button", { type: "button", className: "govuk-button govuk-button--warning govuk-!-margin-bottom-0", onClick: onDifferent, children: "This is a different person" })] }));
}
