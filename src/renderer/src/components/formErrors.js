// From the contract's zod schema to react-hook-form: the same schema that main validates with
// checks the form, after the form's values are turned into the contract's input.
import { toNestErrors } from '@hookform/resolvers';
export const fieldId = (path) => path.replace(/\./g, '-');
export function contractResolver(schema, toInput, toFormPath = (p) => p) {
    return async (values, _context, options) => {
        const parsed = schema.safeParse(toInput(values));
        if (parsed.success)
            return { values: parsed.data, errors: {} };
        return { values: {}, errors: toNestErrors(flatErrors(parsed.error.issues, toFormPath), options) };
    };
}
function flatErrors(issues, toFormPath) {
    const flat = {};
    for (const issue of issues) {
        const path = toFormPath(issue.path.map(String).join('.'));
        flat[path] ??= { type: issue.code, message: issue.message };
    }
    return flat;
}
/** Every message in a react-hook-form errors tree, with the field path it belongs to. */
export function listErrors(errors, prefix = '') {
    const items = [];
    for (const [key, value] of Object.entries(errors)) {
        if (!value || key === 'ref')
            continue;
        const path = prefix ? `${prefix}.${key}` : key;
        if (typeof value.message === 'string' && value.type !== undefined) {
            items.push({ path: path.replace(/\.root$/, ''), message: value.message });
        }
        else if (typeof value === 'object') {
            items.push(...listErrors(value, path));
        }
    }
    return items;
}
/** The element an error message should take the user to: the field, or a date's Day box. */
export function errorTarget(path) {
    const id = fieldId(path);
    return document.getElementById(`${id}-day`) ?? document.getElementById(id) ?? document.getElementById(`${id}-0`);
}
/** Errors in the order their fields appear on the page, as the GOV.UK error summary lists them. */
export function inPageOrder(items) {
    return [...items].sort((a, b) => {
        const ea = errorTarget(a.path);
        const eb = errorTarget(b.path);
        if (!ea || !eb)
            return ea ? -1 : eb ? 1 : 0;
        return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
}
