import { jsx as _jsx, Fragment as _Fragment, jsxs as _jsxs } from "react/jsx-runtime";
import { useEffect, useRef } from 'react';
/** One screen: sets the window title and moves focus to the heading when the screen opens. */
export function Page({ title, caption, children, focusHeading = true }) {
    const heading = useRef(null);
    useEffect(() => {
        document.title = `${title} – Casebook`;
        if (focusHeading)
            heading.current?.focus();
    }, [title, focusHeading]);
    return (_jsxs(_Fragment, { children: [caption ? _jsx("span", { className: "govuk-caption-l", children: caption }) : null, _jsx("h1", { className: "govuk-heading-l", tabIndex: -1, ref: heading, children: title }), children] }));
}
export function Loading() {
    return _jsx("p", { className: "govuk-body", role: "status", children: "Loading\u2026" });
}
