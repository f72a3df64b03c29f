import type { FieldValues, UseFormReturn } from 'react-hook-form';
/** The household's details; `prefix` is where they sit in the form ('family.' or ''). */
export declare function FamilyDetailsFields<V extends FieldValues>({ form, prefix }: {
    form: UseFormReturn<V, any, any>;
    prefix: string;
}): import("react").JSX.Element;
