// Saving a file the core made (a step-up's census file) from the desktop window, against a mocked
// `electron` module (no Electron binary can run here): the save dialogue is asked first, with the
// file's kind offered, and nothing is written if it is cancelled.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

const showSaveDialog = vi.fn()
vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => ({ id: 1 }) },
  dialog: { showSaveDialog: (...args: unknown[]) => showSaveDialog(...args) }
}))

describe('windowHost.saveFile', () => {
  const contents = { printToPDF: vi.fn() }
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<Message>Zoë &amp; co</Message>\n'

  it('writes the text, as UTF-8, where the user chose, and says where', async () => {
    const { windowHost } = await import('./savePdf')
    const target = join(mkdtempSync(join(tmpdir(), 'save-file-')), 'Step-up.xml')
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    expect(await windowHost(contents as never).saveFile!('Step-up RV-000001 Catherine.xml', xml)).toBe(target)
    expect(showSaveDialog).toHaveBeenLastCalledWith(
      { id: 1 },
      expect.objectContaining({ defaultPath: 'Step-up RV-000001 Catherine.xml', filters: [{ name: 'XML file', extensions: ['xml'] }] })
    )
    expect(readFileSync(target, 'utf8')).toBe(xml)
    expect(contents.printToPDF).not.toHaveBeenCalled()
  })

  it('writes nothing when the dialogue is cancelled', async () => {
    const { windowHost } = await import('./savePdf')
    const target = join(mkdtempSync(join(tmpdir(), 'save-file-')), 'never.xml')
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: target })
    expect(await windowHost(contents as never).saveFile!('Step-up.xml', xml)).toBeNull()
    expect(existsSync(target)).toBe(false)
  })
})
