import { z } from 'zod';
/** A form's draft key names what is being written: 'case-note:<family id>'. */
export declare const draftKey: z.ZodString;
export declare const saveDraftInput: z.ZodObject<{
    key: z.ZodString;
    payload: z.ZodRecord<z.ZodString, z.ZodUnknown>;
}, z.core.$strip>;
export declare const draftKeyInput: z.ZodObject<{
    key: z.ZodString;
}, z.core.$strip>;
export declare const draftRecord: z.ZodNullable<z.ZodObject<{
    payload: z.ZodRecord<z.ZodString, z.ZodUnknown>;
    savedAt: z.ZodString;
}, z.core.$strip>>;
