import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { MemberKind } from '../../../shared/families/schemas';
/** One person's fields, for the member's kind; `prefix` is where they sit ('members.0.' or ''). */
export declare function MemberFields<V extends FieldValues>({ form, prefix, kind }: {
    form: UseFormReturn<V, any, any>;
    prefix: string;
    kind: MemberKind;
}): import("react").JSX.Element;
