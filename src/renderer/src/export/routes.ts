// The Export screen's address (#/export). router.ts joins it to the app's.

export type ExportRoute = { name: 'export' }

/** The route for what follows #/export, or null when it is none of the export's. */
export function parseExportRoute(parts: string[]): ExportRoute | null {
  return parts.length === 0 ? { name: 'export' } : null
}

export const exportHref = '#/export'
