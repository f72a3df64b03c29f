// Saving a page as a PDF from the desktop window, against a mocked `electron` module (no Electron
// binary can run here): the save dialogue is asked first, nothing is written if it is cancelled.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

const showSaveDialog = vi.fn()
vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => ({ id: 1 }) },
  dialog: { showSaveDialog: (...args: unknown[]) => showSaveDialog(...args) }
}))

describe('windowHost.savePdf', () => {
  const contents = { printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 the plan')) }

  it('writes the page as printed where the user chose, and says where', async () => {
    const { windowHost } = await import('./savePdf')
    const target = join(mkdtempSync(join(tmpdir(), 'save-pdf-')), 'Family plan.pdf')
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    expect(await windowHost(contents as never).savePdf('Family plan RV-000001.pdf')).toBe(target)
    expect(showSaveDialog).toHaveBeenLastCalledWith(
      { id: 1 },
      expect.objectContaining({ defaultPath: 'Family plan RV-000001.pdf', filters: [{ name: 'PDF document', extensions: ['pdf'] }] })
    )
    expect(contents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true })
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 the plan')
  })

  it('writes nothing when the dialogue is cancelled', async () => {
    const { windowHost } = await import('./savePdf')
    contents.printToPDF.mockClear()
    const target = join(mkdtempSync(join(tmpdir(), 'save-pdf-')), 'never.pdf')
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: target })
    expect(await windowHost(contents as never).savePdf('Family plan.pdf')).toBeNull()
    expect(contents.printToPDF).not.toHaveBeenCalled()
    expect(existsSync(target)).toBe(false)
  })
})
