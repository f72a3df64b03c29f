import type { Member } from '../../../shared/families/schemas';
import type { DuplicateMatch } from '../../../shared/search/schemas';
import type { AppErrorValue } from '../../../shared/result';
export type DuplicatesByMember = Record<number, DuplicateMatch[]>;
/** Matches for each member that the user has not yet confirmed are different people. */
export declare function unconfirmedDuplicates(entries: {
    member: Member;
    notDuplicateOf: string[];
    personId?: string;
}[], postcode: string | null): Promise<{
    ok: true;
    found: DuplicatesByMember;
} | {
    ok: false;
    error: AppErrorValue;
}>;
