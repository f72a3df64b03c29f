// The census file's escaping: whatever text reaches it, the file is well-formed XML and reads back
// as the same text. Parsed back with a real XML parser (sax, strict), which refuses what is not.
import { describe, expect, it } from 'vitest'
import { xmlDocument, xmlElements, xmlText } from './xml'
import { parseXml } from './xmlTesting'

const HOSTILE = [
  "O'Neill-Okafor",
  'Zoë “Jo” Smith & Sons',
  '<script>alert(1)</script>',
  ']]><Child>injected</Child><![CDATA[',
  '&amp; already escaped',
  'a < b > c " d \' e',
  '</LAchildID><UPN>A123456789012</UPN><LAchildID>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  'Łukasz Żółć 王小明 محمد 👩‍👧',
  'tab\tand\nnew line'
]

describe('xmlText', () => {
  it('escapes the five characters XML gives meaning to', () => {
    expect(xmlText(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;')
    expect(xmlText(']]>')).toBe(']]&gt;')
  })

  it.each(HOSTILE)('keeps %j as text: one element, the same text read back', (text) => {
    const root = parseXml(xmlDocument({ name: 'Message', children: [{ name: 'Name', text }] }))
    expect(root).toEqual({ name: 'Message', text: expect.any(String), children: [{ name: 'Name', text, children: [] }] })
  })

  it('takes out the characters XML 1.0 cannot hold, and keeps the rest', () => {
    const text = 'bell\u0007 null\u0000 escape\u001b lone\ud800 end\uffff ok'
    expect(parseXml(xmlDocument({ name: 'Name', text })).text).toBe('bell null escape lone end ok')
  })
})

describe('parseXml', () => {
  it('refuses what is not well-formed, so the tests above prove something', () => {
    expect(() => parseXml('<a>Tom & Jerry</a>')).toThrow(/Not well-formed/)
    expect(() => parseXml('<a><b></a>')).toThrow(/Not well-formed/)
    expect(() => parseXml('<a>x</a><b/>')).toThrow(/Not well-formed/)
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).toThrow(/Not well-formed/)
    expect(() => parseXml('<a>x')).toThrow(/Not well-formed/)
  })
})

describe('xmlElements', () => {
  it('refuses an element name that is not one', () => {
    expect(() => xmlElements([{ name: 'a b', text: '' }])).toThrow(/Not an XML element name/)
    expect(() => xmlElements([{ name: '<x>', text: '' }])).toThrow(/Not an XML element name/)
  })
})
