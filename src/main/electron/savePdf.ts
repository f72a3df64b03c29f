// The desktop window's part in saving a page as a PDF: the save dialogue, then Chromium's own
// print-to-PDF of the page as it prints (the print stylesheet leaves the app's navigation off).
import { writeFile } from 'node:fs/promises'
import { BrowserWindow, dialog, type WebContents } from 'electron'
import type { WindowHost } from '../core/context'

export function windowHost(contents: WebContents): WindowHost {
  return {
    async savePdf(fileName) {
      const options = { title: 'Save as PDF', defaultPath: fileName, filters: [{ name: 'PDF document', extensions: ['pdf'] }] }
      const owner = BrowserWindow.fromWebContents(contents)
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return null
      const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true })
      await writeFile(choice.filePath, pdf)
      return choice.filePath
    }
  }
}
