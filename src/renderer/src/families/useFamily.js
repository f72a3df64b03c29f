import { useCallback, useEffect, useState } from 'react';
import { invoke } from '../api';
export function useFamily(id) {
    const [view, setView] = useState(null);
    const [error, setError] = useState(null);
    const reload = useCallback(async () => {
        const result = await invoke('families.get', { id });
        if (result.ok) {
            setView(result.value);
            setError(null);
        }
        else {
            setError(result.error);
        }
        return result;
    }, [id]);
    useEffect(() => {
        void reload();
    }, [reload]);
    return { view, error, reload };
}
