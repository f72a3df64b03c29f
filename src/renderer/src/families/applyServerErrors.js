/** Puts the core's field messages next to their fields; returns false when none belonged to a field. */
export function applyServerErrors(form, error, toFormPath = (p) => p) {
    const entries = Object.entries(error.fields ?? {});
    for (const [path, message] of entries)
        form.setError(toFormPath(path), { type: 'server', message });
    return entries.length > 0;
}
