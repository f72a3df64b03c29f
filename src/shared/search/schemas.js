// Finding people: the search box and the duplicate check share one index.
import { z } from 'zod';
import { idField } from '../fields';
import { personRecord } from '../families/schemas';
export const searchInput = z.object({
    text: z.string().max(200, { error: 'Search must be 200 characters or fewer' }),
    limit: z.number().int().min(1).max(100).default(25)
});
export const searchHit = personRecord.pick({ familyId: true, kind: true, givenName: true, familyName: true, dateOfBirth: true, expectedDate: true }).extend({
    personId: idField,
    familyReference: z.string(),
    /** A restricted family's people show no address or date of birth to those who may not open it. */
    restricted: z.boolean(),
    addressLine1: z.string(),
    town: z.string(),
    postcode: z.string()
});
export const searchOutput = z.object({
    /** What the text was understood as, so the screen can say "Date of birth 3 July 2019". */
    understoodAs: z.array(z.string()),
    hits: z.array(searchHit)
});
export const duplicateCheckInput = z.object({
    givenName: z.string().nullable().default(null),
    familyName: z.string().default(''),
    dateOfBirth: z.string().nullable().default(null),
    nhsNumber: z.string().nullable().default(null),
    upn: z.string().nullable().default(null),
    postcode: z.string().nullable().default(null),
    /** When editing, the person themself is not a duplicate. */
    excludePersonId: idField.nullable().default(null)
});
export const DUPLICATE_BANDS = ['certain', 'likely', 'possible'];
export const duplicateMatch = searchHit.extend({
    band: z.enum(DUPLICATE_BANDS),
    reason: z.string()
});
export const duplicateCheckOutput = z.object({ matches: z.array(duplicateMatch) });
