import type { FamilyRecord } from '../../../shared/families/schemas';
/** The family's identity bar, kept in view on every page about them. */
export declare function FamilyHeader({ family, members }: {
    family: FamilyRecord;
    members: number;
}): import("react").JSX.Element;
