import { jsx as _jsx, Fragment as _Fragment, jsxs as _jsxs } from "react/jsx-runtime";
import { HEARD_ABOUT } from '../../../shared/codes';
import { CheckboxField, SelectField, TextField } from '../components/fields';
/** The household's details; `prefix` is where they sit in the form ('family.' or ''). */
export function FamilyDetailsFields({ form, prefix }) {
    const n = (field) => `${prefix}${field}`;
    return (_jsxs(_Fragment, { children: [_jsx(TextField, { form: form, name: n('addressLine1'), label: "Address line 1", autoComplete: "off" }), _jsx(TextField, { form: form, name: n('addressLine2'), label: "Address line 2 (optional)" }), _jsx(TextField, { form: form, name: n('town'), label: "Town or city", width: 20 }), _jsx(TextField, { form: form, name: n('postcode'), label: "Postcode", width: 10 }), _jsx(TextField, { form: form, name: n('phone'), label: "Phone number", type: "tel", width: 20, hint: "Optional" }), _jsx(TextField, { form: form, name: n('email'), label: "Email address", type: "email", spellCheck: false, hint: "Optional" }), _jsx(TextField, { form: form, name: n('mainLanguage'), label: "Main language", width: 20 }), _jsx(CheckboxField, { form: form, name: n('interpreterNeeded'), label: "Interpreter needed" }), _jsx(SelectField, { form: form, name: n('heardAbout'), label: "How they heard of the hub", items: HEARD_ABOUT.items, placeholder: "Not known" })] }));
}
