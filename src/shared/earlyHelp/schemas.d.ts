import { z } from 'zod';
export declare const openEpisodeInput: z.ZodObject<{
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
export declare const episodeSummary: z.ZodObject<{
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
}, z.core.$strip>;
export type EpisodeSummary = z.infer<typeof episodeSummary>;
/** An episode with its work: what the episode page shows and the plan prints from. */
export declare const episodeDetail: z.ZodObject<{
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
export type EpisodeDetail = z.infer<typeof episodeDetail>;
/** A family's closed episodes, for reading back and reopening. */
export declare const pastEpisode: z.ZodObject<{
    id: z.ZodUUID;
    openedOn: z.ZodString;
    closedOn: z.ZodNullable<z.ZodString>;
    version: z.ZodNumber;
}, z.core.$strip>;
/** What reception may know of an episode: that it is open, since when, and who leads it. */
export declare const episodeNotice: z.ZodObject<{
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
}, z.core.$strip>;
export declare const TIME: RegExp;
export declare const addNoteInput: z.ZodObject<{
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
export declare const chronologyInput: z.ZodObject<{
    familyId: z.ZodUUID;
    significantOnly: z.ZodDefault<z.ZodBoolean>;
}, z.core.$strip>;
export declare const chronologyEntry: z.ZodObject<{
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
}, z.core.$strip>;
export type ChronologyEntry = z.infer<typeof chronologyEntry>;
export declare const leadChoices: z.ZodObject<{
    users: z.ZodArray<z.ZodObject<{
        id: z.ZodUUID;
        displayName: z.ZodString;
    }, z.core.$strip>>;
}, z.core.$strip>;
export declare const caseloadRow: z.ZodObject<{
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
}, z.core.$strip>;
export type CaseloadRow = z.infer<typeof caseloadRow>;
export declare const caseloadOutput: z.ZodObject<{
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
export declare const reallocateInput: z.ZodObject<{
    id: z.ZodUUID;
    version: z.ZodNumber;
    leadUserId: z.ZodUUID;
}, z.core.$strip>;
export declare const closeEpisodeInput: z.ZodObject<{
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
export declare const approveClosureInput: z.ZodObject<{
    id: z.ZodUUID;
    version: z.ZodNumber;
}, z.core.$strip>;
export declare const reopenEpisodeInput: z.ZodObject<{
    id: z.ZodUUID;
    version: z.ZodNumber;
    reason: z.ZodPreprocess<z.ZodString, unknown>;
}, z.core.$strip>;
