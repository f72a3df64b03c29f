// Opening the SQLite file: pragmas, the SQLite version check, refusing a newer schema, an online
// backup before migrating, then the migrations in one transaction. The SQLite-specific parts of
// opening live here and nowhere else.
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DataSource } from 'typeorm'
import { migrations } from '../../../migrations'
import { AppError } from './errors'
import { HubEntity } from '../hub/entities'
import { DuplicateDecisionEntity, FamilyAccessEntity, FamilyEntity, MembershipEntity, PersonEntity } from '../families/entities'
import { ConsentEntity } from '../consent/entities'
import { AuditEntity } from '../audit/entities'
import { UserEntity } from '../accounts/entities'
import { CaseNoteEntity, EpisodeEntity } from '../earlyHelp/entities'
import { DraftEntity } from '../drafts/entities'
import { AssessmentEntity, FamilyPlanEntity, ReviewEntity, TafMemberEntity } from '../earlyHelp/planEntities'

/** WAL builds before this have a corruption bug (fixed in 3.51.3). */
export const MIN_SQLITE_VERSION = '3.51.3'

export const entities = [
  HubEntity,
  FamilyEntity,
  PersonEntity,
  MembershipEntity,
  DuplicateDecisionEntity,
  ConsentEntity,
  AuditEntity,
  UserEntity,
  FamilyAccessEntity,
  EpisodeEntity,
  CaseNoteEntity,
  DraftEntity,
  TafMemberEntity,
  AssessmentEntity,
  FamilyPlanEntity,
  ReviewEntity
]

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

export interface OpenedDatabase {
  dataSource: DataSource
  /** Where the pre-migration copy was written, when migrations ran on an existing file. */
  backupPath: string | null
  migrated: string[]
}

function dataSourceFor(databasePath: string): DataSource {
  return new DataSource({
    type: 'sqlite',
    database: databasePath,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    enableWAL: true,
    busyTimeout: 5000,
    logging: false
  })
}

/**
 * A second connection for reads. TypeORM's sqlite driver serves every caller through one
 * connection, so a read made while another window's write transaction is open would see that
 * write before it commits, or one that is rolled back. On its own connection (WAL) a read sees
 * only what has been committed. query_only makes sure nothing writes through it.
 */
export async function openReader(databasePath: string): Promise<DataSource> {
  const reader = dataSourceFor(databasePath)
  await reader.initialize()
  await reader.query('PRAGMA query_only = ON')
  return reader
}

export async function openDatabase(databasePath: string, now: () => Date = () => new Date()): Promise<OpenedDatabase> {
  mkdirSync(dirname(databasePath), { recursive: true })
  const dataSource = dataSourceFor(databasePath)
  await dataSource.initialize()
  try {
    await dataSource.query('PRAGMA synchronous = FULL')
    const [{ version }] = (await dataSource.query('SELECT sqlite_version() AS version')) as [{ version: string }]
    if (compareVersions(version, MIN_SQLITE_VERSION) < 0) {
      throw new AppError('UNAVAILABLE', `SQLite ${version} is too old: Casebook needs ${MIN_SQLITE_VERSION} or later.`)
    }
    await refuseNewerSchema(dataSource)
    let backupPath: string | null = null
    const migrated: string[] = []
    if (await dataSource.showMigrations()) {
      if (await hasAppliedMigrations(dataSource)) backupPath = await backup(dataSource, databasePath, now())
      const ran = await dataSource.runMigrations({ transaction: 'all' })
      migrated.push(...ran.map((m) => m.name))
    }
    return { dataSource, backupPath, migrated }
  } catch (error) {
    await dataSource.destroy()
    throw error
  }
}

async function hasAppliedMigrations(dataSource: DataSource): Promise<boolean> {
  const rows = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`)) as unknown[]
  if (rows.length === 0) return false
  const [{ n }] = (await dataSource.query('SELECT count(*) AS n FROM migrations')) as [{ n: number }]
  return n > 0
}

async function refuseNewerSchema(dataSource: DataSource): Promise<void> {
  if (!(await hasAppliedMigrations(dataSource))) return
  const known = new Set(migrations.map((m) => m.name))
  const applied = (await dataSource.query('SELECT name FROM migrations')) as { name: string }[]
  const unknown = applied.map((r) => r.name).filter((n) => !known.has(n))
  if (unknown.length > 0) {
    throw new AppError(
      'UNAVAILABLE',
      `This database was last opened by a newer version of Casebook (it has changes this version does not know: ${unknown.join(', ')}). Install the newer version, or ask IT to restore a backup.`
    )
  }
}

/** An online, consistent copy beside the database (VACUUM INTO), taken before migrating it. */
async function backup(dataSource: DataSource, databasePath: string, at: Date): Promise<string> {
  const stamp = at.toISOString().replace(/[:.]/g, '-')
  let target = `${databasePath}.before-upgrade-${stamp}.sqlite`
  for (let i = 1; existsSync(target); i++) target = `${databasePath}.before-upgrade-${stamp}-${i}.sqlite`
  await dataSource.query('VACUUM INTO ?', [target])
  return target
}
