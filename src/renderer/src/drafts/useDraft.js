// Never lose typed work: a long form's values are saved to the database, per user, a moment after
// typing stops and whenever focus leaves a field, and offered back when the form is opened again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke } from '../api';
const PAUSE_MS = 1500;
export function useDraft(key, form, blank) {
    const [restoredFrom, setRestoredFrom] = useState(null);
    const [savedAt, setSavedAt] = useState(null);
    const ready = useRef(false);
    const timer = useRef(null);
    const save = useCallback(async () => {
        if (timer.current)
            clearTimeout(timer.current);
        timer.current = null;
        if (!ready.current)
            return;
        const result = await invoke('drafts.save', { key, payload: form.getValues() });
        if (result.ok)
            setSavedAt(result.value.savedAt);
    }, [key, form]);
    useEffect(() => {
        let live = true;
        void invoke('drafts.get', { key }).then((result) => {
            if (!live)
                return;
            if (result.ok && result.value) {
                form.reset({ ...blank, ...result.value.payload });
                setRestoredFrom(result.value.savedAt);
            }
            ready.current = true;
        });
        const subscription = form.watch(() => {
            if (!ready.current)
                return;
            if (timer.current)
                clearTimeout(timer.current);
            timer.current = setTimeout(() => void save(), PAUSE_MS);
        });
        // Leaving a field saves at once.
        const onBlur = () => {
            if (timer.current)
                void save();
        };
        window.addEventListener('focusout', onBlur);
        return () => {
            live = false;
            subscription.unsubscribe();
            window.removeEventListener('focusout', onBlur);
            if (timer.current)
                void save();
        };
    }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
    const discard = useCallback(async () => {
        if (timer.current)
            clearTimeout(timer.current);
        timer.current = null;
        await invoke('drafts.discard', { key });
        form.reset(blank);
        setRestoredFrom(null);
        setSavedAt(null);
    }, [key, form, blank]);
    return { restoredFrom, savedAt, discard };
}
