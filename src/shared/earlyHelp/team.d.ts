import { z } from 'zod';
export declare const teamMember: z.ZodObject<{
    id: z.ZodUUID;
    name: z.ZodString;
    agency: z.ZodString;
    role: z.ZodString;
    phone: z.ZodNullable<z.ZodString>;
    email: z.ZodNullable<z.ZodString>;
    version: z.ZodNumber;
}, z.core.$strip>;
export type TeamMember = z.infer<typeof teamMember>;
/** Adds a member (no id) or changes one (id and the version that was read). */
export declare const saveTeamMemberInput: z.ZodObject<{
    episodeId: z.ZodUUID;
    id: z.ZodDefault<z.ZodNullable<z.ZodUUID>>;
    version: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    name: z.ZodPreprocess<z.ZodString, unknown>;
    agency: z.ZodPreprocess<z.ZodString, unknown>;
    role: z.ZodPreprocess<z.ZodString, unknown>;
    phone: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodString>, unknown>>;
    email: z.ZodDefault<z.ZodPreprocess<z.ZodNullable<z.ZodEmail>, unknown>>;
}, z.core.$strip>;
export declare const removeTeamMemberInput: z.ZodObject<{
    id: z.ZodUUID;
    version: z.ZodNumber;
}, z.core.$strip>;
/**
 * Who does an action or attends a review: a member of the Team Around the Family or of the family,
 * as 'taf:<id>' or 'person:<id>', so one field can name either.
 */
export declare const participantKey: z.ZodString;
