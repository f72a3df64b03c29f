import type { FieldValues, UseFormReturn } from 'react-hook-form';
export interface DraftState {
    /** When the draft shown was restored from, if it was. */
    restoredFrom: string | null;
    /** When the latest save reached the database. */
    savedAt: string | null;
    discard: () => Promise<void>;
}
export declare function useDraft<V extends FieldValues>(key: string, form: UseFormReturn<V, any, any>, blank: V): DraftState;
