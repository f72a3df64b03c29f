import { z } from 'zod';
import type { Result } from './result';
import { type Permission } from './roles';
export { PERMISSIONS, type Permission } from './roles';
export interface ChannelSpec {
    readonly input: z.ZodType;
    readonly output: z.ZodType;
    readonly permission: Permission;
}
export declare const familyView: z.ZodObject<{
    family: z.ZodObject<{
        addressLine1: z.ZodPreprocess<z.ZodString, unknown>;
        addressLine2: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
        town: z.ZodPreprocess<z.ZodString, unknown>;
        phone: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
        email: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEmail>, unknown>>;
        mainLanguage: z.ZodPreprocess<z.ZodString, unknown>;
        interpreterNeeded: z.ZodDefault<z.ZodBoolean>;
        heardAbout: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
            HEALTH_VISITOR: "HEALTH_VISITOR";
            SCHOOL: "SCHOOL";
            GP: "GP";
            FRIEND_FAMILY: "FRIEND_FAMILY";
            PROFESSIONAL: "PROFESSIONAL";
            ONLINE: "ONLINE";
            WALKED_IN: "WALKED_IN";
            OTHER: "OTHER";
        }>>, unknown>>;
        id: z.ZodUUID;
        reference: z.ZodString;
        postcode: z.ZodString;
        registeredAt: z.ZodISODateTime;
        registeredBy: z.ZodString;
        restricted: z.ZodBoolean;
        version: z.ZodNumber;
        updatedAt: z.ZodISODateTime;
    }, z.core.$strip>;
    members: z.ZodArray<z.ZodObject<{
        id: z.ZodUUID;
        familyId: z.ZodUUID;
        kind: z.ZodEnum<{
            adult: "adult";
            child: "child";
            unborn: "unborn";
        }>;
        givenName: z.ZodNullable<z.ZodString>;
        familyName: z.ZodString;
        dateOfBirth: z.ZodNullable<z.ZodString>;
        expectedDate: z.ZodNullable<z.ZodString>;
        sex: z.ZodNullable<z.ZodString>;
        ethnicity: z.ZodNullable<z.ZodString>;
        nhsNumber: z.ZodNullable<z.ZodString>;
        upn: z.ZodNullable<z.ZodString>;
        disabilities: z.ZodArray<z.ZodString>;
        school: z.ZodNullable<z.ZodString>;
        gpPractice: z.ZodNullable<z.ZodString>;
        relationship: z.ZodNullable<z.ZodString>;
        parentalResponsibility: z.ZodNullable<z.ZodBoolean>;
        version: z.ZodNumber;
        updatedAt: z.ZodISODateTime;
    }, z.core.$strip>>;
    consents: z.ZodArray<z.ZodObject<{
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
    }, z.core.$strip>>;
    allowedUsers: z.ZodArray<z.ZodObject<{
        id: z.ZodUUID;
        displayName: z.ZodString;
    }, z.core.$strip>>;
    openEpisode: z.ZodNullable<z.ZodObject<{
        version: z.ZodNumber;
        id: z.ZodUUID;
        status: z.ZodEnum<{
            open: "open";
            closing: "closing";
            closed: "closed";
        }>;
        openedOn: z.ZodString;
        headlines: z.ZodArray<z.ZodString>;
        leadName: z.ZodString;
    }, z.core.$strip>>;
    pastEpisodes: z.ZodArray<z.ZodObject<{
        id: z.ZodUUID;
        openedOn: z.ZodString;
        closedOn: z.ZodNullable<z.ZodString>;
        version: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type FamilyView = z.infer<typeof familyView>;
export declare const contract: {
    readonly 'auth.status': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{
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
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'auth.setUp': {
        readonly input: z.ZodObject<{
            hubName: z.ZodPreprocess<z.ZodString, unknown>;
            hubCode: z.ZodPreprocess<z.ZodOptional<z.ZodString>, unknown> & z.ZodType<string, unknown, z.core.$ZodTypeInternals<string, unknown>>;
            localAuthorityCode: z.ZodPreprocess<z.ZodString, unknown>;
            displayName: z.ZodPreprocess<z.ZodString, unknown>;
            username: z.ZodPreprocess<z.ZodString, unknown>;
            password: z.ZodString;
            confirmPassword: z.ZodString;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
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
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'auth.signIn': {
        readonly input: z.ZodObject<{
            username: z.ZodPreprocess<z.ZodString, unknown>;
            password: z.ZodString;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
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
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'auth.signOut': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{}, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'auth.lock': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{}, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'auth.unlock': {
        readonly input: z.ZodObject<{
            password: z.ZodString;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
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
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'auth.changePassword': {
        readonly input: z.ZodObject<{
            currentPassword: z.ZodString;
            newPassword: z.ZodString;
            confirmPassword: z.ZodString;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
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
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'users.list': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{
            users: z.ZodArray<z.ZodObject<{
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
            }, z.core.$strip>>;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'users.directory': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{
            users: z.ZodArray<z.ZodObject<{
                id: z.ZodUUID;
                displayName: z.ZodString;
                role: z.ZodEnum<{
                    reception: "reception";
                    practitioner: "practitioner";
                    manager: "manager";
                    admin: "admin";
                }>;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'users.create': {
        readonly input: z.ZodObject<{
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
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'users.setDisabled': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
            disabled: z.ZodBoolean;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'users.resetPassword': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
            temporaryPassword: z.ZodString;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'hub.get': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{
            name: z.ZodString;
            code: z.ZodString;
            localAuthorityCode: z.ZodString;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'hub.settings': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{
            name: z.ZodString;
            code: z.ZodString;
            localAuthorityCode: z.ZodString;
            idleLockMinutes: z.ZodNumber;
            closureNeedsApproval: z.ZodBoolean;
            reviewWeeks: z.ZodNumber;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'hub.update': {
        readonly input: z.ZodObject<{
            version: z.ZodNumber;
            name: z.ZodPreprocess<z.ZodString, unknown>;
            localAuthorityCode: z.ZodPreprocess<z.ZodString, unknown>;
            idleLockMinutes: z.ZodCoercedNumber<unknown>;
            closureNeedsApproval: z.ZodBoolean;
            reviewWeeks: z.ZodCoercedNumber<unknown>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'people.search': {
        readonly input: z.ZodObject<{
            text: z.ZodString;
            limit: z.ZodDefault<z.ZodNumber>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
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
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'people.checkDuplicates': {
        readonly input: z.ZodObject<{
            givenName: z.ZodDefault<z.ZodNullable<z.ZodString>>;
            familyName: z.ZodDefault<z.ZodString>;
            dateOfBirth: z.ZodDefault<z.ZodNullable<z.ZodString>>;
            nhsNumber: z.ZodDefault<z.ZodNullable<z.ZodString>>;
            upn: z.ZodDefault<z.ZodNullable<z.ZodString>>;
            postcode: z.ZodDefault<z.ZodNullable<z.ZodString>>;
            excludePersonId: z.ZodDefault<z.ZodNullable<z.ZodUUID>>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
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
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'families.register': {
        readonly input: z.ZodObject<{
            family: z.ZodObject<{
                addressLine1: z.ZodPreprocess<z.ZodString, unknown>;
                addressLine2: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                town: z.ZodPreprocess<z.ZodString, unknown>;
                postcode: z.ZodPreprocess<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>, unknown>;
                phone: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                email: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEmail>, unknown>>;
                mainLanguage: z.ZodPreprocess<z.ZodString, unknown>;
                interpreterNeeded: z.ZodDefault<z.ZodBoolean>;
                heardAbout: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                    HEALTH_VISITOR: "HEALTH_VISITOR";
                    SCHOOL: "SCHOOL";
                    GP: "GP";
                    FRIEND_FAMILY: "FRIEND_FAMILY";
                    PROFESSIONAL: "PROFESSIONAL";
                    ONLINE: "ONLINE";
                    WALKED_IN: "WALKED_IN";
                    OTHER: "OTHER";
                }>>, unknown>>;
            }, z.core.$strip>;
            members: z.ZodArray<z.ZodObject<{
                member: z.ZodDiscriminatedUnion<[z.ZodObject<{
                    dateOfBirth: z.ZodString;
                    sex: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                        F: "F";
                        M: "M";
                        U: "U";
                    }>>, unknown>;
                    ethnicity: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                        WBRI: "WBRI";
                        WIRI: "WIRI";
                        WIRT: "WIRT";
                        WOTH: "WOTH";
                        WROM: "WROM";
                        MWBC: "MWBC";
                        MWBA: "MWBA";
                        MWAS: "MWAS";
                        MOTH: "MOTH";
                        AIND: "AIND";
                        APKN: "APKN";
                        ABAN: "ABAN";
                        AOTH: "AOTH";
                        BCRB: "BCRB";
                        BAFR: "BAFR";
                        BOTH: "BOTH";
                        CHNE: "CHNE";
                        OOTH: "OOTH";
                        REFU: "REFU";
                        NOBT: "NOBT";
                    }>>, unknown>;
                    relationship: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                        PARENT_CARER: "PARENT_CARER";
                        OTHER_ADULT: "OTHER_ADULT";
                    }>>, unknown>;
                    parentalResponsibility: z.ZodDefault<z.ZodBoolean>;
                    givenName: z.ZodPreprocess<z.ZodString, unknown>;
                    familyName: z.ZodPreprocess<z.ZodString, unknown>;
                    nhsNumber: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                    disabilities: z.ZodDefault<z.ZodArray<z.ZodEnum<{
                        NONE: "NONE";
                        MOB: "MOB";
                        HAND: "HAND";
                        PC: "PC";
                        INC: "INC";
                        COMM: "COMM";
                        LD: "LD";
                        HEAR: "HEAR";
                        VIS: "VIS";
                        BEH: "BEH";
                        CON: "CON";
                        AUT: "AUT";
                        DDA: "DDA";
                    }>>>;
                    gpPractice: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                    kind: z.ZodLiteral<"adult">;
                }, z.core.$strip>, z.ZodObject<{
                    dateOfBirth: z.ZodString;
                    sex: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                        F: "F";
                        M: "M";
                        U: "U";
                    }>>, unknown>;
                    ethnicity: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                        WBRI: "WBRI";
                        WIRI: "WIRI";
                        WIRT: "WIRT";
                        WOTH: "WOTH";
                        WROM: "WROM";
                        MWBC: "MWBC";
                        MWBA: "MWBA";
                        MWAS: "MWAS";
                        MOTH: "MOTH";
                        AIND: "AIND";
                        APKN: "APKN";
                        ABAN: "ABAN";
                        AOTH: "AOTH";
                        BCRB: "BCRB";
                        BAFR: "BAFR";
                        BOTH: "BOTH";
                        CHNE: "CHNE";
                        OOTH: "OOTH";
                        REFU: "REFU";
                        NOBT: "NOBT";
                    }>>, unknown>;
                    upn: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                    school: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                    givenName: z.ZodPreprocess<z.ZodString, unknown>;
                    familyName: z.ZodPreprocess<z.ZodString, unknown>;
                    nhsNumber: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                    disabilities: z.ZodDefault<z.ZodArray<z.ZodEnum<{
                        NONE: "NONE";
                        MOB: "MOB";
                        HAND: "HAND";
                        PC: "PC";
                        INC: "INC";
                        COMM: "COMM";
                        LD: "LD";
                        HEAR: "HEAR";
                        VIS: "VIS";
                        BEH: "BEH";
                        CON: "CON";
                        AUT: "AUT";
                        DDA: "DDA";
                    }>>>;
                    gpPractice: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                    kind: z.ZodLiteral<"child">;
                }, z.core.$strip>, z.ZodObject<{
                    givenName: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                    expectedDate: z.ZodString;
                    sex: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                        F: "F";
                        M: "M";
                        U: "U";
                    }>>, unknown>>;
                    ethnicity: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                        WBRI: "WBRI";
                        WIRI: "WIRI";
                        WIRT: "WIRT";
                        WOTH: "WOTH";
                        WROM: "WROM";
                        MWBC: "MWBC";
                        MWBA: "MWBA";
                        MWAS: "MWAS";
                        MOTH: "MOTH";
                        AIND: "AIND";
                        APKN: "APKN";
                        ABAN: "ABAN";
                        AOTH: "AOTH";
                        BCRB: "BCRB";
                        BAFR: "BAFR";
                        BOTH: "BOTH";
                        CHNE: "CHNE";
                        OOTH: "OOTH";
                        REFU: "REFU";
                        NOBT: "NOBT";
                    }>>, unknown>>;
                    familyName: z.ZodPreprocess<z.ZodString, unknown>;
                    nhsNumber: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                    disabilities: z.ZodDefault<z.ZodArray<z.ZodEnum<{
                        NONE: "NONE";
                        MOB: "MOB";
                        HAND: "HAND";
                        PC: "PC";
                        INC: "INC";
                        COMM: "COMM";
                        LD: "LD";
                        HEAR: "HEAR";
                        VIS: "VIS";
                        BEH: "BEH";
                        CON: "CON";
                        AUT: "AUT";
                        DDA: "DDA";
                    }>>>;
                    gpPractice: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                    kind: z.ZodLiteral<"unborn">;
                }, z.core.$strip>], "kind">;
                notDuplicateOf: z.ZodDefault<z.ZodArray<z.ZodUUID>>;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            reference: z.ZodString;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'families.get': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            family: z.ZodObject<{
                addressLine1: z.ZodPreprocess<z.ZodString, unknown>;
                addressLine2: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                town: z.ZodPreprocess<z.ZodString, unknown>;
                phone: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                email: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEmail>, unknown>>;
                mainLanguage: z.ZodPreprocess<z.ZodString, unknown>;
                interpreterNeeded: z.ZodDefault<z.ZodBoolean>;
                heardAbout: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                    HEALTH_VISITOR: "HEALTH_VISITOR";
                    SCHOOL: "SCHOOL";
                    GP: "GP";
                    FRIEND_FAMILY: "FRIEND_FAMILY";
                    PROFESSIONAL: "PROFESSIONAL";
                    ONLINE: "ONLINE";
                    WALKED_IN: "WALKED_IN";
                    OTHER: "OTHER";
                }>>, unknown>>;
                id: z.ZodUUID;
                reference: z.ZodString;
                postcode: z.ZodString;
                registeredAt: z.ZodISODateTime;
                registeredBy: z.ZodString;
                restricted: z.ZodBoolean;
                version: z.ZodNumber;
                updatedAt: z.ZodISODateTime;
            }, z.core.$strip>;
            members: z.ZodArray<z.ZodObject<{
                id: z.ZodUUID;
                familyId: z.ZodUUID;
                kind: z.ZodEnum<{
                    adult: "adult";
                    child: "child";
                    unborn: "unborn";
                }>;
                givenName: z.ZodNullable<z.ZodString>;
                familyName: z.ZodString;
                dateOfBirth: z.ZodNullable<z.ZodString>;
                expectedDate: z.ZodNullable<z.ZodString>;
                sex: z.ZodNullable<z.ZodString>;
                ethnicity: z.ZodNullable<z.ZodString>;
                nhsNumber: z.ZodNullable<z.ZodString>;
                upn: z.ZodNullable<z.ZodString>;
                disabilities: z.ZodArray<z.ZodString>;
                school: z.ZodNullable<z.ZodString>;
                gpPractice: z.ZodNullable<z.ZodString>;
                relationship: z.ZodNullable<z.ZodString>;
                parentalResponsibility: z.ZodNullable<z.ZodBoolean>;
                version: z.ZodNumber;
                updatedAt: z.ZodISODateTime;
            }, z.core.$strip>>;
            consents: z.ZodArray<z.ZodObject<{
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
            }, z.core.$strip>>;
            allowedUsers: z.ZodArray<z.ZodObject<{
                id: z.ZodUUID;
                displayName: z.ZodString;
            }, z.core.$strip>>;
            openEpisode: z.ZodNullable<z.ZodObject<{
                version: z.ZodNumber;
                id: z.ZodUUID;
                status: z.ZodEnum<{
                    open: "open";
                    closing: "closing";
                    closed: "closed";
                }>;
                openedOn: z.ZodString;
                headlines: z.ZodArray<z.ZodString>;
                leadName: z.ZodString;
            }, z.core.$strip>>;
            pastEpisodes: z.ZodArray<z.ZodObject<{
                id: z.ZodUUID;
                openedOn: z.ZodString;
                closedOn: z.ZodNullable<z.ZodString>;
                version: z.ZodNumber;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'families.update': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
            family: z.ZodObject<{
                addressLine1: z.ZodPreprocess<z.ZodString, unknown>;
                addressLine2: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                town: z.ZodPreprocess<z.ZodString, unknown>;
                postcode: z.ZodPreprocess<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>, unknown>;
                phone: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                email: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEmail>, unknown>>;
                mainLanguage: z.ZodPreprocess<z.ZodString, unknown>;
                interpreterNeeded: z.ZodDefault<z.ZodBoolean>;
                heardAbout: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                    HEALTH_VISITOR: "HEALTH_VISITOR";
                    SCHOOL: "SCHOOL";
                    GP: "GP";
                    FRIEND_FAMILY: "FRIEND_FAMILY";
                    PROFESSIONAL: "PROFESSIONAL";
                    ONLINE: "ONLINE";
                    WALKED_IN: "WALKED_IN";
                    OTHER: "OTHER";
                }>>, unknown>>;
            }, z.core.$strip>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'families.setRestriction': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
            restricted: z.ZodBoolean;
            allowedUserIds: z.ZodDefault<z.ZodArray<z.ZodUUID>>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'families.addMember': {
        readonly input: z.ZodObject<{
            familyId: z.ZodUUID;
            member: z.ZodDiscriminatedUnion<[z.ZodObject<{
                dateOfBirth: z.ZodString;
                sex: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                    F: "F";
                    M: "M";
                    U: "U";
                }>>, unknown>;
                ethnicity: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                    WBRI: "WBRI";
                    WIRI: "WIRI";
                    WIRT: "WIRT";
                    WOTH: "WOTH";
                    WROM: "WROM";
                    MWBC: "MWBC";
                    MWBA: "MWBA";
                    MWAS: "MWAS";
                    MOTH: "MOTH";
                    AIND: "AIND";
                    APKN: "APKN";
                    ABAN: "ABAN";
                    AOTH: "AOTH";
                    BCRB: "BCRB";
                    BAFR: "BAFR";
                    BOTH: "BOTH";
                    CHNE: "CHNE";
                    OOTH: "OOTH";
                    REFU: "REFU";
                    NOBT: "NOBT";
                }>>, unknown>;
                relationship: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                    PARENT_CARER: "PARENT_CARER";
                    OTHER_ADULT: "OTHER_ADULT";
                }>>, unknown>;
                parentalResponsibility: z.ZodDefault<z.ZodBoolean>;
                givenName: z.ZodPreprocess<z.ZodString, unknown>;
                familyName: z.ZodPreprocess<z.ZodString, unknown>;
                nhsNumber: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                disabilities: z.ZodDefault<z.ZodArray<z.ZodEnum<{
                    NONE: "NONE";
                    MOB: "MOB";
                    HAND: "HAND";
                    PC: "PC";
                    INC: "INC";
                    COMM: "COMM";
                    LD: "LD";
                    HEAR: "HEAR";
                    VIS: "VIS";
                    BEH: "BEH";
                    CON: "CON";
                    AUT: "AUT";
                    DDA: "DDA";
                }>>>;
                gpPractice: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                kind: z.ZodLiteral<"adult">;
            }, z.core.$strip>, z.ZodObject<{
                dateOfBirth: z.ZodString;
                sex: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                    F: "F";
                    M: "M";
                    U: "U";
                }>>, unknown>;
                ethnicity: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                    WBRI: "WBRI";
                    WIRI: "WIRI";
                    WIRT: "WIRT";
                    WOTH: "WOTH";
                    WROM: "WROM";
                    MWBC: "MWBC";
                    MWBA: "MWBA";
                    MWAS: "MWAS";
                    MOTH: "MOTH";
                    AIND: "AIND";
                    APKN: "APKN";
                    ABAN: "ABAN";
                    AOTH: "AOTH";
                    BCRB: "BCRB";
                    BAFR: "BAFR";
                    BOTH: "BOTH";
                    CHNE: "CHNE";
                    OOTH: "OOTH";
                    REFU: "REFU";
                    NOBT: "NOBT";
                }>>, unknown>;
                upn: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                school: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                givenName: z.ZodPreprocess<z.ZodString, unknown>;
                familyName: z.ZodPreprocess<z.ZodString, unknown>;
                nhsNumber: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                disabilities: z.ZodDefault<z.ZodArray<z.ZodEnum<{
                    NONE: "NONE";
                    MOB: "MOB";
                    HAND: "HAND";
                    PC: "PC";
                    INC: "INC";
                    COMM: "COMM";
                    LD: "LD";
                    HEAR: "HEAR";
                    VIS: "VIS";
                    BEH: "BEH";
                    CON: "CON";
                    AUT: "AUT";
                    DDA: "DDA";
                }>>>;
                gpPractice: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                kind: z.ZodLiteral<"child">;
            }, z.core.$strip>, z.ZodObject<{
                givenName: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                expectedDate: z.ZodString;
                sex: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                    F: "F";
                    M: "M";
                    U: "U";
                }>>, unknown>>;
                ethnicity: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                    WBRI: "WBRI";
                    WIRI: "WIRI";
                    WIRT: "WIRT";
                    WOTH: "WOTH";
                    WROM: "WROM";
                    MWBC: "MWBC";
                    MWBA: "MWBA";
                    MWAS: "MWAS";
                    MOTH: "MOTH";
                    AIND: "AIND";
                    APKN: "APKN";
                    ABAN: "ABAN";
                    AOTH: "AOTH";
                    BCRB: "BCRB";
                    BAFR: "BAFR";
                    BOTH: "BOTH";
                    CHNE: "CHNE";
                    OOTH: "OOTH";
                    REFU: "REFU";
                    NOBT: "NOBT";
                }>>, unknown>>;
                familyName: z.ZodPreprocess<z.ZodString, unknown>;
                nhsNumber: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                disabilities: z.ZodDefault<z.ZodArray<z.ZodEnum<{
                    NONE: "NONE";
                    MOB: "MOB";
                    HAND: "HAND";
                    PC: "PC";
                    INC: "INC";
                    COMM: "COMM";
                    LD: "LD";
                    HEAR: "HEAR";
                    VIS: "VIS";
                    BEH: "BEH";
                    CON: "CON";
                    AUT: "AUT";
                    DDA: "DDA";
                }>>>;
                gpPractice: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                kind: z.ZodLiteral<"unborn">;
            }, z.core.$strip>], "kind">;
            notDuplicateOf: z.ZodDefault<z.ZodArray<z.ZodUUID>>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'people.update': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
            member: z.ZodDiscriminatedUnion<[z.ZodObject<{
                dateOfBirth: z.ZodString;
                sex: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                    F: "F";
                    M: "M";
                    U: "U";
                }>>, unknown>;
                ethnicity: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                    WBRI: "WBRI";
                    WIRI: "WIRI";
                    WIRT: "WIRT";
                    WOTH: "WOTH";
                    WROM: "WROM";
                    MWBC: "MWBC";
                    MWBA: "MWBA";
                    MWAS: "MWAS";
                    MOTH: "MOTH";
                    AIND: "AIND";
                    APKN: "APKN";
                    ABAN: "ABAN";
                    AOTH: "AOTH";
                    BCRB: "BCRB";
                    BAFR: "BAFR";
                    BOTH: "BOTH";
                    CHNE: "CHNE";
                    OOTH: "OOTH";
                    REFU: "REFU";
                    NOBT: "NOBT";
                }>>, unknown>;
                relationship: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                    PARENT_CARER: "PARENT_CARER";
                    OTHER_ADULT: "OTHER_ADULT";
                }>>, unknown>;
                parentalResponsibility: z.ZodDefault<z.ZodBoolean>;
                givenName: z.ZodPreprocess<z.ZodString, unknown>;
                familyName: z.ZodPreprocess<z.ZodString, unknown>;
                nhsNumber: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                disabilities: z.ZodDefault<z.ZodArray<z.ZodEnum<{
                    NONE: "NONE";
                    MOB: "MOB";
                    HAND: "HAND";
                    PC: "PC";
                    INC: "INC";
                    COMM: "COMM";
                    LD: "LD";
                    HEAR: "HEAR";
                    VIS: "VIS";
                    BEH: "BEH";
                    CON: "CON";
                    AUT: "AUT";
                    DDA: "DDA";
                }>>>;
                gpPractice: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                kind: z.ZodLiteral<"adult">;
            }, z.core.$strip>, z.ZodObject<{
                dateOfBirth: z.ZodString;
                sex: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                    F: "F";
                    M: "M";
                    U: "U";
                }>>, unknown>;
                ethnicity: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                    WBRI: "WBRI";
                    WIRI: "WIRI";
                    WIRT: "WIRT";
                    WOTH: "WOTH";
                    WROM: "WROM";
                    MWBC: "MWBC";
                    MWBA: "MWBA";
                    MWAS: "MWAS";
                    MOTH: "MOTH";
                    AIND: "AIND";
                    APKN: "APKN";
                    ABAN: "ABAN";
                    AOTH: "AOTH";
                    BCRB: "BCRB";
                    BAFR: "BAFR";
                    BOTH: "BOTH";
                    CHNE: "CHNE";
                    OOTH: "OOTH";
                    REFU: "REFU";
                    NOBT: "NOBT";
                }>>, unknown>;
                upn: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                school: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                givenName: z.ZodPreprocess<z.ZodString, unknown>;
                familyName: z.ZodPreprocess<z.ZodString, unknown>;
                nhsNumber: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                disabilities: z.ZodDefault<z.ZodArray<z.ZodEnum<{
                    NONE: "NONE";
                    MOB: "MOB";
                    HAND: "HAND";
                    PC: "PC";
                    INC: "INC";
                    COMM: "COMM";
                    LD: "LD";
                    HEAR: "HEAR";
                    VIS: "VIS";
                    BEH: "BEH";
                    CON: "CON";
                    AUT: "AUT";
                    DDA: "DDA";
                }>>>;
                gpPractice: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                kind: z.ZodLiteral<"child">;
            }, z.core.$strip>, z.ZodObject<{
                givenName: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                expectedDate: z.ZodString;
                sex: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                    F: "F";
                    M: "M";
                    U: "U";
                }>>, unknown>>;
                ethnicity: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                    WBRI: "WBRI";
                    WIRI: "WIRI";
                    WIRT: "WIRT";
                    WOTH: "WOTH";
                    WROM: "WROM";
                    MWBC: "MWBC";
                    MWBA: "MWBA";
                    MWAS: "MWAS";
                    MOTH: "MOTH";
                    AIND: "AIND";
                    APKN: "APKN";
                    ABAN: "ABAN";
                    AOTH: "AOTH";
                    BCRB: "BCRB";
                    BAFR: "BAFR";
                    BOTH: "BOTH";
                    CHNE: "CHNE";
                    OOTH: "OOTH";
                    REFU: "REFU";
                    NOBT: "NOBT";
                }>>, unknown>>;
                familyName: z.ZodPreprocess<z.ZodString, unknown>;
                nhsNumber: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>, unknown>>;
                disabilities: z.ZodDefault<z.ZodArray<z.ZodEnum<{
                    NONE: "NONE";
                    MOB: "MOB";
                    HAND: "HAND";
                    PC: "PC";
                    INC: "INC";
                    COMM: "COMM";
                    LD: "LD";
                    HEAR: "HEAR";
                    VIS: "VIS";
                    BEH: "BEH";
                    CON: "CON";
                    AUT: "AUT";
                    DDA: "DDA";
                }>>>;
                gpPractice: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                kind: z.ZodLiteral<"unborn">;
            }, z.core.$strip>], "kind">;
            notDuplicateOf: z.ZodDefault<z.ZodArray<z.ZodUUID>>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'people.move': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
            toFamilyReference: z.ZodString;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
            familyId: z.ZodUUID;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'consent.record': {
        readonly input: z.ZodObject<{
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
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'consent.withdraw': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'episodes.leads': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{
            users: z.ZodArray<z.ZodObject<{
                id: z.ZodUUID;
                displayName: z.ZodString;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'episodes.open': {
        readonly input: z.ZodObject<{
            familyId: z.ZodUUID;
            openedOn: z.ZodString;
            leadUserId: z.ZodUUID;
            reason: z.ZodPreprocess<z.ZodString, unknown>;
            headlines: z.ZodArray<z.ZodEnum<{
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
            }>>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'episodes.get': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            familyId: z.ZodUUID;
            status: z.ZodEnum<{
                open: "open";
                closing: "closing";
                closed: "closed";
            }>;
            closedOn: z.ZodNullable<z.ZodString>;
            closure: z.ZodNullable<z.ZodObject<{
                reason: z.ZodString;
                note: z.ZodNullable<z.ZodString>;
                outcomes: z.ZodRecord<z.ZodString, z.ZodString>;
                familyView: z.ZodString;
                stepUpOn: z.ZodNullable<z.ZodString>;
                requestedBy: z.ZodString;
                approvedBy: z.ZodNullable<z.ZodString>;
            }, z.core.$strip>>;
            openedOn: z.ZodString;
            leadUserId: z.ZodUUID;
            leadName: z.ZodString;
            reason: z.ZodString;
            headlines: z.ZodArray<z.ZodString>;
            version: z.ZodNumber;
            team: z.ZodArray<z.ZodObject<{
                id: z.ZodUUID;
                name: z.ZodString;
                agency: z.ZodString;
                role: z.ZodString;
                phone: z.ZodNullable<z.ZodString>;
                email: z.ZodNullable<z.ZodString>;
                version: z.ZodNumber;
            }, z.core.$strip>>;
            assessment: z.ZodNullable<z.ZodObject<{
                id: z.ZodUUID;
                startedOn: z.ZodString;
                completedOn: z.ZodNullable<z.ZodString>;
                completedBy: z.ZodNullable<z.ZodString>;
                subjects: z.ZodArray<z.ZodObject<{
                    personId: z.ZodNullable<z.ZodUUID>;
                    domains: z.ZodObject<{
                        CHILD_DEVELOPMENT: z.ZodObject<{
                            strengths: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                            needs: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                            level: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                                NO_ADDITIONAL: "NO_ADDITIONAL";
                                ADDITIONAL: "ADDITIONAL";
                                COMPLEX: "COMPLEX";
                                ACUTE: "ACUTE";
                            }>>, unknown>>;
                        }, z.core.$strip>;
                        PARENTS_CARERS: z.ZodObject<{
                            strengths: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                            needs: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                            level: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                                NO_ADDITIONAL: "NO_ADDITIONAL";
                                ADDITIONAL: "ADDITIONAL";
                                COMPLEX: "COMPLEX";
                                ACUTE: "ACUTE";
                            }>>, unknown>>;
                        }, z.core.$strip>;
                        FAMILY_ENVIRONMENT: z.ZodObject<{
                            strengths: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                            needs: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                            level: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                                NO_ADDITIONAL: "NO_ADDITIONAL";
                                ADDITIONAL: "ADDITIONAL";
                                COMPLEX: "COMPLEX";
                                ACUTE: "ACUTE";
                            }>>, unknown>>;
                        }, z.core.$strip>;
                    }, z.core.$strip>;
                }, z.core.$strip>>;
                familyVoice: z.ZodNullable<z.ZodString>;
                identified: z.ZodArray<z.ZodString>;
                evidence: z.ZodRecord<z.ZodString, z.ZodNullable<z.ZodString>>;
                updatedBy: z.ZodString;
                updatedAt: z.ZodString;
                version: z.ZodNumber;
            }, z.core.$strip>>;
            plan: z.ZodNullable<z.ZodObject<{
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
            }, z.core.$strip>>;
            reviews: z.ZodArray<z.ZodObject<{
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
            }, z.core.$strip>>;
            nextReviewOn: z.ZodNullable<z.ZodString>;
            reviewWeeks: z.ZodNumber;
            reopenings: z.ZodArray<z.ZodObject<{
                at: z.ZodString;
                by: z.ZodString;
                reason: z.ZodString;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'team.save': {
        readonly input: z.ZodObject<{
            episodeId: z.ZodUUID;
            id: z.ZodDefault<z.ZodNullable<z.ZodUUID>>;
            version: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
            name: z.ZodPreprocess<z.ZodString, unknown>;
            agency: z.ZodPreprocess<z.ZodString, unknown>;
            role: z.ZodPreprocess<z.ZodString, unknown>;
            phone: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
            email: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEmail>, unknown>>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'team.remove': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'assessment.save': {
        readonly input: z.ZodObject<{
            draftKey: z.ZodDefault<z.ZodNullable<z.ZodString>>;
            startedOn: z.ZodString;
            completedOn: z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>;
            subjects: z.ZodArray<z.ZodObject<{
                personId: z.ZodNullable<z.ZodUUID>;
                domains: z.ZodObject<{
                    CHILD_DEVELOPMENT: z.ZodObject<{
                        strengths: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                        needs: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                        level: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                            NO_ADDITIONAL: "NO_ADDITIONAL";
                            ADDITIONAL: "ADDITIONAL";
                            COMPLEX: "COMPLEX";
                            ACUTE: "ACUTE";
                        }>>, unknown>>;
                    }, z.core.$strip>;
                    PARENTS_CARERS: z.ZodObject<{
                        strengths: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                        needs: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                        level: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                            NO_ADDITIONAL: "NO_ADDITIONAL";
                            ADDITIONAL: "ADDITIONAL";
                            COMPLEX: "COMPLEX";
                            ACUTE: "ACUTE";
                        }>>, unknown>>;
                    }, z.core.$strip>;
                    FAMILY_ENVIRONMENT: z.ZodObject<{
                        strengths: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                        needs: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
                        level: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEnum<{
                            NO_ADDITIONAL: "NO_ADDITIONAL";
                            ADDITIONAL: "ADDITIONAL";
                            COMPLEX: "COMPLEX";
                            ACUTE: "ACUTE";
                        }>>, unknown>>;
                    }, z.core.$strip>;
                }, z.core.$strip>;
            }, z.core.$strip>>;
            familyVoice: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
            identified: z.ZodDefault<z.ZodArray<z.ZodEnum<{
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
            }>>>;
            evidence: z.ZodDefault<z.ZodRecord<z.ZodEnum<{
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
            }> & z.core.$partial, z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>>>;
            episodeId: z.ZodUUID;
            version: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'plan.save': {
        readonly input: z.ZodObject<{
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
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'reviews.add': {
        readonly input: z.ZodObject<{
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
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'notes.add': {
        readonly input: z.ZodObject<{
            familyId: z.ZodUUID;
            occurredOn: z.ZodString;
            occurredAt: z.ZodPreprocess<z.ZodString, unknown>;
            type: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                OTHER: "OTHER";
                HOME_VISIT: "HOME_VISIT";
                PHONE_CALL: "PHONE_CALL";
                MEETING: "MEETING";
                MESSAGE: "MESSAGE";
            }>>, unknown>;
            peopleIds: z.ZodDefault<z.ZodArray<z.ZodUUID>>;
            text: z.ZodPreprocess<z.ZodString, unknown>;
            significant: z.ZodDefault<z.ZodBoolean>;
            draftKey: z.ZodDefault<z.ZodNullable<z.ZodString>>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'episodes.mine': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{
            episodes: z.ZodArray<z.ZodObject<{
                episodeId: z.ZodUUID;
                familyId: z.ZodUUID;
                status: z.ZodEnum<{
                    open: "open";
                    closing: "closing";
                }>;
                familyReference: z.ZodString;
                familyNames: z.ZodString;
                openedOn: z.ZodString;
                daysOpen: z.ZodNumber;
                leadUserId: z.ZodUUID;
                leadName: z.ZodString;
                lastContactAt: z.ZodNullable<z.ZodString>;
                notes: z.ZodNumber;
                nextReviewOn: z.ZodNullable<z.ZodString>;
                reviewOverdue: z.ZodBoolean;
                overdueActions: z.ZodNumber;
                version: z.ZodNumber;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'episodes.allOpen': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{
            episodes: z.ZodArray<z.ZodObject<{
                episodeId: z.ZodUUID;
                familyId: z.ZodUUID;
                status: z.ZodEnum<{
                    open: "open";
                    closing: "closing";
                }>;
                familyReference: z.ZodString;
                familyNames: z.ZodString;
                openedOn: z.ZodString;
                daysOpen: z.ZodNumber;
                leadUserId: z.ZodUUID;
                leadName: z.ZodString;
                lastContactAt: z.ZodNullable<z.ZodString>;
                notes: z.ZodNumber;
                nextReviewOn: z.ZodNullable<z.ZodString>;
                reviewOverdue: z.ZodBoolean;
                overdueActions: z.ZodNumber;
                version: z.ZodNumber;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'episodes.reallocate': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
            leadUserId: z.ZodUUID;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'episodes.close': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
            closedOn: z.ZodString;
            reason: z.ZodPreprocess<z.ZodPipe<z.ZodCustom<string, string>, z.ZodEnum<{
                OTHER: "OTHER";
                OUTCOMES_ACHIEVED: "OUTCOMES_ACHIEVED";
                STEPPED_UP: "STEPPED_UP";
                TRANSFERRED: "TRANSFERRED";
                MOVED_AWAY: "MOVED_AWAY";
                CONSENT_WITHDRAWN: "CONSENT_WITHDRAWN";
                NO_LONGER_MEETS_CRITERIA: "NO_LONGER_MEETS_CRITERIA";
            }>>, unknown>;
            note: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
            outcomes: z.ZodRecord<z.ZodString, z.ZodPreprocess<z.ZodOptional<z.ZodEnum<{
                ACHIEVED: "ACHIEVED";
                PARTLY: "PARTLY";
                NOT_ACHIEVED: "NOT_ACHIEVED";
            }>>, unknown>>;
            familyView: z.ZodPreprocess<z.ZodString, unknown>;
            stepUpOn: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'episodes.approveClosure': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'episodes.reopen': {
        readonly input: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
            reason: z.ZodPreprocess<z.ZodString, unknown>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            id: z.ZodUUID;
            version: z.ZodNumber;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'chronology.get': {
        readonly input: z.ZodObject<{
            familyId: z.ZodUUID;
            significantOnly: z.ZodDefault<z.ZodBoolean>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            entries: z.ZodArray<z.ZodObject<{
                id: z.ZodString;
                when: z.ZodString;
                kind: z.ZodEnum<{
                    note: "note";
                    registered: "registered";
                    "episode-opened": "episode-opened";
                    "episode-closed": "episode-closed";
                    "episode-reopened": "episode-reopened";
                    joined: "joined";
                    left: "left";
                    "assessment-completed": "assessment-completed";
                    "plan-agreed": "plan-agreed";
                    review: "review";
                }>;
                title: z.ZodString;
                text: z.ZodNullable<z.ZodString>;
                significant: z.ZodBoolean;
                by: z.ZodString;
                people: z.ZodArray<z.ZodString>;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'drafts.save': {
        readonly input: z.ZodObject<{
            key: z.ZodString;
            payload: z.ZodRecord<z.ZodString, z.ZodUnknown>;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{
            savedAt: z.ZodString;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'drafts.get': {
        readonly input: z.ZodObject<{
            key: z.ZodString;
        }, z.core.$strip>;
        readonly output: z.ZodNullable<z.ZodObject<{
            payload: z.ZodRecord<z.ZodString, z.ZodUnknown>;
            savedAt: z.ZodString;
        }, z.core.$strip>>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'drafts.discard': {
        readonly input: z.ZodObject<{
            key: z.ZodString;
        }, z.core.$strip>;
        readonly output: z.ZodObject<{}, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'audit.verify': {
        readonly input: z.ZodObject<{}, z.core.$strip>;
        readonly output: z.ZodObject<{
            intact: z.ZodBoolean;
            entries: z.ZodNumber;
            problem: z.ZodNullable<z.ZodObject<{
                seq: z.ZodNumber;
                message: z.ZodString;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
    readonly 'audit.list': {
        readonly input: z.ZodObject<{
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
        readonly output: z.ZodObject<{
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
        readonly permission: "public" | "signedIn" | "hub.read" | "people.search" | "families.read" | "families.write" | "consent.write" | "earlyHelp.read" | "earlyHelp.write" | "episodes.manage" | "audit.read" | "families.restrict" | "users.manage" | "hub.manage";
    };
};
export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
/** The whole of what the preload exposes to the page. */
export interface CasebookApi {
    invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
}
export declare function isChannel(name: unknown): name is Channel;
