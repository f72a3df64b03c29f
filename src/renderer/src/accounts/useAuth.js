import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { invoke, onSessionProblem } from '../api';
export const AuthContext = createContext(null);
export function useAuth() {
    const auth = useContext(AuthContext);
    if (!auth)
        throw new Error('useAuth outside AuthContext');
    return auth;
}
export function useAuthState() {
    const [status, setStatus] = useState(null);
    const refresh = useCallback(async () => {
        const result = await invoke('auth.status', {});
        if (result.ok)
            setStatus(result.value);
    }, []);
    useEffect(() => {
        void refresh();
        // A call that finds the session gone or locked (another window, a restart) re-reads it.
        return onSessionProblem(() => void refresh());
    }, [refresh]);
    const signedIn = useCallback((user) => setStatus((s) => (s ? { ...s, needsSetup: false, user, locked: false } : s)), []);
    const setLocked = useCallback((locked) => setStatus((s) => (s ? { ...s, locked } : s)), []);
    return { status, refresh, signedIn, setLocked };
}
