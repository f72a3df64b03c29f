// The text of a PDF, page by page, as a person copying it out would read it: proves what the
// printed document says, not just that a file was made.
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfPages(pdf)).join(' ').replace(/\s+/g, ' ')
}

/** The text of each page apart, spaces made single: what is on every sheet, and what sheet says what. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true }).promise
  const pages: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
    )
  }
  await doc.destroy()
  return pages
}
