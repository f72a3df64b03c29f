import { describe, expect, it } from 'vitest'
import { closeFirstNames } from './closeNames'
import { soundsAlike } from './names'

// [first name on record, first name typed, close by spelling, sound alike (the first measure)]
const PAIRS: [string, string, boolean, boolean][] = [
  // Missed by the sound-alike key, caught by the second measure.
  ['Sean', 'Shaun', true, false],
  ['Kacper', 'Kasper', true, false],
  ['Hannah', 'Hanna', true, true],
  ['Lily', 'Lilly', true, true],
  ['Zoë', 'Zoey', true, true],
  ['Thomas', 'Tomas', true, true],
  ['Stephen', 'Steven', true, true],
  ['Lucas', 'Lukas', true, true],
  // A boy's name and a girl's both measures call alike: only the recorded sex tells them apart (duplicates.ts).
  ['Francis', 'Frances', true, true],
  // Twins' names and other different names: the second measure never makes them one (the sound-alike
  // key, unchanged here, already calls Jack and Jake, Daniel and Daniela alike).
  ['Oliver', 'Olivia', false, false],
  ['Harry', 'Harvey', false, false],
  ['Jack', 'Jake', false, true],
  ['Daniel', 'Daniela', false, true],
  ['Louis', 'Louise', false, true],
  ['Isla', 'Isha', false, false],
  ['Noah', 'Nora', false, false],
  ['Mason', 'Jason', false, false],
  ['Ava', 'Eva', false, true],
  ['Peter', 'Paul', false, false],
  // Twins' names one consonant apart, where the consonants sound different: another name, not a spelling.
  ['Evan', 'Ethan', false, false],
  ['Lara', 'Lana', false, false],
  ['Alfie', 'Albie', false, false],
  ['Ronnie', 'Robbie', false, false],
  ['Danny', 'Davy', false, false],
  ['Eden', 'Elen', false, false],
  ['Amir', 'Amin', false, false],
  ['Adam', 'Adan', false, false],
  ['Hana', 'Hala', false, false],
  ['Sara', 'Sana', false, false],
  ['Rama', 'Rana', false, false]
]

describe('first names close by spelling (Jaro-Winkler, with the consonants kept or changed only for one that sounds alike)', () => {
  for (const [a, b, close, sound] of PAIRS) {
    it(`${a} and ${b}: ${close ? 'close' : 'not close'}`, () => {
      expect(closeFirstNames(a, b)).toBe(close)
      expect(closeFirstNames(b, a)).toBe(close)
      expect(soundsAlike(a, b)).toBe(sound)
    })
  }

  it('compares the first word of a first name only, and nothing when either is missing', () => {
    expect(closeFirstNames('Sean Patrick', 'Shaun')).toBe(true)
    expect(closeFirstNames(null, 'Shaun')).toBe(false)
    expect(closeFirstNames('', '')).toBe(false)
  })
})
