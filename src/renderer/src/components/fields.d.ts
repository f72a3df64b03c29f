import type { ReactNode } from 'react';
import { type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { CodeItem } from '../../../shared/codes';
interface FieldProps<V extends FieldValues> {
    form: UseFormReturn<V, any, any>;
    name: Path<V>;
    label: string;
    hint?: ReactNode;
}
export declare function TextField<V extends FieldValues>({ form, name, label, hint, type, width, autoComplete, inputMode, spellCheck, autoFocus }: FieldProps<V> & {
    type?: 'text' | 'email' | 'tel' | 'password';
    width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
    autoComplete?: string;
    inputMode?: 'numeric' | 'text' | 'email' | 'tel';
    spellCheck?: boolean;
    autoFocus?: boolean;
}): import("react").JSX.Element;
export declare function SelectField<V extends FieldValues>({ form, name, label, hint, items, placeholder }: FieldProps<V> & {
    items: readonly CodeItem[];
    placeholder?: string;
}): import("react").JSX.Element;
export declare function CheckboxField<V extends FieldValues>({ form, name, label, hint }: FieldProps<V>): import("react").JSX.Element;
/** The GOV.UK date input: Day, Month and Year boxes under one legend. */
export declare function DateField<V extends FieldValues>({ form, name, label, hint }: FieldProps<V>): import("react").JSX.Element;
export declare function CheckboxesField<V extends FieldValues>(props: FieldProps<V> & {
    items: readonly CodeItem[];
}): import("react").JSX.Element;
export declare function RadiosField<V extends FieldValues>(props: FieldProps<V> & {
    items: readonly CodeItem[];
    inline?: boolean;
}): import("react").JSX.Element;
export declare function TextareaField<V extends FieldValues>({ form, name, label, hint, rows }: FieldProps<V> & {
    rows?: number;
}): import("react").JSX.Element;
/** A checkbox held in React state rather than a form (a filter, a list of people to allow). */
export declare function ToggleCheckbox({ id, label, checked, onChange }: {
    id: string;
    label: string;
    checked: boolean;
    onChange: (checked: boolean) => void;
}): import("react").JSX.Element;
export {};
