import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { AppErrorValue } from '../../../shared/result';
/** Puts the core's field messages next to their fields; returns false when none belonged to a field. */
export declare function applyServerErrors<V extends FieldValues>(form: UseFormReturn<V, any, any>, error: AppErrorValue, toFormPath?: (p: string) => string): boolean;
