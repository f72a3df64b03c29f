import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { useEffect, useRef } from 'react';
import { errorTarget, inPageOrder } from './formErrors';
/** The GOV.UK error summary: focused when it appears, each message a link to its field. */
export function ErrorSummary({ items, title = 'There is a problem', focusKey }) {
    const ref = useRef(null);
    const visible = items.length > 0;
    // Focus when the summary appears and again on every failed submit. react-hook-form reports the
    // failed submit before it publishes the errors, so both are needed.
    useEffect(() => {
        if (visible)
            ref.current?.focus();
    }, [focusKey, visible]);
    if (!visible)
        return null;
    return (_jsx("div", { className: "govuk-error-summary", "data-module": "govuk-error-summary", ref: ref, tabIndex: -1, children: _jsxs("div", { role: "alert", children: [_jsx("h2", { className: "govuk-error-summary__title", children: title }), _jsx("div", { className: "govuk-error-summary__body", children: _jsx("ul", { className: "govuk-list govuk-error-summary__list", children: inPageOrder(items).map((item) => (_jsx("li", { children: _jsx("a", { href: `#${item.path}`, onClick: (event) => {
                                    // Hash links are the app's routes: move focus without navigating.
                                    event.preventDefault();
                                    const target = errorTarget(item.path);
                                    target?.focus();
                                    target?.scrollIntoView({ block: 'center' });
                                }, children: item.message }) }, item.path))) }) })] }) }));
}
/** A message from the core that belongs to no one field (a conflict, a database problem). */
export function ProblemBanner({ title, message }) {
    const ref = useRef(null);
    useEffect(() => ref.current?.focus(), [message]);
    return (_jsx("div", { className: "govuk-error-summary", ref: ref, tabIndex: -1, children: _jsxs("div", { role: "alert", children: [_jsx("h2", { className: "govuk-error-summary__title", children: title }), _jsx("div", { className: "govuk-error-summary__body", children: _jsx("p", { className: "govuk-body", children: message }) })] }) }));
}
export function SuccessBanner({ title, children }) {
    return (_jsxs("div", { className: "govuk-notification-banner govuk-notification-banner--success", role: "alert", "aria-labelledby": "success-title", children: [_jsx("div", { className: "govuk-notification-banner__header", children: _jsx("h2", { className: "govuk-notification-banner__title", id: "success-title", children: "Success" }) }), _jsxs("div", { className: "govuk-notification-banner__content", children: [_jsx("h3", { className: "govuk-notification-banner__heading", children: title }), children] })] }));
}
