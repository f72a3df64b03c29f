import { z } from 'zod';
export declare const searchInput: z.ZodObject<{
    text: z.ZodString;
    limit: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export declare const searchHit: z.ZodObject<{
    kind: z.ZodEnum<{
        adult: "adult";
        child: "child";
        unborn: "unborn";
    }>;
    dateOfBirth: z.ZodNullable<z.ZodString>;
    givenName: z.ZodNullable<z.ZodString>;
    expectedDate: z.ZodNullable<z.ZodString>;
    familyName: z.ZodString;
    familyId: z.ZodUUID;
    personId: z.ZodUUID;
    familyReference: z.ZodString;
    restricted: z.ZodBoolean;
    addressLine1: z.ZodString;
    town: z.ZodString;
    postcode: z.ZodString;
}, z.core.$strip>;
export type SearchHit = z.infer<typeof searchHit>;
export declare const searchOutput: z.ZodObject<{
    understoodAs: z.ZodArray<z.ZodString>;
    hits: z.ZodArray<z.ZodObject<{
        kind: z.ZodEnum<{
            adult: "adult";
            child: "child";
            unborn: "unborn";
        }>;
        dateOfBirth: z.ZodNullable<z.ZodString>;
        givenName: z.ZodNullable<z.ZodString>;
        expectedDate: z.ZodNullable<z.ZodString>;
        familyName: z.ZodString;
        familyId: z.ZodUUID;
        personId: z.ZodUUID;
        familyReference: z.ZodString;
        restricted: z.ZodBoolean;
        addressLine1: z.ZodString;
        town: z.ZodString;
        postcode: z.ZodString;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type SearchOutput = z.infer<typeof searchOutput>;
export declare const duplicateCheckInput: z.ZodObject<{
    givenName: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    familyName: z.ZodDefault<z.ZodString>;
    dateOfBirth: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    nhsNumber: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    upn: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    postcode: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    excludePersonId: z.ZodDefault<z.ZodNullable<z.ZodUUID>>;
}, z.core.$strip>;
export type DuplicateCheckInput = z.input<typeof duplicateCheckInput>;
export declare const DUPLICATE_BANDS: readonly ["certain", "likely", "possible"];
export type DuplicateBand = (typeof DUPLICATE_BANDS)[number];
export declare const duplicateMatch: z.ZodObject<{
    kind: z.ZodEnum<{
        adult: "adult";
        child: "child";
        unborn: "unborn";
    }>;
    dateOfBirth: z.ZodNullable<z.ZodString>;
    givenName: z.ZodNullable<z.ZodString>;
    expectedDate: z.ZodNullable<z.ZodString>;
    familyName: z.ZodString;
    familyId: z.ZodUUID;
    personId: z.ZodUUID;
    familyReference: z.ZodString;
    restricted: z.ZodBoolean;
    addressLine1: z.ZodString;
    town: z.ZodString;
    postcode: z.ZodString;
    band: z.ZodEnum<{
        certain: "certain";
        likely: "likely";
        possible: "possible";
    }>;
    reason: z.ZodString;
}, z.core.$strip>;
export type DuplicateMatch = z.infer<typeof duplicateMatch>;
export declare const duplicateCheckOutput: z.ZodObject<{
    matches: z.ZodArray<z.ZodObject<{
        kind: z.ZodEnum<{
            adult: "adult";
            child: "child";
            unborn: "unborn";
        }>;
        dateOfBirth: z.ZodNullable<z.ZodString>;
        givenName: z.ZodNullable<z.ZodString>;
        expectedDate: z.ZodNullable<z.ZodString>;
        familyName: z.ZodString;
        familyId: z.ZodUUID;
        personId: z.ZodUUID;
        familyReference: z.ZodString;
        restricted: z.ZodBoolean;
        addressLine1: z.ZodString;
        town: z.ZodString;
        postcode: z.ZodString;
        band: z.ZodEnum<{
            certain: "certain";
            likely: "likely";
            possible: "possible";
        }>;
        reason: z.ZodString;
    }, z.core.$strip>>;
}, z.core.$strip>;
