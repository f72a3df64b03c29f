// A second, independent measure of how alike two first names are, for the duplicate check: the
// sound-alike key misses Sean/Shaun and Kacper/Kasper. Jaro-Winkler similarity on the folded names
// says how close the spelling is; a name's consonants say whether the difference is one of spelling
// or of another name, so twins' names (Oliver and Olivia, Harry and Harvey, Daniel and Daniela) stay
// apart. Only the first word of each first name is compared.
import { jaroWinkler } from '@skyra/jaro-winkler'
import { nameTokens } from './names'

/** Spellings this close or closer may be the same name (Sean/Shaun is 0.81; Kacper/Kasper 0.91). */
export const CLOSE_SPELLING = 0.8

/** A first name's first word, folded (Zoë Ann → zoe): what the duplicate check compares first names by. */
export const firstWord = (name: string | null | undefined) => nameTokens(name?.trim().split(/\s+/)[0])[0] ?? null

/** The name's consonants after its first letter, doubled ones once: s(e)(a)n → sn, s(h)(a)(u)n → sn; h, w and y are vowels here, ph is f. */
function consonants(word: string): string {
  return word
    .slice(1)
    .replace(/ph/g, 'f')
    .replace(/[aeiouyhw]/g, '')
    .replace(/(.)\1+/g, '$1')
}

/**
 * Consonants that sound alike, so one may stand for another in a spelling (Kacper, Kasper;
 * Stephen, Steven). Any other change is another name: Alfie and Albie, Adam and Adan, Lara and Lana.
 */
const SOUND_ALIKE = ['ckqsxz', 'fv', 'gj']
const soundAlike = (p: string, q: string) => SOUND_ALIKE.some((group) => group.includes(p) && group.includes(q))

/** Sarah and Sara, Hannah and Hanna end alike: a final h after a vowel is silent. */
const endsInVowel = (word: string) => /[aeiouy]h?$/.test(word)

export function closeFirstNames(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = firstWord(a)
  const y = firstWord(b)
  if (!x || !y) return false
  if (x === y) return true
  if (jaroWinkler(x, y) < CLOSE_SPELLING) return false
  // Another name, not another spelling: a different first letter, a different kind of ending
  // (Oliver, Olivia), consonants added or dropped, or changed in more than one place or for one
  // that sounds different (Evan, Ethan).
  if (x[0] !== y[0] || endsInVowel(x) !== endsInVowel(y)) return false
  const cx = consonants(x)
  const cy = consonants(y)
  if (cx.length !== cy.length) return false
  let differences = 0
  for (let i = 0; i < cx.length; i++) {
    if (cx[i] === cy[i]) continue
    if (!soundAlike(cx[i]!, cy[i]!)) return false
    differences++
  }
  return differences <= 1
}
