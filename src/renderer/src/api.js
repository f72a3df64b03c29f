const listeners = new Set();
/** Told when any call finds the session signed out, locked or needing a new password. */
export function onSessionProblem(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}
export async function invoke(channel, input) {
    const result = await window.casebook.invoke(channel, input).catch((error) => ({
        ok: false,
        error: { code: 'UNAVAILABLE', message: `Casebook could not be reached: ${String(error)}` }
    }));
    if (!result.ok && !channel.startsWith('auth.')) {
        const code = result.error.code;
        if (code === 'UNAUTHENTICATED' || code === 'LOCKED' || code === 'PASSWORD_CHANGE_REQUIRED')
            for (const l of listeners)
                l(code);
    }
    return result;
}
