export declare const UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";
export declare function normaliseUpn(input: string): string;
/** The check letter for the 12 characters after it, or null when they are not of UPN form. */
export declare function upnCheckLetter(body: string): string | null;
export declare function isValidUpn(input: string): boolean;
