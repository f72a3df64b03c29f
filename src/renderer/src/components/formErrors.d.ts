import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
export declare const fieldId: (path: string) => string;
export declare function contractResolver<V extends FieldValues, S extends z.ZodType>(schema: S, toInput: (values: V) => unknown, toFormPath?: (contractPath: string) => string): Resolver<V, unknown, z.output<S>>;
export interface ErrorItem {
    path: string;
    message: string;
}
/** Every message in a react-hook-form errors tree, with the field path it belongs to. */
export declare function listErrors(errors: FieldErrors, prefix?: string): ErrorItem[];
/** The element an error message should take the user to: the field, or a date's Day box. */
export declare function errorTarget(path: string): HTMLElement | null;
/** Errors in the order their fields appear on the page, as the GOV.UK error summary lists them. */
export declare function inPageOrder(items: ErrorItem[]): ErrorItem[];
