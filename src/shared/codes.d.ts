import { z } from 'zod';
export interface CodeItem<C extends string = string> {
    readonly code: C;
    readonly label: string;
}
/** Census sex codes from 2024-25. */
export declare const SEX: {
    items: readonly CodeItem<"F" | "M" | "U">[];
    schema: z.ZodEnum<{
        F: "F";
        M: "M";
        U: "U";
    }>;
    label: (code: string | null | undefined) => string;
};
/** DfE ethnicity codes. */
export declare const ETHNICITY: {
    items: readonly CodeItem<"WBRI" | "WIRI" | "WIRT" | "WOTH" | "WROM" | "MWBC" | "MWBA" | "MWAS" | "MOTH" | "AIND" | "APKN" | "ABAN" | "AOTH" | "BCRB" | "BAFR" | "BOTH" | "CHNE" | "OOTH" | "REFU" | "NOBT">[];
    schema: z.ZodEnum<{
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
    }>;
    label: (code: string | null | undefined) => string;
};
/** DfE disability codes. */
export declare const DISABILITY: {
    items: readonly CodeItem<"NONE" | "MOB" | "HAND" | "PC" | "INC" | "COMM" | "LD" | "HEAR" | "VIS" | "BEH" | "CON" | "AUT" | "DDA">[];
    schema: z.ZodEnum<{
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
    }>;
    label: (code: string | null | undefined) => string;
};
/** Local list: how a family first heard of the hub. */
export declare const HEARD_ABOUT: {
    items: readonly CodeItem<"HEALTH_VISITOR" | "SCHOOL" | "GP" | "FRIEND_FAMILY" | "PROFESSIONAL" | "ONLINE" | "WALKED_IN" | "OTHER">[];
    schema: z.ZodEnum<{
        HEALTH_VISITOR: "HEALTH_VISITOR";
        SCHOOL: "SCHOOL";
        GP: "GP";
        FRIEND_FAMILY: "FRIEND_FAMILY";
        PROFESSIONAL: "PROFESSIONAL";
        ONLINE: "ONLINE";
        WALKED_IN: "WALKED_IN";
        OTHER: "OTHER";
    }>;
    label: (code: string | null | undefined) => string;
};
/** How an adult is related to the household. */
export declare const ADULT_RELATIONSHIP: {
    items: readonly CodeItem<"PARENT_CARER" | "OTHER_ADULT">[];
    schema: z.ZodEnum<{
        PARENT_CARER: "PARENT_CARER";
        OTHER_ADULT: "OTHER_ADULT";
    }>;
    label: (code: string | null | undefined) => string;
};
export declare const MEMBER_KIND: {
    items: readonly CodeItem<"adult" | "child" | "unborn">[];
    schema: z.ZodEnum<{
        adult: "adult";
        child: "child";
        unborn: "unborn";
    }>;
    label: (code: string | null | undefined) => string;
};
/** What a consent covers. Sharing names the agency it was given for. */
export declare const CONSENT_SCOPE: {
    items: readonly CodeItem<"REGISTRATION" | "SHARING" | "CONTACT">[];
    schema: z.ZodEnum<{
        REGISTRATION: "REGISTRATION";
        SHARING: "SHARING";
        CONTACT: "CONTACT";
    }>;
    label: (code: string | null | undefined) => string;
};
export declare const CONSENT_METHOD: {
    items: readonly CodeItem<"VERBAL" | "WRITTEN">[];
    schema: z.ZodEnum<{
        VERBAL: "VERBAL";
        WRITTEN: "WRITTEN";
    }>;
    label: (code: string | null | undefined) => string;
};
export type SexCode = z.infer<typeof SEX.schema>;
export type EthnicityCode = z.infer<typeof ETHNICITY.schema>;
export type DisabilityCode = z.infer<typeof DISABILITY.schema>;
/** Supporting Families headline outcomes (2022–25 framework). */
export declare const HEADLINE: {
    items: readonly CodeItem<"EDUCATION" | "EARLY_YEARS" | "HEALTH" | "SUBSTANCE_USE" | "RELATIONSHIPS" | "SAFE_FROM_ABUSE" | "CRIME" | "DOMESTIC_ABUSE" | "HOUSING" | "FINANCIAL">[];
    schema: z.ZodEnum<{
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
    }>;
    label: (code: string | null | undefined) => string;
};
/** What kind of contact or event a case note records. */
export declare const NOTE_TYPE: {
    items: readonly CodeItem<"OTHER" | "HOME_VISIT" | "PHONE_CALL" | "MEETING" | "MESSAGE">[];
    schema: z.ZodEnum<{
        OTHER: "OTHER";
        HOME_VISIT: "HOME_VISIT";
        PHONE_CALL: "PHONE_CALL";
        MEETING: "MEETING";
        MESSAGE: "MESSAGE";
    }>;
    label: (code: string | null | undefined) => string;
};
/** Why an early-help episode closed (no national list; the hub's own). */
export declare const CLOSURE_REASON: {
    items: readonly CodeItem<"OTHER" | "OUTCOMES_ACHIEVED" | "STEPPED_UP" | "TRANSFERRED" | "MOVED_AWAY" | "CONSENT_WITHDRAWN" | "NO_LONGER_MEETS_CRITERIA">[];
    schema: z.ZodEnum<{
        OTHER: "OTHER";
        OUTCOMES_ACHIEVED: "OUTCOMES_ACHIEVED";
        STEPPED_UP: "STEPPED_UP";
        TRANSFERRED: "TRANSFERRED";
        MOVED_AWAY: "MOVED_AWAY";
        CONSENT_WITHDRAWN: "CONSENT_WITHDRAWN";
        NO_LONGER_MEETS_CRITERIA: "NO_LONGER_MEETS_CRITERIA";
    }>;
    label: (code: string | null | undefined) => string;
};
export declare const HEADLINE_OUTCOME: {
    items: readonly CodeItem<"ACHIEVED" | "PARTLY" | "NOT_ACHIEVED">[];
    schema: z.ZodEnum<{
        ACHIEVED: "ACHIEVED";
        PARTLY: "PARTLY";
        NOT_ACHIEVED: "NOT_ACHIEVED";
    }>;
    label: (code: string | null | undefined) => string;
};
/** The three domains of the early help assessment (Common Assessment Framework). */
export declare const ASSESSMENT_DOMAIN: {
    items: readonly CodeItem<"CHILD_DEVELOPMENT" | "PARENTS_CARERS" | "FAMILY_ENVIRONMENT">[];
    schema: z.ZodEnum<{
        CHILD_DEVELOPMENT: "CHILD_DEVELOPMENT";
        PARENTS_CARERS: "PARENTS_CARERS";
        FAMILY_ENVIRONMENT: "FAMILY_ENVIRONMENT";
    }>;
    label: (code: string | null | undefined) => string;
};
/** How much help a domain needs (the hub's continuum of need; no national list). */
export declare const NEED_LEVEL: {
    items: readonly CodeItem<"NO_ADDITIONAL" | "ADDITIONAL" | "COMPLEX" | "ACUTE">[];
    schema: z.ZodEnum<{
        NO_ADDITIONAL: "NO_ADDITIONAL";
        ADDITIONAL: "ADDITIONAL";
        COMPLEX: "COMPLEX";
        ACUTE: "ACUTE";
    }>;
    label: (code: string | null | undefined) => string;
};
export declare const ACTION_STATUS: {
    items: readonly CodeItem<"NOT_STARTED" | "IN_PROGRESS" | "DONE" | "NOT_NEEDED">[];
    schema: z.ZodEnum<{
        NOT_STARTED: "NOT_STARTED";
        IN_PROGRESS: "IN_PROGRESS";
        DONE: "DONE";
        NOT_NEEDED: "NOT_NEEDED";
    }>;
    label: (code: string | null | undefined) => string;
};
