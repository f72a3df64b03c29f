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
 * The words a name is found by: each part between spaces, hyphens and apostrophes, and each
 * hyphenated or apostrophised word joined up (O'Neill → o, neill, oneill; Smith-Jones → smith,
 * jones, smithjones).
 */
export function nameTokens(...names: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>()
  for (const name of names) {
    if (!name) continue
    for (const word of foldName(name).split(/\s+/)) {
      const parts = word
        .split(/['’`‘-]+/)
        .map(clean)
        .filter(Boolean)
      for (const part of parts) tokens.add(part)
      const joined = parts.join('')
      if (joined) tokens.add(joined)
    }
  }
  return [...tokens]
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
