// NHS number: 10 digits, the last a modulus-11 check digit (NHS Data Dictionary).
/** Strips the spaces and hyphens people type; anything else is left for validation to refuse. */
export function normaliseNhsNumber(input) {
    return input.replace(/[\s-]/g, '');
}
/** The check digit for nine leading digits, or null when no check digit can make them valid. */
export function nhsCheckDigit(firstNine) {
    if (!/^\d{9}$/.test(firstNine))
        return null;
    let sum = 0;
    for (let i = 0; i < 9; i++)
        sum += Number(firstNine[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 11)
        return 0;
    if (check === 10)
        return null;
    return check;
}
export function isValidNhsNumber(input) {
    const digits = normaliseNhsNumber(input);
    if (!/^\d{10}$/.test(digits))
        return false;
    return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}
/** Shown as 3-3-4, the way it is printed on NHS letters. */
export function formatNhsNumber(digits) {
    return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : digits;
}
