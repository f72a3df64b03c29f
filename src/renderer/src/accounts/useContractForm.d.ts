import { type DefaultValues, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { AppErrorValue } from '../../../shared/result';
/**
 * A form validated by a contract schema, with the error summary's focus key and the core's
 * answer put next to its fields (or returned as a problem that belongs to no field).
 */
export declare function useContractForm<V extends FieldValues, S extends z.ZodType>(schema: S, defaultValues: DefaultValues<V>, toInput?: (v: V) => unknown): {
    form: import("react-hook-form").UseFormReturn<V, unknown, z.output<S>>;
    attempt: number;
    problem: AppErrorValue | null;
    errors: import("../components/formErrors").ErrorItem[];
    failed: () => void;
    /** Shows the core's refusal: next to fields when it names them, else as a banner. */
    refused: (error: AppErrorValue) => void;
    clearProblem: () => void;
};
