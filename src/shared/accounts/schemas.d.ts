import { z } from 'zod';
export declare const MIN_PASSWORD_LENGTH = 12;
export declare const usernameField: z.ZodPreprocess<z.ZodString, unknown>;
/** A new password: long enough here; the core also refuses common ones. */
export declare const newPasswordField: z.ZodString;
export declare const signInInput: z.ZodObject<{
    username: z.ZodPreprocess<z.ZodString, unknown>;
    password: z.ZodString;
}, z.core.$strip>;
export declare const unlockInput: z.ZodObject<{
    password: z.ZodString;
}, z.core.$strip>;
export declare const changePasswordInput: z.ZodObject<{
    currentPassword: z.ZodString;
    newPassword: z.ZodString;
    confirmPassword: z.ZodString;
}, z.core.$strip>;
export declare const setupInput: z.ZodObject<{
    hubName: z.ZodPreprocess<z.ZodString, unknown>;
    hubCode: z.ZodPreprocess<z.ZodOptional<z.ZodString>, unknown> & z.ZodType<string, unknown, z.core.$ZodTypeInternals<string, unknown>>;
    localAuthorityCode: z.ZodPreprocess<z.ZodString, unknown>;
    displayName: z.ZodPreprocess<z.ZodString, unknown>;
    username: z.ZodPreprocess<z.ZodString, unknown>;
    password: z.ZodString;
    confirmPassword: z.ZodString;
}, z.core.$strip>;
export declare const sessionUser: z.ZodObject<{
    id: z.ZodUUID;
    username: z.ZodString;
    displayName: z.ZodString;
    role: z.ZodEnum<{
        reception: "reception";
        practitioner: "practitioner";
        manager: "manager";
        admin: "admin";
    }>;
    mustChangePassword: z.ZodBoolean;
}, z.core.$strip>;
export type SessionUser = z.infer<typeof sessionUser>;
export declare const authStatus: z.ZodObject<{
    needsSetup: z.ZodBoolean;
    user: z.ZodNullable<z.ZodObject<{
        id: z.ZodUUID;
        username: z.ZodString;
        displayName: z.ZodString;
        role: z.ZodEnum<{
            reception: "reception";
            practitioner: "practitioner";
            manager: "manager";
            admin: "admin";
        }>;
        mustChangePassword: z.ZodBoolean;
    }, z.core.$strip>>;
    locked: z.ZodBoolean;
    idleLockMinutes: z.ZodNumber;
}, z.core.$strip>;
export type AuthStatus = z.infer<typeof authStatus>;
export declare const userRecord: z.ZodObject<{
    id: z.ZodUUID;
    username: z.ZodString;
    displayName: z.ZodString;
    role: z.ZodEnum<{
        reception: "reception";
        practitioner: "practitioner";
        manager: "manager";
        admin: "admin";
    }>;
    mustChangePassword: z.ZodBoolean;
    disabled: z.ZodBoolean;
    lockedUntil: z.ZodNullable<z.ZodString>;
    lastSignInAt: z.ZodNullable<z.ZodString>;
    version: z.ZodNumber;
}, z.core.$strip>;
export type UserRecord = z.infer<typeof userRecord>;
export declare const createUserInput: z.ZodObject<{
    displayName: z.ZodPreprocess<z.ZodString, unknown>;
    username: z.ZodPreprocess<z.ZodString, unknown>;
    role: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
        reception: "reception";
        practitioner: "practitioner";
        manager: "manager";
        admin: "admin";
    }>>, unknown>;
    temporaryPassword: z.ZodString;
}, z.core.$strip>;
export declare const setUserDisabledInput: z.ZodObject<{
    id: z.ZodUUID;
    version: z.ZodNumber;
    disabled: z.ZodBoolean;
}, z.core.$strip>;
export declare const resetPasswordInput: z.ZodObject<{
    id: z.ZodUUID;
    version: z.ZodNumber;
    temporaryPassword: z.ZodString;
}, z.core.$strip>;
