import { z } from 'zod';
import { ASSESSMENT_DOMAIN } from '../codes';
export type DomainCode = z.infer<typeof ASSESSMENT_DOMAIN.schema>;
export declare const assessmentSubject: z.ZodObject<{
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
}, z.core.$strip>;
export declare const saveAssessmentInput: z.ZodObject<{
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
export declare const assessmentRecord: z.ZodObject<{
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
}, z.core.$strip>;
export type AssessmentRecord = z.infer<typeof assessmentRecord>;
