import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { contractResolver, listErrors } from '../components/formErrors';
import { applyServerErrors } from '../families/applyServerErrors';
/**
 * A form validated by a contract schema, with the error summary's focus key and the core's
 * answer put next to its fields (or returned as a problem that belongs to no field).
 */
export function useContractForm(schema, defaultValues, toInput = (v) => v) {
    const form = useForm({ resolver: contractResolver(schema, toInput), shouldFocusError: false, defaultValues });
    const [attempt, setAttempt] = useState(0);
    const [problem, setProblem] = useState(null);
    return {
        form,
        attempt,
        problem,
        errors: listErrors(form.formState.errors),
        failed: () => setAttempt((a) => a + 1),
        /** Shows the core's refusal: next to fields when it names them, else as a banner. */
        refused: (error) => {
            setProblem(null);
            if (!applyServerErrors(form, error))
                setProblem(error);
            setAttempt((a) => a + 1);
        },
        clearProblem: () => setProblem(null)
    };
}
