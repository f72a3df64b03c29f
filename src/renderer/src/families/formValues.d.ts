import { type DateParts } from '../../../shared/dates';
import type { FamilyRecord, Member, MemberInput, MemberKind, PersonRecord } from '../../../shared/families/schemas';
export interface FamilyFormValues {
    addressLine1: string;
    addressLine2: string;
    town: string;
    postcode: string;
    phone: string;
    email: string;
    mainLanguage: string;
    interpreterNeeded: boolean;
    heardAbout: string;
}
export interface MemberFormValues {
    kind: MemberKind;
    givenName: string;
    familyName: string;
    dateOfBirth: DateParts;
    expectedDate: DateParts;
    sex: string;
    ethnicity: string;
    nhsNumber: string;
    upn: string;
    disabilities: string[];
    school: string;
    gpPractice: string;
    relationship: string;
    parentalResponsibility: boolean;
    /** People the user has confirmed this is not. */
    notDuplicateOf: string[];
}
export declare const emptyFamily: () => FamilyFormValues;
export declare const emptyMember: (kind: MemberKind, familyName?: string) => MemberFormValues;
export declare const familyToInput: (f: FamilyFormValues) => {
    heardAbout: string | null;
    addressLine1: string;
    addressLine2: string;
    town: string;
    postcode: string;
    phone: string;
    email: string;
    mainLanguage: string;
    interpreterNeeded: boolean;
};
/** Only the fields that belong to the member's kind go to the contract. */
export declare function memberToInput(m: MemberFormValues): MemberInput;
/** Contract paths (members.0.member.givenName) to form paths (members.0.givenName). */
export declare const memberFormPath: (path: string) => string;
export declare function familyToForm(f: FamilyRecord): FamilyFormValues;
export declare function personToForm(p: PersonRecord): MemberFormValues;
/** What the duplicate check needs to know about a member. */
export declare function duplicateQueryFor(m: Member, postcode: string | null, excludePersonId?: string | null): {
    givenName: string | null;
    familyName: string;
    dateOfBirth: string | null;
    nhsNumber: string | null;
    upn: string | null;
    postcode: string | null;
    excludePersonId: string | null;
};
