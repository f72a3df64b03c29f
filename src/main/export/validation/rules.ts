// The export's validation rules: the one table the runner, the Export screen and the format
// document (docs/export-format.md) all read. In the style of the Children in Need census rules,
// each has a code that never changes meaning once released (a retired rule's code is not reused).
//
// Codes: CB and three digits; the first digit says what the rule is about
//   1xx family   2xx person   3xx consent   4xx early-help episode   5xx family plan and review
//   6xx case note   7xx requests for help (70x), referrals to services (71x), step-ups (72x)
//   8xx staff
// Each area's rules are in its own file: peopleRules.ts (1xx, 2xx), earlyHelpRules.ts (3xx to 6xx),
// referralRules.ts (7xx, 8xx).
// An error is a record the package's Table Schema or an importer would refuse (a code that is not on
// its list, an identifier that fails its check, a date that cannot be), or one the authority cannot
// use as it stands (a closure with no reason, a referral with no basis for sharing): it blocks the
// export. A warning is something the authority will want put right that does not make the record
// unreadable (a child's missing NHS number or UPN: the census asks for them, but a hub often cannot
// know them yet, and holding back every other record until it does would help nobody).
// A message says what is wrong and what to do. Where no screen changes the record (a value that
// came from an import or from before a check existed), it says to ask IT.
//
// Rules read the schema as it is after migrations 13 and 14 (staff by user id, lists as rows,
// tombstones), and no column that names staff. None reads a table with tombstones (taf_member,
// family_access): a rule that does must leave out rows with deleted_at or revoked_at.
import type { ValidationRule } from './rule'
import { PEOPLE_RULES } from './peopleRules'
import { EARLY_HELP_RULES } from './earlyHelpRules'
import { REFERRAL_RULES } from './referralRules'

/** In code order, as the document and the Export screen list them. */
export const RULES: readonly ValidationRule[] = [...PEOPLE_RULES, ...EARLY_HELP_RULES, ...REFERRAL_RULES]
