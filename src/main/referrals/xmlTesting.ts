// For tests of the XML Casebook writes: a real parser, strict (sax in strict mode: a bare &, a tag
// left open or closed out of turn is an error), so that a test proves the file is well-formed
// rather than trusting the writer. What it reads back is a plain tree to compare with the shape expected.
import sax from 'sax'

export interface XmlElement {
  name: string
  /** The element's own text (its children's left out), as the parser decoded it. */
  text: string
  children: XmlElement[]
}

/** Parses strictly: one root element, no DOCTYPE, nothing but the XML declaration before it; any error is thrown. */
export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true)
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  const fail = (message: string): never => {
    throw new Error(`Not well-formed XML: ${message}`)
  }
  parser.onerror = (error) => fail(error.message.split('\n')[0]!)
  parser.ondoctype = () => fail('a DOCTYPE')
  parser.onprocessinginstruction = (pi) => (pi.name === 'xml' && !root ? undefined : fail(`a processing instruction ${pi.name}`))
  parser.onopentag = (tag) => {
    if (Object.keys(tag.attributes).length) fail(`attributes on ${tag.name}`)
    const element: XmlElement = { name: tag.name, text: '', children: [] }
    if (stack.length) stack.at(-1)!.children.push(element)
    else if (root) fail(`a second root element ${tag.name}`)
    else root = element
    stack.push(element)
  }
  parser.onclosetag = () => void stack.pop()
  parser.ontext = (text) => {
    if (stack.length) stack.at(-1)!.text += text
    else if (text.trim()) fail(`text outside the root element: ${text}`)
  }
  parser.write(xml).close()
  return root ?? fail('no root element')
}

/** The element at this path of names below `from` (the first of each name), or undefined. */
export function at(from: XmlElement, ...path: string[]): XmlElement | undefined {
  let node: XmlElement | undefined = from
  for (const name of path) node = node?.children.find((c) => c.name === name)
  return node
}
