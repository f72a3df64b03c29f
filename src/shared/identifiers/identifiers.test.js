import { describe, expect, it } from 'vitest';
import { formatNhsNumber, isValidNhsNumber, nhsCheckDigit, normaliseNhsNumber } from './nhsNumber';
import { isValidUpn, upnCheckLetter } from './upn';
import { isValidPostcode, normalisePostcode, postcodeKey } from './postcode';
describe('NHS number', () => {
    it('accepts the published example in any typed form', () => {
        for (const typed of ['9434765919', '943 476 5919', '943-476-5919', ' 943 4765919 ']) {
            expect(isValidNhsNumber(typed)).toBe(true);
        }
        expect(normaliseNhsNumber('943 476-5919')).toBe('9434765919');
        expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    });
    it('refuses a wrong check digit, wrong length and letters', () => {
        expect(isValidNhsNumber('9434765918')).toBe(false);
        expect(isValidNhsNumber('943476591')).toBe(false);
        expect(isValidNhsNumber('94347659190')).toBe(false);
        expect(isValidNhsNumber('94347659I9')).toBe(false);
        expect(isValidNhsNumber('')).toBe(false);
    });
    it('computes check digits by modulus 11: 11 becomes 0 and 10 has no valid number', () => {
        // 943476591: 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11-2 = 9
        expect(nhsCheckDigit('943476591')).toBe(9);
        // 000000000 sums to 0: 11 - 0 = 11, which becomes 0
        expect(nhsCheckDigit('000000000')).toBe(0);
        expect(isValidNhsNumber('0000000000')).toBe(true);
        // 000000060: 6*3 = 18; 18 mod 11 = 7; 11 - 7 = 4
        expect(nhsCheckDigit('000000060')).toBe(4);
        // 000000100: 1*4 = 4, so 11 - 4 = 7; 000000090: 9*3 = 27, 27 mod 11 = 5, 11 - 5 = 6
        expect(nhsCheckDigit('000000100')).toBe(7);
        // 100000001: 1*10 + 1*2 = 12; 12 mod 11 = 1; 11 - 1 = 10, so no check digit makes it valid
        expect(nhsCheckDigit('100000001')).toBe(null);
        for (let d = 0; d <= 9; d++)
            expect(isValidNhsNumber(`100000001${d}`)).toBe(false);
    });
    it('every generated number in the 999 test range with a check digit validates, and altering any digit breaks it', () => {
        let checked = 0;
        for (let n = 0; n < 3000; n += 7) {
            const nine = `999${String(n).padStart(6, '0')}`;
            const check = nhsCheckDigit(nine);
            if (check === null) {
                for (let d = 0; d <= 9; d++)
                    expect(isValidNhsNumber(`${nine}${d}`)).toBe(false);
                continue;
            }
            const valid = `${nine}${check}`;
            expect(isValidNhsNumber(valid)).toBe(true);
            const altered = `${valid.slice(0, 5)}${(Number(valid[5]) + 1) % 10}${valid.slice(6)}`;
            expect(isValidNhsNumber(altered)).toBe(false);
            checked++;
        }
        expect(checked).toBeGreaterThan(300);
    });
});
describe('UPN', () => {
    it('computes the check letter over characters 2-13 with weights 2-13, mod 23', () => {
        // 8·2+2·3+3·4+4·5+5·6+6·7+7·8+8·9+9·10+0·11+1·12+2·13 = 382; 382 mod 23 = 14 → Q
        expect(upnCheckLetter('823456789012')).toBe('Q');
        expect(isValidUpn('Q823456789012')).toBe(true);
        expect(isValidUpn('q823 4567 89012')).toBe(true);
        expect(isValidUpn('A823456789012')).toBe(false);
    });
    it('accepts a temporary UPN ending in a letter, valued by its place in the alphabet', () => {
        // as above but the last character is A (value 0) instead of 2: 382 - 26 = 356; 356 mod 23 = 11 → M
        expect(upnCheckLetter('82345678901A')).toBe('M');
        expect(isValidUpn('M82345678901A')).toBe(true);
    });
    it('refuses letters the alphabet leaves out and wrong lengths', () => {
        expect(upnCheckLetter('82345678901I')).toBe(null);
        expect(upnCheckLetter('82345678901O')).toBe(null);
        expect(isValidUpn('Q82345678901')).toBe(false);
    });
});
describe('postcode', () => {
    it('accepts every published form and normalises spacing and case', () => {
        for (const p of ['SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'GIR 0AA', 'W1A 0AX', 'EC1A 1BB']) {
            expect(isValidPostcode(p)).toBe(true);
        }
        expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
        expect(normalisePostcode('  b33   8th ')).toBe('B33 8TH');
        expect(isValidPostcode('b338th')).toBe(true);
        expect(postcodeKey('B33 8th')).toBe('B338TH');
    });
    it('refuses things that are not UK postcodes', () => {
        for (const p of ['', 'SW1A', '12345', 'SW1A 1AC', 'QA1 1AA', 'B33 8TI', 'ABCDE', 'SW1A 1A']) {
            expect(isValidPostcode(p)).toBe(false);
        }
    });
});
