/** Upper case with one space before the last three characters, the form Royal Mail prints. */
export declare function normalisePostcode(input: string): string;
export declare function isValidPostcode(input: string): boolean;
/** The postcode without its space: the key that search and duplicate checks compare. */
export declare function postcodeKey(input: string): string;
