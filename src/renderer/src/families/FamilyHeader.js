import { jsxs as _jsxs, jsx as _jsx } from "react/jsx-runtime";
import { familyHref } from '../app/router';
/** The family's identity bar, kept in view on every page about them. */
export function FamilyHeader({ family, members }) {
    return (_jsxs("div", { className: "app-identity-bar", role: "region", "aria-label": "Family", children: [_jsx("p", { className: "app-identity-bar__title", children: _jsxs("a", { className: "govuk-link govuk-link--no-visited-state", href: familyHref(family.id), children: ["Family ", family.reference] }) }), _jsxs("p", { className: "app-identity-bar__details", children: [family.addressLine1, ", ", family.town, ", ", family.postcode, " \u00B7 ", members, " ", members === 1 ? 'member' : 'members', family.phone ? ` · ${family.phone}` : '', family.interpreterNeeded ? ` · Interpreter needed (${family.mainLanguage})` : ''] })] }));
}
