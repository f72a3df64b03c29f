import type { MigrationInterface, QueryRunner } from 'typeorm'
import { isSqlite } from './dialect'
import { randomUUID } from 'node:crypto'

// Plans and assessments keep their history: every agreed version of a family plan and every
// completed assessment (and each change after completion) is kept as a row of document_version,
// append-only, with the schema version its JSON was written in; the documents themselves say
// which schema version they are in too. The plans and completed assessments already here become
// their first kept version. Dialect-neutral but for the triggers in SQLITE_ONLY below.
export class DocumentHistory1764000000006 implements MigrationInterface {
  name = 'DocumentHistory1764000000006'

  async up(q: QueryRunner): Promise<void> {
    // Everything stored so far is schema version 1 (src/shared/earlyHelp/history.ts).
    await q.query(`ALTER TABLE family_plan ADD COLUMN schema_version integer NOT NULL DEFAULT 1`)
    await q.query(`ALTER TABLE assessment ADD COLUMN schema_version integer NOT NULL DEFAULT 1`)
    await q.query(`CREATE TABLE document_version (
      id varchar(36) PRIMARY KEY,
      document_type varchar(20) NOT NULL,
      document_id varchar(36) NOT NULL,
      episode_id varchar(36) NOT NULL REFERENCES episode (id),
      family_id varchar(36) NOT NULL REFERENCES family (id),
      version integer NOT NULL,
      schema_version integer NOT NULL,
      content text NOT NULL,
      occasion varchar(20) NOT NULL,
      saved_at varchar(32) NOT NULL,
      saved_by varchar(100) NOT NULL,
      saved_by_user_id varchar(36) REFERENCES app_user (id),
      saved_by_name varchar(100) NOT NULL,
      UNIQUE (document_id, version)
    )`)
    await q.query(`CREATE INDEX idx_document_version_family ON document_version (family_id)`)

    // Who last saved each document is on it by username (or a trusted caller's name, with no account).
    const plans = (await q.query(
      `SELECT p.id, p.episode_id, p.family_id, p.version, p.agreed_on, p.outcomes, p.updated_by, p.updated_at, u.id AS user_id, u.display_name
       FROM family_plan p LEFT JOIN app_user u ON u.username = p.updated_by ORDER BY p.created_at`
    )) as (Saved & { agreed_on: string; outcomes: string })[]
    for (const p of plans) {
      await keep(q, 'family-plan', p, { agreedOn: p.agreed_on, outcomes: parsed(p.outcomes, `family plan ${p.id}`) })
    }
    const assessments = (await q.query(
      `SELECT a.id, a.episode_id, a.family_id, a.version, a.started_on, a.completed_on, a.completed_by, a.content, a.updated_by, a.updated_at,
              u.id AS user_id, u.display_name
       FROM assessment a LEFT JOIN app_user u ON u.username = a.updated_by WHERE a.completed_on IS NOT NULL ORDER BY a.created_at`
    )) as (Saved & { started_on: string; completed_on: string; completed_by: string | null; content: string })[]
    for (const a of assessments) {
      const content = parsed(a.content, `assessment ${a.id}`) as Record<string, unknown>
      await keep(q, 'assessment', a, { startedOn: a.started_on, completedOn: a.completed_on, completedBy: a.completed_by, ...content })
    }

    if (isSqlite(q)) for (const statement of SQLITE_ONLY.up) await q.query(statement)
  }

  async down(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) for (const statement of SQLITE_ONLY.down) await q.query(statement)
    await q.query(`DROP TABLE document_version`)
    await q.query(`ALTER TABLE assessment DROP COLUMN schema_version`)
    await q.query(`ALTER TABLE family_plan DROP COLUMN schema_version`)
  }
}

/**
 * SQLite only: the triggers that make kept versions append-only, as the audit trail's are
 * (1764000000001). Run only on SQLite, so that this migration (which also moves data) builds a
 * PostgreSQL database too; PostgreSQL's own guard (a trigger function raising an exception, or
 * UPDATE and DELETE revoked from the app's role) goes beside it when that dialect arrives.
 */

const SQLITE_ONLY = {
  up: [
    `CREATE TRIGGER document_version_no_update BEFORE UPDATE ON document_version
      BEGIN SELECT RAISE(ABORT, 'kept versions of plans and assessments cannot be changed'); END`,
    `CREATE TRIGGER document_version_no_delete BEFORE DELETE ON document_version
      BEGIN SELECT RAISE(ABORT, 'kept versions of plans and assessments cannot be deleted'); END`
  ],
  down: [`DROP TRIGGER document_version_no_delete`, `DROP TRIGGER document_version_no_update`]
}

interface Saved {
  id: string
  episode_id: string
  family_id: string
  version: number
  updated_by: string
  updated_at: string
  user_id: string | null
  display_name: string | null
}

/** The document's JSON as it was written; a damaged one stops the upgrade, which leaves the file as it was. */
function parsed(json: string, what: string): unknown {
  try {
    return JSON.parse(json)
  } catch {
    throw new Error(
      `The ${what} is damaged (its JSON cannot be read), so its history cannot be started. Nothing has been changed: ask IT to check the database.`
    )
  }
}

async function keep(q: QueryRunner, documentType: 'family-plan' | 'assessment', row: Saved, document: object): Promise<void> {
  // Named parameters, turned into the driver's own placeholders, keep the statement dialect-neutral.
  const [sql, parameters] = q.connection.driver.escapeQueryWithParameters(
    `INSERT INTO document_version (id, document_type, document_id, episode_id, family_id, version, schema_version, content, occasion,
       saved_at, saved_by, saved_by_user_id, saved_by_name)
     VALUES (:id, :documentType, :documentId, :episodeId, :familyId, :version, 1, :content, 'upgrade', :savedAt, :savedBy, :userId, :name)`,
    {
      id: randomUUID(),
      documentType,
      documentId: row.id,
      episodeId: row.episode_id,
      familyId: row.family_id,
      version: row.version,
      content: JSON.stringify(document),
      savedAt: row.updated_at,
      savedBy: row.updated_by,
      userId: row.user_id,
      name: row.display_name ?? row.updated_by
    },
    {}
  )
  await q.query(sql, parameters)
}
