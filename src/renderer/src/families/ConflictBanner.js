import { jsx as _jsx, Fragment as _Fragment, jsxs as _jsxs } from "react/jsx-runtime";
import { ProblemBanner } from '../components/ErrorSummary';
/** A colleague saved first: the user's changes stay on screen until they choose to load theirs. */
export function ConflictBanner({ message, onLoadLatest }) {
    return (_jsxs(_Fragment, { children: [_jsx(ProblemBanner, { title: "Your changes have not been saved", message: message }), _jsx("button", { type: "button", className: "govuk-button govuk-button--secondary", onClick: onLoadLatest, children: "Discard my changes and load the latest version" })] }));
}
