import { z } from 'zod';
export declare function requiredText(missing: string, max: number, label: string): z.ZodPreprocess<z.ZodString, unknown>;
export declare function optionalText(max: number, label: string): z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
/** An optional choice from a code list; an empty select means "not given". */
export declare function optionalCode<T extends z.ZodType<string, string>>(schema: T): z.ZodDefault<z.ZodPreprocess<z.ZodNullable<T>, unknown>>;
export declare function requiredCode<T extends z.ZodType<string, string>>(schema: T, missing: string): z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, T>, unknown>;
/**
 * A calendar date as ISO (YYYY-MM-DD). `rule` adds the field's own limits (in the past, within
 * 25 years...) and is given today's date so that every check uses the same day.
 */
export declare function dateField(label: string, rule?: (iso: string, today: string) => string | null): z.ZodString;
/** A date rule for dateField: the day is today or earlier. */
export declare const notFuture: (label: string) => (iso: string, today: string) => string | null;
export declare const nhsNumberField: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
export declare const upnField: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
export declare const postcodeField: z.ZodPreprocess<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>, unknown>;
export declare const phoneField: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
export declare const emailField: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEmail>, unknown>>;
export declare const idField: z.ZodUUID;
export declare const versionField: z.ZodNumber;
export declare const isoDateTime: z.ZodISODateTime;
