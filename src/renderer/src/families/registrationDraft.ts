// The registration form's values, what it sends, and its draft. The draft is what the form would
// send part-way through (the core checks it as a draft of registerFamilyInput), so it goes back into
// the form's boxes the way a stored person's record does: blanks as empty boxes, dates as their parts.
import { EMPTY_DATE_PARTS, isoToDateParts, type DateParts } from '../../../shared/dates'
import type { MemberKind } from '../../../shared/families/schemas'
import type { DraftShape } from '../drafts/useDraft'
import { emptyFamily, emptyMember, familyToInput, memberToInput, type FamilyFormValues, type MemberFormValues } from './formValues'

export interface RegisterFormValues {
  family: FamilyFormValues
  members: MemberFormValues[]
}

export const blankRegistration = (): RegisterFormValues => ({ family: emptyFamily(), members: [] })

export const registrationToInput = (v: RegisterFormValues) => ({
  family: familyToInput(v.family),
  members: v.members.map((m) => ({ member: memberToInput(m), notDuplicateOf: m.notDuplicateOf }))
})

/** The answers given so far: a blank one (null, or left out) stays the form's empty box. */
const given = (fields: Record<string, unknown> | null | undefined) =>
  Object.fromEntries(Object.entries(fields ?? {}).filter(([, v]) => v !== null && v !== undefined))

/** A date as the form sent it back into its three boxes: a real date (ISO), or the parts as typed ("3//2019"). */
function dateBoxes(value: unknown): DateParts {
  if (typeof value !== 'string') return { ...EMPTY_DATE_PARTS }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isoToDateParts(value)
  const [day = '', month = '', year = ''] = value.split('/')
  return { day, month, year }
}

interface DraftMember {
  member: Record<string, unknown> & { kind: MemberKind }
  notDuplicateOf?: string[] | null
}

export const registrationDraftShape: DraftShape<RegisterFormValues> = {
  toPayload: registrationToInput,
  fromPayload: (payload) => {
    const draft = payload as { family?: Record<string, unknown> | null; members?: DraftMember[] | null }
    return {
      family: { ...emptyFamily(), ...given(draft.family) },
      members: (draft.members ?? []).map(({ member, notDuplicateOf }) => ({
        ...emptyMember(member.kind),
        ...given(member),
        dateOfBirth: dateBoxes(member.dateOfBirth),
        expectedDate: dateBoxes(member.expectedDate),
        notDuplicateOf: notDuplicateOf ?? []
      }))
    }
  }
}
