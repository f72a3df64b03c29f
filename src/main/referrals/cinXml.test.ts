// The step-up's census file for one child, checked against the Children in Need census's structure
// as reference/codes.md describes it: each file is parsed back (strictly) and its tree compared,
// element by element and code by code, with that structure, written out here by hand.
import { describe, expect, it } from 'vitest'
import { DISABILITY, ETHNICITY } from '../../shared/codes'
import { REFERRAL_SOURCE, UPN_UNKNOWN } from '../../shared/referrals/codes'
import { censusYear, cinMissing, cinProblems, cinXml, type CinChild, type CinFile } from './cinXml'
import { at, parseXml, type XmlElement } from './xmlTesting'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const codes = (list: { items: readonly { code: string }[] }) => list.items.map((i) => i.code)

/** What is wrong with `root` as a census message, by the structure in codes.md; empty when nothing is. */
function censusProblems(root: XmlElement): string[] {
  const problems: string[] = []
  const names = (e: XmlElement | undefined) => e?.children.map((c) => c.name) ?? []
  const expectNames = (e: XmlElement | undefined, path: string, pattern: RegExp) => {
    if (!pattern.test(names(e).join(' '))) problems.push(`${path} holds ${names(e).join(' ') || 'nothing'}`)
  }
  const value = (e: XmlElement | undefined, path: string, ok: (v: string) => boolean) => {
    if (!e) return problems.push(`${path} is missing`)
    if (e.children.length || !ok(e.text)) problems.push(`${path} is ${JSON.stringify(e.text)}`)
  }
  const oneOf = (list: string[]) => (v: string) => list.includes(v)
  if (root.name !== 'Message') problems.push(`the root is ${root.name}`)
  expectNames(root, 'Message', /^Header Children$/)
  const header = at(root, 'Header')
  expectNames(header, 'Header', /^CollectionDetails Source$/)
  expectNames(at(root, 'Header', 'CollectionDetails'), 'CollectionDetails', /^Collection Year ReferenceDate$/)
  value(at(root, 'Header', 'CollectionDetails', 'Collection'), 'Collection', (v) => v === 'CIN')
  value(at(root, 'Header', 'CollectionDetails', 'Year'), 'Year', (v) => /^\d{4}$/.test(v))
  value(at(root, 'Header', 'CollectionDetails', 'ReferenceDate'), 'ReferenceDate', (v) => DATE.test(v))
  expectNames(at(root, 'Header', 'Source'), 'Source', /^SourceLevel LEA SoftwareCode Release SerialNo DateTime$/)
  value(at(root, 'Header', 'Source', 'SourceLevel'), 'SourceLevel', (v) => v === 'L')
  value(at(root, 'Header', 'Source', 'LEA'), 'LEA', (v) => /^\d{3}$/.test(v))
  value(at(root, 'Header', 'Source', 'DateTime'), 'DateTime', (v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(v))
  const children = at(root, 'Children')
  expectNames(children, 'Children', /^Child( Child)*$/)
  for (const child of children?.children ?? []) {
    expectNames(child, 'Child', /^ChildIdentifiers ChildCharacteristics CINdetails( CINdetails)*$/)
    const ids = at(child, 'ChildIdentifiers')
    expectNames(ids, 'ChildIdentifiers', /^LAchildID (UPN|UPNunknown) (PersonBirthDate|ExpectedPersonBirthDate) Sex( PersonDeathDate)?$/)
    value(at(ids!, 'LAchildID'), 'LAchildID', (v) => v.trim().length > 0)
    if (at(ids!, 'UPN')) value(at(ids!, 'UPN'), 'UPN', (v) => /^[A-Z](\d{12}|\d{11}[A-Z])$/.test(v))
    else value(at(ids!, 'UPNunknown'), 'UPNunknown', oneOf(codes(UPN_UNKNOWN)))
    const birth = at(ids!, 'PersonBirthDate') ?? at(ids!, 'ExpectedPersonBirthDate')
    value(birth, 'the birth date', (v) => DATE.test(v))
    value(at(ids!, 'Sex'), 'Sex', oneOf(['F', 'M', 'U']))
    const traits = at(child, 'ChildCharacteristics')
    expectNames(traits, 'ChildCharacteristics', /^Ethnicity( Disabilities)?$/)
    value(at(traits!, 'Ethnicity'), 'Ethnicity', oneOf(codes(ETHNICITY)))
    const disabilities = at(traits!, 'Disabilities')
    if (disabilities) {
      expectNames(disabilities, 'Disabilities', /^Disability( Disability)*$/)
      for (const d of disabilities.children) value(d, 'Disability', oneOf(codes(DISABILITY)))
    }
    for (const details of child.children.filter((c) => c.name === 'CINdetails')) {
      expectNames(details, 'CINdetails', /^CINreferralDate ReferralSource( PrimaryNeedCode)? ReferralNFA/)
      value(at(details, 'CINreferralDate'), 'CINreferralDate', (v) => DATE.test(v))
      value(at(details, 'ReferralSource'), 'ReferralSource', oneOf(codes(REFERRAL_SOURCE)))
      value(at(details, 'ReferralNFA'), 'ReferralNFA', oneOf(['true', 'false']))
    }
  }
  return problems
}

const catherine: CinChild = {
  id: '7a2d2c1f-2e3b-4d64-8b54-7a1e2b3c4d02',
  kind: 'child',
  dateOfBirth: '2019-07-03',
  expectedDate: null,
  sex: 'F',
  ethnicity: 'BAFR',
  upn: 'Q823456789012',
  disabilities: []
}
const file = (child: Partial<CinChild>, more: Partial<CinFile> = {}): CinFile => ({
  lea: '330',
  now: '2026-04-02T09:30:12.345Z',
  child: { ...catherine, ...child },
  upnUnknown: null,
  referralDate: '2026-04-02',
  referralSource: '5D',
  ...more
})

/** The file made, parsed back, and checked against the census's structure. */
function made(f: CinFile): XmlElement {
  expect(cinProblems(f)).toEqual([])
  const root = parseXml(cinXml(f))
  expect(censusProblems(root)).toEqual([])
  return root
}
const identifiers = (root: XmlElement) => at(root, 'Children', 'Child', 'ChildIdentifiers')!.children.map((c) => [c.name, c.text])

describe('the census file of a step-up', () => {
  it('for a child with a UPN: identifiers, characteristics, the referral, and a header for the authority', () => {
    const root = made(file({}))
    expect(identifiers(root)).toEqual([
      ['LAchildID', catherine.id],
      ['UPN', 'Q823456789012'],
      ['PersonBirthDate', '2019-07-03'],
      ['Sex', 'F']
    ])
    expect(at(root, 'Children', 'Child', 'ChildCharacteristics')!.children.map((c) => [c.name, c.text])).toEqual([['Ethnicity', 'BAFR']])
    expect(at(root, 'Children', 'Child', 'CINdetails')!.children.map((c) => [c.name, c.text])).toEqual([
      ['CINreferralDate', '2026-04-02'],
      ['ReferralSource', '5D'],
      ['ReferralNFA', 'false']
    ])
    // 2 April 2026 falls in the census year ending 31 March 2027.
    expect(at(root, 'Header', 'CollectionDetails')!.children.map((c) => [c.name, c.text])).toEqual([
      ['Collection', 'CIN'],
      ['Year', '2027'],
      ['ReferenceDate', '2027-03-31']
    ])
    expect(at(root, 'Header', 'Source', 'LEA')!.text).toBe('330')
    expect(at(root, 'Header', 'Source', 'DateTime')!.text).toBe('2026-04-02T09:30:12')
  })

  it('for a child without a UPN: the reason it is not known, and no UPN', () => {
    const root = made(file({ upn: null, sex: 'M' }, { upnUnknown: 'UN2', referralSource: '8' }))
    expect(identifiers(root)).toEqual([
      ['LAchildID', catherine.id],
      ['UPNunknown', 'UN2'],
      ['PersonBirthDate', '2019-07-03'],
      ['Sex', 'M']
    ])
    expect(at(root, 'Children', 'Child', 'CINdetails', 'ReferralSource')!.text).toBe('8')
  })

  it('for an unborn baby: the expected date of birth, sex not yet known', () => {
    const root = made(file({ kind: 'unborn', dateOfBirth: null, expectedDate: '2026-07-01', sex: null, upn: null, ethnicity: 'NOBT' }, { upnUnknown: 'UN1' }))
    expect(identifiers(root)).toEqual([
      ['LAchildID', catherine.id],
      ['UPNunknown', 'UN1'],
      ['ExpectedPersonBirthDate', '2026-07-01'],
      ['Sex', 'U']
    ])
  })

  it('for a child with disabilities: each one, as a census code', () => {
    const root = made(file({ disabilities: ['HEAR', 'COMM', 'AUT'] }))
    expect(at(root, 'Children', 'Child', 'ChildCharacteristics', 'Disabilities')!.children.map((c) => [c.name, c.text])).toEqual([
      ['Disability', 'HEAR'],
      ['Disability', 'COMM'],
      ['Disability', 'AUT']
    ])
  })

  it('is refused for a child with no ethnicity recorded, saying so, and written for nobody', () => {
    const f = file({ ethnicity: null })
    expect(cinMissing(f.child)).toEqual(['No ethnicity recorded (record “Information not yet obtained” if it is not known yet)'])
    expect(cinProblems(f)).toEqual(cinMissing(f.child))
    expect(() => cinXml(f)).toThrow(/No ethnicity recorded/)
  })

  it('lists everything missing at once: the date of birth, the expected date, why a UPN is not known', () => {
    expect(cinProblems(file({ dateOfBirth: null, upn: null, ethnicity: null }))).toEqual([
      'No date of birth recorded',
      'No ethnicity recorded (record “Information not yet obtained” if it is not known yet)',
      'No UPN recorded: select why it is not known'
    ])
    expect(cinProblems(file({ kind: 'unborn', dateOfBirth: null, expectedDate: null }))).toEqual(['No expected date of birth recorded'])
    expect(cinProblems(file({ upn: null }, { upnUnknown: 'UN9' }))).toEqual(['No UPN recorded: select why it is not known'])
    expect(cinProblems(file({ upn: 'Q82345678901' }))).toEqual(['The UPN recorded is not in the census’s form'])
  })

  it('dates the collection by the census year, which ends on 31 March', () => {
    expect(censusYear('2026-03-31')).toBe(2026)
    expect(censusYear('2026-04-01')).toBe(2027)
    expect(censusYear('2026-12-31')).toBe(2027)
  })
})
