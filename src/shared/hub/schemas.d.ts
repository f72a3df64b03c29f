import { z } from 'zod';
export declare const hubRecord: z.ZodObject<{
    name: z.ZodString;
    code: z.ZodString;
    localAuthorityCode: z.ZodString;
}, z.core.$strip>;
export declare const hubSettings: z.ZodObject<{
    name: z.ZodString;
    code: z.ZodString;
    localAuthorityCode: z.ZodString;
    idleLockMinutes: z.ZodNumber;
    closureNeedsApproval: z.ZodBoolean;
    reviewWeeks: z.ZodNumber;
    version: z.ZodNumber;
}, z.core.$strip>;
/** What an administrator can change. The hub code is fixed at set-up: it is in every reference. */
export declare const updateHubInput: z.ZodObject<{
    version: z.ZodNumber;
    name: z.ZodPreprocess<z.ZodString, unknown>;
    localAuthorityCode: z.ZodPreprocess<z.ZodString, unknown>;
    idleLockMinutes: z.ZodCoercedNumber<unknown>;
    closureNeedsApproval: z.ZodBoolean;
    reviewWeeks: z.ZodCoercedNumber<unknown>;
}, z.core.$strip>;
export type HubRecord = z.infer<typeof hubRecord>;
export declare const hubCodeField: z.ZodString;
