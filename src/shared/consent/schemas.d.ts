import { z } from 'zod';
export declare const recordConsentInput: z.ZodObject<{
    familyId: z.ZodUUID;
    givenById: z.ZodUUID;
    scope: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
        REGISTRATION: "REGISTRATION";
        SHARING: "SHARING";
        CONTACT: "CONTACT";
    }>>, unknown>;
    agency: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
    method: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
        VERBAL: "VERBAL";
        WRITTEN: "WRITTEN";
    }>>, unknown>;
    givenOn: z.ZodString;
}, z.core.$strip>;
export type RecordConsentInput = z.input<typeof recordConsentInput>;
export declare const withdrawConsentInput: z.ZodObject<{
    id: z.ZodUUID;
    version: z.ZodNumber;
}, z.core.$strip>;
export declare const consentRecord: z.ZodObject<{
    id: z.ZodUUID;
    familyId: z.ZodUUID;
    givenById: z.ZodUUID;
    givenByName: z.ZodString;
    scope: z.ZodEnum<{
        REGISTRATION: "REGISTRATION";
        SHARING: "SHARING";
        CONTACT: "CONTACT";
    }>;
    agency: z.ZodNullable<z.ZodString>;
    method: z.ZodEnum<{
        VERBAL: "VERBAL";
        WRITTEN: "WRITTEN";
    }>;
    givenOn: z.ZodString;
    recordedBy: z.ZodString;
    recordedAt: z.ZodISODateTime;
    withdrawnOn: z.ZodNullable<z.ZodString>;
    version: z.ZodNumber;
}, z.core.$strip>;
export type ConsentRecord = z.infer<typeof consentRecord>;
