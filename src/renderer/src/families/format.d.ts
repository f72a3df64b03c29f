/** "6 years", "11 months", "Due 3 July 2027": how old someone is, the way staff say it. */
export declare function describeAge(p: {
    dateOfBirth: string | null;
    expectedDate: string | null;
}, today?: string): string;
export declare function personName(p: {
    givenName: string | null;
    familyName: string;
    kind: string;
}): string;
export declare function describeRole(p: {
    kind: string;
    relationship: string | null;
}): string;
