// `npm run docs:export`: rewrites the generated sections of docs/export-format.md (files and fields,
// code lists, validation rules, the worked example) from the code, and formats the document.
import { readFile, writeFile } from 'node:fs/promises'
import { DOCUMENT_PATH, formatDocument } from './formatDocument'

async function main(): Promise<void> {
  const current = await readFile(DOCUMENT_PATH, 'utf8')
  const next = await formatDocument(current)
  if (next === current) {
    process.stdout.write('docs/export-format.md is up to date.\n')
    return
  }
  await writeFile(DOCUMENT_PATH, next, 'utf8')
  process.stdout.write('docs/export-format.md rewritten from the code.\n')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
