// The desktop window's part in saving a page as a PDF, or a file the core made (a census file): the
// save dialogue, then Chromium's own print-to-PDF of the page as it prints (the print stylesheet
// leaves the app's navigation off), or the text as given.
import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { BrowserWindow, dialog, type SaveDialogOptions, type WebContents } from 'electron'
import type { WindowHost } from '../core/context'

/** What the save dialogue offers for a file of this name's kind. */
const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.pdf': { name: 'PDF document', extensions: ['pdf'] },
  '.xml': { name: 'XML file', extensions: ['xml'] }
}

export function windowHost(contents: WebContents): WindowHost {
  async function choose(title: string, fileName: string): Promise<string | null> {
    const filter = FILTERS[extname(fileName).toLowerCase()]
    const options: SaveDialogOptions = { title, defaultPath: fileName, filters: filter ? [filter] : [] }
    const owner = BrowserWindow.fromWebContents(contents)
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
    return choice.canceled || !choice.filePath ? null : choice.filePath
  }
  return {
    async savePdf(fileName) {
      const path = await choose('Save as PDF', fileName)
      if (!path) return null
      const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true })
      await writeFile(path, pdf)
      return path
    },
    async saveFile(fileName, content) {
      const path = await choose('Save the file', fileName)
      if (!path) return null
      await writeFile(path, content, 'utf8')
      return path
    }
  }
}
