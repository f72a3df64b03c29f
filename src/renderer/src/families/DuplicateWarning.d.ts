import type { DuplicateMatch } from '../../../shared/search/schemas';
/** Shown before saving a person who may already be on record: open theirs, or confirm not them. */
export declare function DuplicateWarning({ who, matches, onDifferent, focus }: {
    who: string;
    matches: DuplicateMatch[];
    onDifferent: () => void;
    focus: boolean;
}): import("react").JSX.Element;
