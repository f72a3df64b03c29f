export declare const MONTHS: readonly ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export declare function isoDate(year: number, month: number, day: number): string | null;
export declare function isRealIsoDate(value: string): boolean;
/**
 * A date typed the way people type one: 3/7/2019, 03-07-2019, 3.7.2019, 3 July 2019, 3 Jul 2019,
 * 2019-07-03. Day first, as in the UK. Returns null for anything else or for an impossible date.
 */
export declare function parseTypedDate(text: string): string | null;
/** 3 July 2019 */
export declare function formatDate(iso: string): string;
/** Today's date in the local time zone, as ISO. */
export declare function todayIso(now?: Date): string;
/** Whole years between an ISO birth date and an ISO day. */
export declare function ageInYears(birthIso: string, onIso: string): number;
/** The ISO date `months` calendar months after `iso` (clamped to the month's last day). */
export declare function addMonths(iso: string, months: number): string;
export declare function addYears(iso: string, years: number): string;
/** The three boxes of the GOV.UK date input, as typed. */
export interface DateParts {
    day: string;
    month: string;
    year: string;
}
export declare const EMPTY_DATE_PARTS: DateParts;
/**
 * Parts to the value the contract validates: undefined when all three are empty (the field is
 * missing), an ISO date when they make one, and otherwise the typed text, which the schema
 * refuses as not a real date.
 */
export declare function datePartsToValue(parts: DateParts | undefined): string | undefined;
export declare function isoToDateParts(iso: string | null | undefined): DateParts;
/** The ISO date `days` days after `iso`. */
export declare function addDays(iso: string, days: number): string;
