import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { get } from 'react-hook-form';
import { fieldId } from './formErrors';
function useFieldState(form, name, hint) {
    const id = fieldId(name);
    const error = get(form.formState.errors, name)?.message;
    const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return { id, error, describedBy };
}
function ErrorMessage({ id, error }) {
    if (!error)
        return null;
    return (_jsxs("p", { id: `${id}-error`, className: "govuk-error-message", children: [_jsx("span", { className: "govuk-visually-hidden", children: "Error:" }), " ", error] }));
}
/** The GOV.UK form group around one labelled control: label, hint, error message. */
function LabelledField({ id, label, hint, error, children }) {
    return (_jsxs("div", { className: `govuk-form-group${error ? ' govuk-form-group--error' : ''}`, children: [_jsx("label", { className: "govuk-label", htmlFor: id, children: label }), hint ? _jsx("div", { id: `${id}-hint`, className: "govuk-hint", children: hint }) : null, _jsx(ErrorMessage, { id: id, error: error }), children] }));
}
export function TextField({ form, name, label, hint, type = 'text', width, autoComplete, inputMode, spellCheck, autoFocus }) {
    const { id, error, describedBy } = useFieldState(form, name, hint);
    return (_jsx(LabelledField, { id: id, label: label, hint: hint, error: error, children: _jsx("input", { className: `govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`, id: id, type: type, autoComplete: autoComplete ?? 'off', inputMode: inputMode, spellCheck: spellCheck, autoFocus: autoFocus, "aria-describedby": describedBy, ...form.register(name) }) }));
}
export function SelectField({ form, name, label, hint, items, placeholder = 'Select' }) {
    const { id, error, describedBy } = useFieldState(form, name, hint);
    return (_jsx(LabelledField, { id: id, label: label, hint: hint, error: error, children: _jsxs("select", { className: `govuk-select${error ? ' govuk-select--error' : ''}`, id: id, "aria-describedby": describedBy, ...form.register(name), children: [_jsx("option", { value: "", children: placeholder }), items.map((item) => (_jsx("option", { value: item.code, children: item.label }, item.code)))] }) }));
}
export function CheckboxField({ form, name, label, hint }) {
    const { id, error, describedBy } = useFieldState(form, name, hint);
    return (_jsxs("div", { className: `govuk-form-group${error ? ' govuk-form-group--error' : ''}`, children: [_jsx(ErrorMessage, { id: id, error: error }), _jsx("div", { className: "govuk-checkboxes govuk-checkboxes--small", children: _jsxs("div", { className: "govuk-checkboxes__item", children: [_jsx("input", { className: "govuk-checkboxes__input", id: id, type: "checkbox", "aria-describedby": describedBy, ...form.register(name) }), _jsx("label", { className: "govuk-label govuk-checkboxes__label", htmlFor: id, children: label }), hint ? _jsx("div", { id: `${id}-hint`, className: "govuk-hint govuk-checkboxes__hint", children: hint }) : null] }) })] }));
}
/** The GOV.UK date input: Day, Month and Year boxes under one legend. */
export function DateField({ form, name, label, hint = 'For example, 27 3 2019' }) {
    const { id, error, describedBy } = useFieldState(form, name, hint);
    const box = (part, text, width) => (_jsx("div", { className: "govuk-date-input__item", children: _jsxs("div", { className: "govuk-form-group", children: [_jsx("label", { className: "govuk-label govuk-date-input__label", htmlFor: `${id}-${part}`, children: text }), _jsx("input", { className: `govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`, id: `${id}-${part}`, inputMode: "numeric", autoComplete: "off", ...form.register(`${name}.${part}`) })] }) }));
    return (_jsx("div", { className: `govuk-form-group${error ? ' govuk-form-group--error' : ''}`, children: _jsxs("fieldset", { className: "govuk-fieldset", role: "group", "aria-describedby": describedBy, children: [_jsx("legend", { className: "govuk-fieldset__legend govuk-fieldset__legend--s", children: label }), _jsx("div", { id: `${id}-hint`, className: "govuk-hint", children: hint }), _jsx(ErrorMessage, { id: id, error: error }), _jsxs("div", { className: "govuk-date-input", id: id, children: [box('day', 'Day', 2), box('month', 'Month', 2), box('year', 'Year', 4)] })] }) }));
}
/** A group of checkboxes (many answers) or radios (one answer) under one legend. */
function ChoicesField({ form, name, label, hint, items, type, inline }) {
    const { id, error, describedBy } = useFieldState(form, name, hint);
    const block = type === 'checkbox' ? 'govuk-checkboxes' : 'govuk-radios';
    return (_jsx("div", { className: `govuk-form-group${error ? ' govuk-form-group--error' : ''}`, children: _jsxs("fieldset", { className: "govuk-fieldset", "aria-describedby": describedBy, children: [_jsx("legend", { className: "govuk-fieldset__legend govuk-fieldset__legend--s", children: label }), hint ? _jsx("div", { id: `${id}-hint`, className: "govuk-hint", children: hint }) : null, _jsx(ErrorMessage, { id: id, error: error }), _jsx("div", { className: `${block} ${block}--small${inline ? ` ${block}--inline` : ''}`, children: items.map((item, i) => (_jsxs("div", { className: `${block}__item`, children: [_jsx("input", { className: `${block}__input`, id: `${id}-${i}`, type: type, value: item.code, ...form.register(name) }), _jsx("label", { className: `govuk-label ${block}__label`, htmlFor: `${id}-${i}`, children: item.label })] }, item.code))) })] }) }));
}
export function CheckboxesField(props) {
    return _jsx(ChoicesField, { ...props, type: "checkbox" });
}
export function RadiosField(props) {
    return _jsx(ChoicesField, { ...props, type: "radio" });
}
export function TextareaField({ form, name, label, hint, rows = 8 }) {
    const { id, error, describedBy } = useFieldState(form, name, hint);
    return (_jsx(LabelledField, { id: id, label: label, hint: hint, error: error, children: _jsx("textarea", { className: `govuk-textarea${error ? ' govuk-textarea--error' : ''}`, id: id, rows: rows, "aria-describedby": describedBy, ...form.register(name) }) }));
}
/** A checkbox held in React state rather than a form (a filter, a list of people to allow). */
export function ToggleCheckbox({ id, label, checked, onChange }) {
    return (_jsxs("div", { className: "govuk-checkboxes__item", children: [_jsx("input", { className: "govuk-checkboxes__input", id: id, type: "checkbox", checked: checked, onChange: (e) => onChange(e.target.checked) }), _jsx("label", { className: "govuk-label govuk-checkboxes__label", htmlFor: id, children: label })] }));
}
