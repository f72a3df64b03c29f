import { describe, expect, it } from 'vitest';
import { addMonths, ageInYears, datePartsToValue, formatDate, isRealIsoDate, parseTypedDate } from './dates';
describe('dates typed as people type them', () => {
    it('reads day-first numeric dates with any separator', () => {
        for (const t of ['3/7/2019', '03/07/2019', '3-7-2019', '3.7.2019', ' 03/7/2019 '])
            expect(parseTypedDate(t)).toBe('2019-07-03');
    });
    it('reads month names, full or short, with ordinals', () => {
        for (const t of ['3 July 2019', '3 Jul 2019', '3rd july 2019', '3 JULY 2019']) {
            expect(parseTypedDate(t)).toBe('2019-07-03');
        }
        expect(parseTypedDate('2019-07-03')).toBe('2019-07-03');
    });
    it('refuses impossible dates and non-dates', () => {
        for (const t of ['31/2/2019', '3 Jly 2019', 'smith', '3/7/19', '32/1/2019', '2019', ''])
            expect(parseTypedDate(t)).toBe(null);
    });
    it('formats en-GB and counts whole years of age', () => {
        expect(formatDate('2019-07-03')).toBe('3 July 2019');
        expect(ageInYears('2019-07-03', '2026-07-02')).toBe(6);
        expect(ageInYears('2019-07-03', '2026-07-03')).toBe(7);
        expect(isRealIsoDate('2024-02-29')).toBe(true);
        expect(isRealIsoDate('2023-02-29')).toBe(false);
        expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
        expect(addMonths('2026-11-23', 10)).toBe('2027-09-23');
    });
    it('turns the three date boxes into the value the schema checks', () => {
        expect(datePartsToValue({ day: '', month: '', year: '' })).toBe(undefined);
        expect(datePartsToValue({ day: '3', month: '7', year: '2019' })).toBe('2019-07-03');
        expect(datePartsToValue({ day: '31', month: '2', year: '2019' })).toBe('31/2/2019');
        expect(datePartsToValue({ day: '3', month: '', year: '2019' })).toBe('3//2019');
    });
});
