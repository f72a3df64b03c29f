import { invoke } from '../api';
import { duplicateQueryFor } from './formValues';
/** Matches for each member that the user has not yet confirmed are different people. */
export async function unconfirmedDuplicates(entries, postcode) {
    const found = {};
    for (const [i, entry] of entries.entries()) {
        const result = await invoke('people.checkDuplicates', duplicateQueryFor(entry.member, postcode, entry.personId ?? null));
        if (!result.ok)
            return result;
        const unconfirmed = result.value.matches.filter((m) => !entry.notDuplicateOf.includes(m.personId));
        if (unconfirmed.length > 0)
            found[i] = unconfirmed;
    }
    return { ok: true, found };
}
