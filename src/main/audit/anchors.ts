// The audit trail's head: its last entry's sequence number and hash. Each backup and each export
// records it (an anchor), so that verification can tell when entries at the end were removed: the
// hash chain alone, checked from the start, cannot see a trail cut short.
//
// Anchors are found in four places. The backup_run and export_run rows are in the database itself, so
// whoever deletes entries from the file can delete those rows too; the backup files' headers (the
// backup folder) and the packages' datapackage.json (the export folder) are elsewhere, often on a
// share the desk's users cannot rewrite, and are what makes the check worth having. Those two are
// believed only when their MAC checks (./anchorMac.ts): a share's writer cannot forge one.
import { hubOfPackageFolder } from '../export/package/packageFolder'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EntityManager } from 'typeorm'
import { auditAnchor, BACKUP_FILE_NAME, type AuditAnchor } from '../../shared/backup/schemas'
import type { AUDIT_ANCHOR_SOURCES } from '../../shared/audit/schemas'
import { backupAnchorAuthentic, readBackupHeader, type BackupKey } from '../backup/crypto'
import { anchorMacMatches, exportAnchorKey } from './anchorMac'
import { lastAuditEntry } from './audit'
import { DESCRIPTOR_FILE } from '../export/package/datapackage'

type Db = Pick<EntityManager, 'query'>

/** The head as `db` sees it (inside a transaction: that transaction's moment); null for an empty trail. */
export async function readAuditHead(db: Db): Promise<AuditAnchor | null> {
  const last = await lastAuditEntry(db)
  if (!last) return null
  const [first] = (await db.query('SELECT hash FROM audit_entry ORDER BY seq LIMIT 1')) as { hash: string }[]
  const { databaseId } = await readThisHub(db)
  return { seq: last.seq, hash: last.hash, firstHash: first!.hash, ...(databaseId ? { databaseId } : {}) }
}

export interface ThisHub {
  code: string | null
  /** hub.database_id; null in a database older than migration 16 (a backup taken before upgrading reads one). */
  databaseId: string | null
  /** The pseudonym key, which keys packages' anchors; null until the first export makes it. */
  pseudonymKey: string | null
}

/** The hub row's facts anchors are matched with. Every column, so that a database before migration 16 can be read too. */
export async function readThisHub(db: Db): Promise<ThisHub> {
  const [hub] = (await db.query('SELECT * FROM hub WHERE id = 1')) as { code?: string; database_id?: string; pseudonym_key?: string }[]
  return { code: hub?.code ?? null, databaseId: hub?.database_id || null, pseudonymKey: hub?.pseudonym_key || null }
}

export type AnchorSource = (typeof AUDIT_ANCHOR_SOURCES)[number]

export interface FoundAnchor {
  source: AnchorSource
  /** The backup file's or the package's name; for a run, its file's or package's name, else its id. */
  name: string
  /** When it was taken (ISO-8601 UTC). */
  takenAt: string
  /** The hub the file or package says it came from; null for a run recorded in this database. */
  hubCode: string | null
  anchor: AuditAnchor
  /**
   * Whether it can be believed: a run's row by being in the database; a file's or a package's when its
   * MAC checks (false when it has none, or this machine does not hold the backup key it was made with).
   */
  authentic: boolean
}

/** A backup run's or an export run's row: of this database by being in it. */
async function anchorsInRuns(db: Db): Promise<FoundAnchor[]> {
  const rows = (await db.query(
    `SELECT 'backup run' AS source, COALESCE(file_name, id) AS name, started_at AS "takenAt", audit_head_seq AS seq, audit_head_hash AS hash
       FROM backup_run WHERE audit_head_seq IS NOT NULL AND audit_head_hash IS NOT NULL
     UNION ALL
     SELECT 'export run', COALESCE(package_name, id), started_at, audit_head_seq, audit_head_hash
       FROM export_run WHERE audit_head_seq IS NOT NULL AND audit_head_hash IS NOT NULL`
  )) as { source: AnchorSource; name: string; takenAt: string; seq: number; hash: string }[]
  return rows.map((r) => ({ source: r.source, name: r.name, takenAt: r.takenAt, hubCode: null, anchor: { seq: Number(r.seq), hash: r.hash }, authentic: true }))
}

/** The names in a folder; none when it is not there or cannot be read (an unreachable share anchors nothing). */
async function namesIn(folder: string): Promise<string[]> {
  try {
    return await readdir(folder)
  } catch {
    return []
  }
}

async function anchorsInBackupFolder(folder: string, key: BackupKey | null): Promise<FoundAnchor[]> {
  const found: FoundAnchor[] = []
  for (const name of await namesIn(folder)) {
    if (!BACKUP_FILE_NAME.test(name)) continue
    try {
      const { header } = await readBackupHeader(join(folder, name))
      if (header.auditHead)
        found.push({
          source: 'backup file',
          name,
          takenAt: header.takenAt,
          hubCode: header.hubCode,
          anchor: header.auditHead,
          authentic: backupAnchorAuthentic(header, key)
        })
    } catch {
      // Not a backup, or a damaged one: it anchors nothing (restoring it would say what is wrong).
    }
  }
  return found
}

/**
 * The packages of this hub in the export folders (the export folder and its pseudonymised series).
 * Other hubs' packages (an authority's shared folder) are passed over by their names, unread.
 */
async function anchorsInExportFolders(folders: readonly string[], hubCode: string, pseudonymKey: string | null): Promise<FoundAnchor[]> {
  const key = pseudonymKey ? exportAnchorKey(pseudonymKey) : null
  const found: FoundAnchor[] = []
  for (const series of folders) {
    for (const name of await namesIn(series)) {
      if (hubOfPackageFolder(name) !== hubCode) continue
      try {
        const descriptor = JSON.parse(await readFile(join(series, name, DESCRIPTOR_FILE), 'utf8')) as {
          created?: unknown
          casebook?: { hubCode?: unknown; auditHead?: unknown; auditHeadMac?: unknown }
        }
        const anchor = auditAnchor.safeParse(descriptor.casebook?.auditHead)
        if (!anchor.success || typeof descriptor.created !== 'string' || typeof descriptor.casebook?.hubCode !== 'string') continue
        const facts = { takenAt: descriptor.created, hubCode: descriptor.casebook.hubCode, anchor: anchor.data }
        const authentic = key !== null && anchorMacMatches(key, facts, descriptor.casebook.auditHeadMac)
        found.push({ source: 'export package', name, ...facts, authentic })
      } catch {
        // Being collected, or not a package: it anchors nothing.
      }
    }
  }
  return found
}

/** Where anchors outside the database are kept: the backup folder, and the export folder with its pseudonymised series. */
export interface AnchorPlaces {
  /** Null on a shared database whose config names no backup folder (../audit/handlers anchorPlacesOf). */
  backupFolder: string | null
  exportFolders: readonly string[]
  /** The backup key this machine holds (crypto.ts heldBackupKey): without it no backup file's anchor can be believed. */
  backupKey?: BackupKey | null
}

/** Every anchor there is: the runs' rows in `db`, the backup folder's files, the export folders' packages of this hub. */
export async function findAnchors(db: Db, places: AnchorPlaces, hub: ThisHub): Promise<FoundAnchor[]> {
  const [runs, backups, packages] = await Promise.all([
    anchorsInRuns(db),
    places.backupFolder ? anchorsInBackupFolder(places.backupFolder, places.backupKey ?? null) : [],
    hub.code ? anchorsInExportFolders(places.exportFolders, hub.code, hub.pseudonymKey) : []
  ])
  return [...runs, ...backups, ...packages]
}
