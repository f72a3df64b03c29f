import { z } from 'zod';
export declare const planAction: z.ZodObject<{
    id: z.ZodUUID;
    what: z.ZodPreprocess<z.ZodString, unknown>;
    owner: z.ZodPreprocess<z.ZodOptional<z.ZodString>, unknown> & z.ZodType<string, unknown, z.core.$ZodTypeInternals<string, unknown>>;
    due: z.ZodString;
    status: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
        NOT_STARTED: "NOT_STARTED";
        IN_PROGRESS: "IN_PROGRESS";
        DONE: "DONE";
        NOT_NEEDED: "NOT_NEEDED";
    }>>, unknown>;
}, z.core.$strip>;
export type PlanAction = z.infer<typeof planAction>;
export declare const planOutcome: z.ZodObject<{
    id: z.ZodUUID;
    text: z.ZodPreprocess<z.ZodString, unknown>;
    headline: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
        EDUCATION: "EDUCATION";
        EARLY_YEARS: "EARLY_YEARS";
        HEALTH: "HEALTH";
        SUBSTANCE_USE: "SUBSTANCE_USE";
        RELATIONSHIPS: "RELATIONSHIPS";
        SAFE_FROM_ABUSE: "SAFE_FROM_ABUSE";
        CRIME: "CRIME";
        DOMESTIC_ABUSE: "DOMESTIC_ABUSE";
        HOUSING: "HOUSING";
        FINANCIAL: "FINANCIAL";
    }>>, unknown>;
    peopleIds: z.ZodArray<z.ZodUUID>;
    actions: z.ZodArray<z.ZodObject<{
        id: z.ZodUUID;
        what: z.ZodPreprocess<z.ZodString, unknown>;
        owner: z.ZodPreprocess<z.ZodOptional<z.ZodString>, unknown> & z.ZodType<string, unknown, z.core.$ZodTypeInternals<string, unknown>>;
        due: z.ZodString;
        status: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
            NOT_STARTED: "NOT_STARTED";
            IN_PROGRESS: "IN_PROGRESS";
            DONE: "DONE";
            NOT_NEEDED: "NOT_NEEDED";
        }>>, unknown>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type PlanOutcome = z.infer<typeof planOutcome>;
export declare const savePlanInput: z.ZodObject<{
    episodeId: z.ZodUUID;
    version: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    agreedOn: z.ZodString;
    outcomes: z.ZodArray<z.ZodObject<{
        id: z.ZodUUID;
        text: z.ZodPreprocess<z.ZodString, unknown>;
        headline: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
            EDUCATION: "EDUCATION";
            EARLY_YEARS: "EARLY_YEARS";
            HEALTH: "HEALTH";
            SUBSTANCE_USE: "SUBSTANCE_USE";
            RELATIONSHIPS: "RELATIONSHIPS";
            SAFE_FROM_ABUSE: "SAFE_FROM_ABUSE";
            CRIME: "CRIME";
            DOMESTIC_ABUSE: "DOMESTIC_ABUSE";
            HOUSING: "HOUSING";
            FINANCIAL: "FINANCIAL";
        }>>, unknown>;
        peopleIds: z.ZodArray<z.ZodUUID>;
        actions: z.ZodArray<z.ZodObject<{
            id: z.ZodUUID;
            what: z.ZodPreprocess<z.ZodString, unknown>;
            owner: z.ZodPreprocess<z.ZodOptional<z.ZodString>, unknown> & z.ZodType<string, unknown, z.core.$ZodTypeInternals<string, unknown>>;
            due: z.ZodString;
            status: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                NOT_STARTED: "NOT_STARTED";
                IN_PROGRESS: "IN_PROGRESS";
                DONE: "DONE";
                NOT_NEEDED: "NOT_NEEDED";
            }>>, unknown>;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
    draftKey: z.ZodDefault<z.ZodNullable<z.ZodString>>;
}, z.core.$strip>;
export declare const planRecord: z.ZodObject<{
    id: z.ZodUUID;
    agreedOn: z.ZodString;
    outcomes: z.ZodArray<z.ZodObject<{
        id: z.ZodUUID;
        text: z.ZodPreprocess<z.ZodString, unknown>;
        headline: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
            EDUCATION: "EDUCATION";
            EARLY_YEARS: "EARLY_YEARS";
            HEALTH: "HEALTH";
            SUBSTANCE_USE: "SUBSTANCE_USE";
            RELATIONSHIPS: "RELATIONSHIPS";
            SAFE_FROM_ABUSE: "SAFE_FROM_ABUSE";
            CRIME: "CRIME";
            DOMESTIC_ABUSE: "DOMESTIC_ABUSE";
            HOUSING: "HOUSING";
            FINANCIAL: "FINANCIAL";
        }>>, unknown>;
        peopleIds: z.ZodArray<z.ZodUUID>;
        actions: z.ZodArray<z.ZodObject<{
            id: z.ZodUUID;
            what: z.ZodPreprocess<z.ZodString, unknown>;
            owner: z.ZodPreprocess<z.ZodOptional<z.ZodString>, unknown> & z.ZodType<string, unknown, z.core.$ZodTypeInternals<string, unknown>>;
            due: z.ZodString;
            status: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                NOT_STARTED: "NOT_STARTED";
                IN_PROGRESS: "IN_PROGRESS";
                DONE: "DONE";
                NOT_NEEDED: "NOT_NEEDED";
            }>>, unknown>;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
    updatedBy: z.ZodString;
    updatedAt: z.ZodString;
    version: z.ZodNumber;
}, z.core.$strip>;
export type PlanRecord = z.infer<typeof planRecord>;
export declare const addReviewInput: z.ZodObject<{
    episodeId: z.ZodUUID;
    planVersion: z.ZodNumber;
    heldOn: z.ZodString;
    attendees: z.ZodDefault<z.ZodArray<z.ZodString>>;
    otherAttendees: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
    scores: z.ZodArray<z.ZodObject<{
        outcomeId: z.ZodUUID;
        score: z.ZodPreprocess<z.ZodNumber, unknown>;
        comment: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
    }, z.core.$strip>>;
    actions: z.ZodDefault<z.ZodArray<z.ZodObject<{
        id: z.ZodUUID;
        status: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
            NOT_STARTED: "NOT_STARTED";
            IN_PROGRESS: "IN_PROGRESS";
            DONE: "DONE";
            NOT_NEEDED: "NOT_NEEDED";
        }>>, unknown>;
    }, z.core.$strip>>>;
    nextReviewOn: z.ZodString;
    draftKey: z.ZodDefault<z.ZodNullable<z.ZodString>>;
}, z.core.$strip>;
export declare const reviewRecord: z.ZodObject<{
    id: z.ZodUUID;
    heldOn: z.ZodString;
    attendees: z.ZodArray<z.ZodString>;
    otherAttendees: z.ZodNullable<z.ZodString>;
    scores: z.ZodArray<z.ZodObject<{
        outcomeId: z.ZodUUID;
        score: z.ZodNumber;
        comment: z.ZodNullable<z.ZodString>;
    }, z.core.$strip>>;
    nextReviewOn: z.ZodString;
    recordedBy: z.ZodString;
}, z.core.$strip>;
export type ReviewRecord = z.infer<typeof reviewRecord>;
