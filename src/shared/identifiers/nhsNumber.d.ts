/** Strips the spaces and hyphens people type; anything else is left for validation to refuse. */
export declare function normaliseNhsNumber(input: string): string;
/** The check digit for nine leading digits, or null when no check digit can make them valid. */
export declare function nhsCheckDigit(firstNine: string): number | null;
export declare function isValidNhsNumber(input: string): boolean;
/** Shown as 3-3-4, the way it is printed on NHS letters. */
export declare function formatNhsNumber(digits: string): string;
