import { z } from 'zod';
export declare const auditVerification: z.ZodObject<{
    intact: z.ZodBoolean;
    entries: z.ZodNumber;
    problem: z.ZodNullable<z.ZodObject<{
        seq: z.ZodNumber;
        message: z.ZodString;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type AuditVerification = z.infer<typeof auditVerification>;
export declare const AUDIT_ACTIONS: readonly ["create", "update", "delete", "move", "view", "withdraw", "confirm-not-duplicate", "permission-refused", "sign-in", "failed-sign-in", "sign-out", "unlock"];
export declare const auditListInput: z.ZodObject<{
    familyReference: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
    personId: z.ZodDefault<z.ZodNullable<z.ZodUUID>>;
    actor: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
    action: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
        create: "create";
        update: "update";
        delete: "delete";
        move: "move";
        view: "view";
        withdraw: "withdraw";
        "confirm-not-duplicate": "confirm-not-duplicate";
        "permission-refused": "permission-refused";
        "sign-in": "sign-in";
        "failed-sign-in": "failed-sign-in";
        "sign-out": "sign-out";
        unlock: "unlock";
    }>>, unknown>>;
    from: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodISODate>, unknown>>;
    to: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodISODate>, unknown>>;
    beforeSeq: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    limit: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export declare const auditEntry: z.ZodObject<{
    seq: z.ZodNumber;
    at: z.ZodString;
    actor: z.ZodString;
    action: z.ZodString;
    recordType: z.ZodString;
    recordId: z.ZodNullable<z.ZodString>;
    familyId: z.ZodNullable<z.ZodString>;
    familyReference: z.ZodNullable<z.ZodString>;
    changes: z.ZodNullable<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
}, z.core.$strip>;
export type AuditEntry = z.infer<typeof auditEntry>;
export declare const auditListOutput: z.ZodObject<{
    entries: z.ZodArray<z.ZodObject<{
        seq: z.ZodNumber;
        at: z.ZodString;
        actor: z.ZodString;
        action: z.ZodString;
        recordType: z.ZodString;
        recordId: z.ZodNullable<z.ZodString>;
        familyId: z.ZodNullable<z.ZodString>;
        familyReference: z.ZodNullable<z.ZodString>;
        changes: z.ZodNullable<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    }, z.core.$strip>>;
    more: z.ZodBoolean;
}, z.core.$strip>;
/** How each action reads in the audit trail. */
export declare const AUDIT_ACTION_LABELS: Record<(typeof AUDIT_ACTIONS)[number], string>;
