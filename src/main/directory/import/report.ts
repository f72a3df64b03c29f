// What an import did, as lines for the command line (and a scheduled task's log).
import type { DirectoryImportResult } from '../../../shared/directory/schemas'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export function directoryImportReport(r: DirectoryImportResult): string[] {
  const lines = [
    `Imported the agency directory from ${r.source} (Open Referral UK version ${r.shape === 'v3' ? 3 : 1}, ${r.complete ? 'the whole feed' : 'part of the feed: no service was made inactive'}).`,
    `Organisations: ${r.organisations.added} added, ${r.organisations.updated} updated, ${r.organisations.unchanged} unchanged.`,
    `Services: ${r.services.added} added, ${r.services.updated} updated, ${r.services.unchanged} unchanged, ${r.services.madeInactive} made inactive.`
  ]
  if (r.skippedTotal) {
    lines.push(`Skipped ${plural(r.skippedTotal, 'service')}:`)
    for (const s of r.skipped) lines.push(`  ${s.feedId ?? '(no id)'} ${s.name ?? '(no name)'}: ${s.reason}`)
    if (r.skippedTotal > r.skipped.length) lines.push(`  and ${r.skippedTotal - r.skipped.length} more`)
  }
  if (r.notesTotal) {
    lines.push(`Changed to fit (${plural(r.notesTotal, 'note')}):`)
    for (const n of r.notes) lines.push(`  ${n.feedId} ${n.name}: ${n.note}`)
    if (r.notesTotal > r.notes.length) lines.push(`  and ${r.notesTotal - r.notes.length} more`)
  }
  return lines
}
