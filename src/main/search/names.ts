// How names are compared: accents, case, apostrophes and hyphens do not matter, and names that
// sound alike (Smith/Smyth, Catherine/Kathryn) share a Double Metaphone key.
import { doubleMetaphone } from 'double-metaphone'

// Letters that Unicode decomposition leaves whole but English speakers type without marks.
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' }

export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c)
}

/**
 * Words that begin a surname and are typed with or without a space: Mac Donald and MacDonald,
 * de Souza and Desouza, van der Berg and Vanderberg.
 */
export const PARTICLES: ReadonlySet<string> = new Set([
  'mac',
  'mc',
  'de',
  'da',
  'di',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'le',
  'la',
  'du',
  'des',
  'st',
  'al',
  'el',
  'bin',
  'ibn',
  'abu',
  'ap',
  'fitz'
])

/**
 * The words a name is found by: each part between spaces, hyphens and apostrophes; each
 * hyphenated or apostrophised word joined up (O'Neill → o, neill, oneill; Smith-Jones → smith,
 * jones, smithjones); a name of several words joined up (Garcia Lopez → garcialopez); and a run of
 * particles joined to the word after it (Maria de la Cruz → delacruz).
 */
export function nameTokens(...names: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>()
  const add = (token: string) => {
    if (token) tokens.add(token)
  }
  for (const name of names) {
    if (!name) continue
    const words = foldName(name)
      .split(/\s+/)
      .map((word) =>
        word
          .split(/['’`‘-]+/)
          .map(clean)
          .filter(Boolean)
      )
      .filter((parts) => parts.length > 0)
    for (const parts of words) {
      for (const part of parts) add(part)
      add(parts.join(''))
    }
    const joined = words.map((parts) => parts.join(''))
    if (joined.length > 1) add(joined.join(''))
    for (let i = 0; i < joined.length - 1; i++) {
      if (!PARTICLES.has(joined[i]!) || (i > 0 && PARTICLES.has(joined[i - 1]!))) continue
      let end = i
      while (end < joined.length - 1 && PARTICLES.has(joined[end]!)) end++
      add(joined.slice(i, end + 1).join(''))
    }
  }
  return [...tokens]
}

/**
 * One thing to match in a search: a word typed, or a run of particles with the word after it
 * (mac donald), which matches those words each on their own or joined up (macdonald).
 */
export interface QueryTerm {
  words: string[]
  joined: string
}

/** The query's words (queryToken each), grouped into terms. */
export function queryTerms(tokens: string[]): QueryTerm[] {
  const terms: QueryTerm[] = []
  for (let i = 0; i < tokens.length; i++) {
    let end = i
    while (end < tokens.length - 1 && PARTICLES.has(tokens[end]!)) end++
    const words = tokens.slice(i, end + 1)
    terms.push({ words, joined: words.join('') })
    i = end
  }
  return terms
}

/** A query word: folded, with apostrophes and hyphens removed rather than split on. */
export function queryToken(word: string): string {
  return clean(foldName(word).replace(/['’`‘-]+/g, ''))
}

function clean(text: string): string {
  return text.replace(/[^a-z0-9]/g, '')
}

/** Sound-alike keys of a word (one or two); none for words too short to sound like anything. */
export function soundKeys(token: string): string[] {
  if (token.length < 2 || /\d/.test(token)) return []
  const [primary, secondary] = doubleMetaphone(token)
  const keys = new Set([primary, secondary].filter((k) => k.length > 0).map((k) => k.toLowerCase()))
  return [...keys]
}

export function soundKeysOf(...names: (string | null | undefined)[]): string[] {
  const keys = new Set<string>()
  for (const token of nameTokens(...names)) for (const k of soundKeys(token)) keys.add(k)
  return [...keys]
}

/** True when any word of one name sounds like any word of the other. */
export function soundsAlike(a: string | null | undefined, b: string | null | undefined): boolean {
  const keysA = new Set(soundKeysOf(a))
  return soundKeysOf(b).some((k) => keysA.has(k))
}
