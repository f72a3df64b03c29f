// The rule table itself: codes unique and in the scheme written here by hand (a rule about a
// person must be 2xx, and so on), messages in plain en-GB that say what to fix, the document's
// view of the table, and a test of every rule in this folder.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ruleCode, validationRuleDoc, type ValidationRecordType } from '../../../shared/export/validation'
import { rulesForDocument } from './document'
import { RULES } from './rules'

/** The scheme, as rules.ts states it: the series a rule's code is in says what it is about. */
const SERIES: Record<string, ValidationRecordType[]> = {
  '1': ['family'],
  '2': ['person'],
  '3': ['consent'],
  '4': ['episode'],
  '5': ['family-plan', 'review'],
  '6': ['case-note'],
  '70': ['request-for-help'],
  '71': ['outbound-referral'],
  '72': ['step-up'],
  '8': ['staff']
}

const seriesOf = (code: string) => (code[2] === '7' ? code.slice(2, 4) : (code[2] as string))

/** American spellings and words GOV.UK style avoids in what users read. */
const NOT_EN_GB =
  /\b(color|organization|organize|center|license\b|program\b|enroll|favor|behavior|analyze|authorize|canceled|catalog|gray|judgment|please|sorry|invalid|error|must not)\b/i

describe('the rule table', () => {
  it('gives every rule a unique code in the scheme for what it is about', () => {
    const codes = RULES.map((r) => r.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const rule of RULES) {
      expect({ code: rule.code, isRuleCode: ruleCode.safeParse(rule.code).success }).toEqual({ code: rule.code, isRuleCode: true })
      expect({ code: rule.code, recordType: rule.recordType, allowed: SERIES[seriesOf(rule.code)]?.includes(rule.recordType) }).toEqual({
        code: rule.code,
        recordType: rule.recordType,
        allowed: true
      })
    }
    // Listed in code order, as the document and the Export screen show them.
    expect(codes).toEqual([...codes].sort())
  })

  it('says in plain en-GB sentences what is wrong and what to do', () => {
    for (const { code, message, description } of RULES) {
      for (const text of [message, description]) {
        expect({ code, text, trimmed: text.trim() === text && text.length > 0 }).toEqual({ code, text, trimmed: true })
        expect({ code, text, matches: NOT_EN_GB.test(text) ? 'not en-GB' : 'ok' }).toEqual({ code, text, matches: 'ok' })
        expect(text).not.toMatch(/ {2}|!|\bi\.e\b|\be\.g\b/)
      }
      // Two parts at least: what is wrong, then what to do, each a sentence from a capital to a full stop.
      expect({ code, sentences: message.split(/(?<=\.) /).every((s) => /^[A-Z].*\.$/.test(s)) && message.split(/(?<=\.) /).length >= 2 }).toEqual({
        code,
        sentences: true
      })
      expect(message.length).toBeLessThanOrEqual(200)
    }
  })

  it('gives the format document each rule’s code, severity, record, message and description', () => {
    const documented = rulesForDocument()
    expect(documented.map((d) => d.code)).toEqual(RULES.map((r) => r.code))
    for (const rule of documented) expect(validationRuleDoc.parse(rule)).toEqual(rule)
    expect(documented.filter((d) => d.severity === 'error').length).toBeGreaterThan(0)
    expect(documented.filter((d) => d.severity === 'warning').length).toBeGreaterThan(0)
  })

  it('has a test in this folder that breaks each rule', () => {
    const tested = new Set(
      readdirSync(__dirname)
        .filter((f) => /Rules\.test\.ts$/.test(f))
        .flatMap((f) => [...readFileSync(join(__dirname, f), 'utf8').matchAll(/code: '(CB\d{3})'/g)].map((m) => m[1]))
    )
    expect(RULES.map((r) => r.code).filter((code) => !tested.has(code))).toEqual([])
  })
})
