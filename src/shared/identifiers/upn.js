// Unique pupil number (DfE): check letter, LA (3), establishment (4), year (2), serial (3); a
// temporary UPN ends in a letter instead of its last digit.
export const UPN_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';
export function normaliseUpn(input) {
    return input.replace(/\s/g, '').toUpperCase();
}
/** The check letter for the 12 characters after it, or null when they are not of UPN form. */
export function upnCheckLetter(body) {
    if (!/^\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(body))
        return null;
    let sum = 0;
    for (let i = 0; i < 12; i++) {
        const ch = body[i];
        const value = /\d/.test(ch) ? Number(ch) : UPN_ALPHABET.indexOf(ch);
        sum += value * (i + 2);
    }
    return UPN_ALPHABET[sum % 23];
}
export function isValidUpn(input) {
    const upn = normaliseUpn(input);
    if (upn.length !== 13)
        return false;
    return upnCheckLetter(upn.slice(1)) === upn[0];
}
