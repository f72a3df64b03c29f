// Names hold only what names hold, and free text loses what nobody meant to type. The tables are
// the rules: real names that must be kept (as they are stored), and hostile ones that must not be.
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { optionalDate, optionalName, optionalText, requiredName, requiredText } from './fields'
import { childSchema, familyDetailsSchema } from './families/schemas'
import { saveTeamMemberInput } from './earlyHelp/team'
import { createUserInput, setupInput } from './accounts/schemas'
import { updateHubInput } from './hub/schemas'
import { recordConsentInput } from './consent/schemas'
import { addNoteInput, closeEpisodeInput, openEpisodeInput, reopenEpisodeInput } from './earlyHelp/schemas'
import { addReviewInput, planAction, planOutcome } from './earlyHelp/plan'
import { assessmentSubject, saveAssessmentInput } from './earlyHelp/assessment'

const givenName = requiredName('Enter first name', 'First name')

/** Typed (or pasted) → stored. */
const REAL_NAMES: [typed: string, stored: string][] = [
  ["O'Neill-Okafor", "O'Neill-Okafor"],
  ['Zoë', 'Zoë'],
  ['Zoe\u0308', 'Zoë'], // NFD: e + combining diaeresis, as some keyboards and Macs send it
  ['Nguyễn', 'Nguyễn'],
  ['Nguye\u0302\u0303n', 'Nguyễn'],
  ['Siân', 'Siân'],
  ['Mc Kenzie', 'Mc Kenzie'],
  ['Aleksander Nowicki', 'Aleksander Nowicki'],
  ['Seán', 'Seán'],
  ['María José', 'María José'],
  ['Ng', 'Ng'],
  ['Ó Briain', 'Ó Briain'],
  ["d'Souza", "d'Souza"],
  ['Jean-Luc', 'Jean-Luc'],
  ['D’Arcy', 'D’Arcy'],
  ["'t Hooft", "'t Hooft"],
  ['‘t Hooft', '’t Hooft'], // smart quotes open a word with ‘
  ['St. John', 'St. John'],
  ['Łukasz Żółć', 'Łukasz Żółć'],
  ['Ngũgĩ wa Thiong’o', 'Ngũgĩ wa Thiong’o'],
  ['Müller-Lüdenscheidt', 'Müller-Lüdenscheidt'],
  ['Александра', 'Александра'],
  ['محمد', 'محمد'],
  ['张伟', '张伟'],
  ['Σωκράτης', 'Σωκράτης'],
  ['नरेन्द्र', 'नरेन्द्र'],
  ['Hawaiʻi', 'Hawaiʻi'], // the ʻokina is a letter (U+02BB)
  ['  José   María  ', 'José María'],
  ['Ada\u00A0Lovelace', 'Ada Lovelace'], // a no-break space from a pasted document
  ['Jean\u2010Luc', 'Jean-Luc'], // the Unicode hyphen
  ['Zo\u200Bë', 'Zoë'], // a zero-width space inside
  ['\uFEFFAda', 'Ada'], // a byte-order mark from a pasted file
  ['\u202EAda\u202C', 'Ada'], // a right-to-left override
  ['Ada\u2066\u200F Okafor', 'Ada Okafor'] // an isolate and a right-to-left mark
]

const HOSTILE_NAMES: [typed: string, message: string][] = [
  ["Robert'); DROP TABLE person;--", 'First name must only include letters, spaces, hyphens, apostrophes and full stops'],
  ['<script>alert(1)</script>', 'First name must only include letters, spaces, hyphens, apostrophes and full stops'],
  ['=HYPERLINK("http://x")', 'First name must only include letters, spaces, hyphens, apostrophes and full stops'],
  ['Ada_Lovelace', 'First name must only include letters, spaces, hyphens, apostrophes and full stops'],
  ['ada@example.com', 'First name must only include letters, spaces, hyphens, apostrophes and full stops'],
  ['Ada2', 'First name must only include letters, spaces, hyphens, apostrophes and full stops'],
  ['Ada \u0662', 'First name must only include letters, spaces, hyphens, apostrophes and full stops'], // an Arabic-Indic digit
  ['Ada 😀', 'First name must only include letters, spaces, hyphens, apostrophes and full stops'],
  ['Ada – Okafor', 'First name must only include letters, spaces, hyphens, apostrophes and full stops'], // an en dash
  ['12345', 'First name must include at least one letter'],
  ['---', 'First name must include at least one letter'],
  ['.', 'First name must include at least one letter'],
  ['😀', 'First name must include at least one letter'],
  ['-Ada', 'First name must start with a letter'],
  ['. Ada', 'First name must start with a letter'],
  ['Ada\u0000', 'First name must not include hidden control characters'],
  ['Ada\nLovelace', 'First name must not include hidden control characters'],
  ['Ada\tLovelace', 'First name must not include hidden control characters'],
  ['Ada\u001B[31m', 'First name must not include hidden control characters'], // a terminal colour code
  ['Ada\u0085', 'First name must not include hidden control characters'], // C1: next line
  ['Ada\u007F', 'First name must not include hidden control characters'],
  ['𝐀𝐝𝐚', 'First name must be written in ordinary letters'],
  ['a\u0300\u0301\u0302\u0303\u0304\u0306\u0307', 'First name has too many accents on one letter'],
  ['\u200B\u200D', 'Enter first name'],
  ['   ', 'Enter first name'],
  ['x'.repeat(101), 'First name must be 100 characters or fewer']
]

describe('names', () => {
  it.each(REAL_NAMES)('keeps %j as %j', (typed, stored) => {
    expect(givenName.safeParse(typed)).toEqual({ success: true, data: stored })
  })

  it('stores a name composed (NFC), however it was typed', () => {
    for (const [, stored] of REAL_NAMES) expect(stored).toBe(stored.normalize('NFC'))
    expect(givenName.parse('Zoe\u0308')).toHaveLength(3)
  })

  it.each(HOSTILE_NAMES)('refuses %j: %s', (typed, message) => {
    const result = givenName.safeParse(typed)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(message)
  })

  it('treats an optional name left blank, or only invisible characters, as not given', () => {
    const optional = optionalName('First name')
    expect(optional.parse(undefined)).toBeNull()
    expect(optional.parse('')).toBeNull()
    expect(optional.parse('\u200B \u2060')).toBeNull()
    expect(optional.parse(' Zoe\u0308 ')).toBe('Zoë')
    expect(optional.safeParse('Ada1').error?.issues[0]?.message).toBe('First name must only include letters, spaces, hyphens, apostrophes and full stops')
  })

  it('apply to every name in the contract: people, users and the Team Around the Family', () => {
    expect(createUserInput.safeParse({ displayName: 'Ada<b>', username: 'ada', role: 'reception', temporaryPassword: 'x'.repeat(12) }).error?.issues).toEqual([
      expect.objectContaining({ path: ['displayName'], message: 'Name must only include letters, spaces, hyphens, apostrophes and full stops' })
    ])
    const team = saveTeamMemberInput.safeParse({
      episodeId: '00000000-0000-4000-8000-000000000000',
      name: 'Dr\u202E Siân\u200B Jones',
      agency: 'NHS',
      role: 'Health visitor'
    })
    expect(team.data?.name).toBe('Dr Siân Jones')
  })
})

describe('free text', () => {
  const note = requiredText('Enter the note', 200, 'Note', { multiLine: true })

  it.each([
    ['Line one\r\nLine two\rLine three', 'Line one\nLine two\nLine three'],
    ['Para\u2028graph\u2029end', 'Para\ngraph\nend'],
    ['Word\u000Bbreak\u000Cpage\u0085next', 'Word\nbreak\npage\nnext'],
    ['Columns\tkept', 'Columns\tkept'],
    ['a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf', 'abcdef'],
    ['invoice\u202Etxt.exe', 'invoicetxt.exe'],
    ['\u2066isolated\u2069 \u200Eleft\u200F \u061Cmark', 'isolated left mark'],
    ['cafe\u0301', 'café'],
    ['  padded  ', 'padded']
  ])('keeps %j as %j', (typed, stored) => {
    expect(note.parse(typed)).toBe(stored)
  })

  it.each(['bell\u0007', 'nul\u0000', 'escape\u001B[2J', 'backspace\u0008', 'unit\u001Fseparator', 'delete\u007F', 'c1\u009B'])('refuses %j', (typed) => {
    expect(note.safeParse(typed).error?.issues[0]?.message).toBe('Note must not include hidden control characters')
  })

  it('counts the length after invisible characters are removed, and treats nothing but them as blank', () => {
    expect(note.parse('x'.repeat(200) + '\u200B'.repeat(50))).toHaveLength(200)
    expect(note.safeParse('\u200B\u202E').error?.issues[0]?.message).toBe('Enter the note')
    expect(optionalText(200, 'Comment').parse('\uFEFF')).toBeNull()
  })

  it('applies to addresses and every other free-text field through the same helper', () => {
    const family = familyDetailsSchema.safeParse({
      addressLine1: '12\u202E Acacia Road',
      addressLine2: 'Flat\u0000 2',
      town: 'Birmingham',
      postcode: 'B33 8TH',
      mainLanguage: 'English'
    })
    expect(family.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['addressLine2', 'Address line 2 must not include hidden control characters']
    ])
    expect(
      familyDetailsSchema.parse({ addressLine1: '12\u202E Acacia Road', town: 'Birmingham', postcode: 'B33 8TH', mainLanguage: 'English' }).addressLine1
    ).toBe('12 Acacia Road')
  })
})

/** Characters nobody sees, each of which got through before one rule removed them all. */
const HANGUL_FILLERS = ['\u115F', '\u1160', '\u3164', '\uFFA0']
const TAG_ABC = '\u{E0061}\u{E0062}\u{E0063}' // "abc" in tag characters: hidden ASCII
const UNSEEN = ['\u2062', '\u206A', '\u206B', '\u206C', '\u206D', '\u206E', '\u206F', '\u00AD', '\uFFF9', '\uFFFA', '\uFFFB', '\u034F', '\uFE0F', '\u{E0100}']

describe('characters nobody sees', () => {
  const note = requiredText('Enter the note', 200, 'Note', { multiLine: true })
  const team = (fields: Record<string, string>) =>
    saveTeamMemberInput.safeParse({ episodeId: '00000000-0000-4000-8000-000000000000', name: 'Dee Patel', agency: 'NHS', role: 'Health visitor', ...fields })
  const family = (fields: Record<string, string>) =>
    familyDetailsSchema.safeParse({ addressLine1: '12 Acacia Road', town: 'Birmingham', postcode: 'B33 8TH', mainLanguage: 'English', ...fields })
  const problems = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message])

  it.each(HANGUL_FILLERS)('are not a name, a town, an agency or a language: %j', (filler) => {
    expect(givenName.safeParse(filler).error?.issues[0]?.message).toBe('Enter first name')
    expect(givenName.safeParse(`${filler} ${filler}`).error?.issues[0]?.message).toBe('Enter first name')
    expect(optionalName('First name').parse(filler)).toBeNull()
    expect(givenName.parse(`Ada${filler}`)).toBe('Ada')
    expect(problems(family({ town: filler, mainLanguage: filler }))).toEqual([
      ['town', 'Enter town or city'],
      ['mainLanguage', 'Enter main language']
    ])
    expect(problems(team({ name: filler, agency: filler, role: filler }))).toEqual([
      ['name', 'Enter their name'],
      ['agency', 'Enter the agency they work for'],
      ['role', 'Enter their role, like health visitor']
    ])
  })

  it('make no note: a filler and a tag character are nothing', () => {
    expect(note.safeParse(`\u3164${TAG_ABC}`).error?.issues[0]?.message).toBe('Enter the note')
    expect(note.safeParse('\u3164\u{E0001}').error?.issues[0]?.message).toBe('Enter the note')
  })

  it('are taken out of addresses: tag characters (hidden ASCII) inside address line 1', () => {
    expect(family({ addressLine1: `12 Acacia${TAG_ABC} Road\u{E007F}` }).data?.addressLine1).toBe('12 Acacia Road')
  })

  it.each(UNSEEN)('are taken out of names and free text alike: %j', (c) => {
    expect(givenName.parse(`Ad${c}a`)).toBe('Ada')
    expect(note.parse(`a${c}b`)).toBe('ab')
    expect(family({ addressLine1: `12${c} Acacia Road` }).data?.addressLine1).toBe('12 Acacia Road')
  })

  it('are found by their Unicode properties, not a list: every default-ignorable and format character goes', () => {
    // Every one of them, from the first plane to the last, in one text.
    const all: string[] = []
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      const s = String.fromCodePoint(c)
      if (/[\p{Default_Ignorable_Code_Point}\p{Cf}]/u.test(s)) all.push(s)
    }
    expect(all.length).toBeGreaterThan(4000)
    expect(requiredText('Enter the note', 200, 'Note').safeParse(all.join('')).error?.issues[0]?.message).toBe('Enter the note')
    expect(requiredText('Enter the note', 200, 'Note').parse(`a${all.join('')}b`)).toBe('ab')
    expect(givenName.parse(`A${all.join('')}da`)).toBe('Ada')
  })

  it('and half a character (a lone surrogate, which no keyboard sends) goes too', () => {
    expect(note.parse('a\uD800b\uDC00c')).toBe('abc')
    expect(givenName.parse('A\uD83Dda')).toBe('Ada')
  })
})

describe('one line or many', () => {
  it('a single-line answer has every run of spaces, tabs and line breaks made one space', () => {
    const address = familyDetailsSchema.parse({
      addressLine1: '12\nAcacia\nRoad\tX',
      town: 'Birming\r\nham',
      postcode: 'B33 8TH',
      mainLanguage: ' English \u2028\t '
    })
    expect(address).toMatchObject({ addressLine1: '12 Acacia Road X', town: 'Birming ham', mainLanguage: 'English' })
    expect(optionalText(200, 'Address line 2').parse('Flat 2\u000B\u000C\u0085 Block\u00A0\u00A0B')).toBe('Flat 2 Block B')
  })

  it('a multi-line answer keeps its line breaks and tabs', () => {
    const note = requiredText('Enter the note', 200, 'Note', { multiLine: true })
    expect(note.parse('Line one\n\n\tIndented\r\nend')).toBe('Line one\n\n\tIndented\nend')
  })

  it('control characters are still refused on one line', () => {
    expect(requiredText('Enter town or city', 100, 'Town or city').safeParse('Leeds\u0007').error?.issues[0]?.message).toBe(
      'Town or city must not include hidden control characters'
    )
  })
})

describe("the contract's free text", () => {
  const shape = <T extends { shape: Record<string, unknown> }>(schema: T) => schema.shape as Record<string, z.ZodType>
  const domain = shape(assessmentSubject.shape.domains.shape.CHILD_DEVELOPMENT)
  /** Multi-line: what the forms show as a textarea. Everything else is one line on screen. */
  const FIELDS: [name: string, multiLine: boolean, schema: z.ZodType][] = [
    ['address line 1', false, shape(familyDetailsSchema).addressLine1!],
    ['address line 2', false, shape(familyDetailsSchema).addressLine2!],
    ['town', false, shape(familyDetailsSchema).town!],
    ['main language', false, shape(familyDetailsSchema).mainLanguage!],
    ['school', false, shape(childSchema).school!],
    ['GP practice', false, shape(childSchema).gpPractice!],
    ['team member agency', false, shape(saveTeamMemberInput).agency!],
    ['team member role', false, shape(saveTeamMemberInput).role!],
    ['consent agency', false, shape(recordConsentInput).agency!],
    ['hub name at set-up', false, shape(setupInput).hubName!],
    ['hub name', false, shape(updateHubInput).name!],
    ['others who attended a review', false, shape(addReviewInput).otherAttendees!],
    ['why early help is needed', true, shape(openEpisodeInput).reason!],
    ['case note', true, shape(addNoteInput).text!],
    ['closing note', true, shape(closeEpisodeInput).note!],
    ["the family's view at closure", true, shape(closeEpisodeInput).familyView!],
    ['why an episode is reopened', true, shape(reopenEpisodeInput).reason!],
    ['outcome', true, shape(planOutcome).text!],
    ['action', true, shape(planAction).what!],
    ['review comment', true, shape(addReviewInput.shape.scores.element).comment!],
    ['strengths', true, domain.strengths!],
    ['needs', true, domain.needs!],
    ["the family's own words", true, shape(saveAssessmentInput).familyVoice!]
  ]

  it.each(FIELDS)('%s (multi-line: %s)', (_name, multiLine, schema) => {
    expect(schema.parse('One\n\tTwo')).toBe(multiLine ? 'One\n\tTwo' : 'One Two')
  })

  it('evidence for a headline keeps its lines', () => {
    expect(shape(saveAssessmentInput).evidence!.parse({ HOUSING: 'One\nTwo' })).toEqual({ HOUSING: 'One\nTwo' })
  })
})

describe('optional dates (the filters of the referrals, requests and chronology)', () => {
  const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message)

  it('take a blank or missing date as none, and a real one as it is', () => {
    for (const schema of [optionalDate('Start date'), optionalDate('Start date', '1900-01-01')]) {
      expect(schema.parse(undefined)).toBe(null)
      expect(schema.parse('  ')).toBe(null)
      expect(schema.parse('2026-03-27')).toBe('2026-03-27')
    }
  })

  it('refuse a date that is not one with the field’s own message', () => {
    expect(message(optionalDate('Start date'), '31/2/2026')).toEqual(['Start date must be a real date'])
    expect(message(optionalDate('End date'), '0001-01-01')).toEqual(['End date must be a real date'])
    expect(message(optionalDate('Start date', '1900-01-01'), '2026-02-30')).toEqual(['Start date must be a real date'])
  })

  it('say the earliest day, where there is one, to a day before it, even one isoDate does not make', () => {
    expect(message(optionalDate('Start date', '1900-01-01'), '1899-12-31')).toEqual(['Start date must be 1 January 1900 or later'])
    expect(message(optionalDate('End date', '1900-01-01'), '0001-01-01')).toEqual(['End date must be 1 January 1900 or later'])
  })
})
