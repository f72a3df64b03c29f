// What the family and member forms hold (strings, date boxes) and how it becomes the contract's
// input. Validation is not here: the contract's schemas do it, in the form and again in main.
import { datePartsToValue, EMPTY_DATE_PARTS, isoToDateParts } from '../../../shared/dates';
export const emptyFamily = () => ({
    addressLine1: '', addressLine2: '', town: '', postcode: '', phone: '', email: '', mainLanguage: 'English', interpreterNeeded: false, heardAbout: ''
});
export const emptyMember = (kind, familyName = '') => ({
    kind, givenName: '', familyName, dateOfBirth: { ...EMPTY_DATE_PARTS }, expectedDate: { ...EMPTY_DATE_PARTS }, sex: '', ethnicity: '',
    nhsNumber: '', upn: '', disabilities: [], school: '', gpPractice: '', relationship: kind === 'adult' ? 'PARENT_CARER' : '',
    parentalResponsibility: false, notDuplicateOf: []
});
export const familyToInput = (f) => ({ ...f, heardAbout: f.heardAbout || null });
/** Only the fields that belong to the member's kind go to the contract. */
export function memberToInput(m) {
    const common = { givenName: m.givenName, familyName: m.familyName, nhsNumber: m.nhsNumber, disabilities: (m.disabilities ?? []), gpPractice: m.gpPractice };
    if (m.kind === 'adult') {
        return { kind: 'adult', ...common, dateOfBirth: datePartsToValue(m.dateOfBirth), sex: m.sex, ethnicity: m.ethnicity, relationship: m.relationship, parentalResponsibility: m.parentalResponsibility };
    }
    if (m.kind === 'child') {
        return { kind: 'child', ...common, dateOfBirth: datePartsToValue(m.dateOfBirth), sex: m.sex, ethnicity: m.ethnicity, upn: m.upn, school: m.school };
    }
    return { kind: 'unborn', ...common, expectedDate: datePartsToValue(m.expectedDate), sex: (m.sex || null), ethnicity: (m.ethnicity || null) };
}
/** Contract paths (members.0.member.givenName) to form paths (members.0.givenName). */
export const memberFormPath = (path) => path.replace(/(^|\.)member\./, '$1').replace(/(^|\.)member$/, '$1_duplicate');
export function familyToForm(f) {
    return {
        addressLine1: f.addressLine1, addressLine2: f.addressLine2 ?? '', town: f.town, postcode: f.postcode, phone: f.phone ?? '', email: f.email ?? '',
        mainLanguage: f.mainLanguage, interpreterNeeded: f.interpreterNeeded, heardAbout: f.heardAbout ?? ''
    };
}
export function personToForm(p) {
    return {
        kind: p.kind, givenName: p.givenName ?? '', familyName: p.familyName, dateOfBirth: isoToDateParts(p.dateOfBirth), expectedDate: isoToDateParts(p.expectedDate),
        sex: p.sex ?? '', ethnicity: p.ethnicity ?? '', nhsNumber: p.nhsNumber ?? '', upn: p.upn ?? '', disabilities: p.disabilities, school: p.school ?? '',
        gpPractice: p.gpPractice ?? '', relationship: p.relationship ?? '', parentalResponsibility: p.parentalResponsibility ?? false, notDuplicateOf: []
    };
}
/** What the duplicate check needs to know about a member. */
export function duplicateQueryFor(m, postcode, excludePersonId = null) {
    return {
        givenName: m.givenName ?? null,
        familyName: m.familyName,
        dateOfBirth: m.kind === 'unborn' ? null : (m.dateOfBirth ?? null),
        nhsNumber: m.nhsNumber ?? null,
        upn: m.kind === 'child' ? (m.upn ?? null) : null,
        postcode,
        excludePersonId
    };
}
