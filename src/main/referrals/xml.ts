// A few lines of XML writing, enough for the census file (no XML library in the project, and the
// file is a fixed shape of elements with text). The escaping is the part that must be right.

/** Characters XML 1.0 cannot hold at all, escaped or not (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex -- finding the characters XML cannot hold is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Text as XML element content or a quoted attribute value: & < > " ' as entities (> too, so "]]>"
 * can never appear), and characters XML cannot hold taken out (the app's own cleaning removes
 * them from anything typed; this makes sure a file is well formed whatever reaches it).
 */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** An element: text, or child elements (already XML), or nothing (left out entirely). */
export type XmlNode = { name: string; text: string } | { name: string; children: XmlNode[] }

const NAME = /^[A-Za-z_][\w.-]*$/

/** The nodes, indented two spaces a level; element names are the census's own, checked all the same. */
export function xmlElements(nodes: XmlNode[], depth = 0): string {
  const pad = '  '.repeat(depth)
  return nodes
    .map((node) => {
      if (!NAME.test(node.name)) throw new Error(`Not an XML element name: ${node.name}`)
      if ('text' in node) return `${pad}<${node.name}>${xmlText(node.text)}</${node.name}>\n`
      return `${pad}<${node.name}>\n${xmlElements(node.children, depth + 1)}${pad}</${node.name}>\n`
    })
    .join('')
}

export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlElements([root])}`
}
