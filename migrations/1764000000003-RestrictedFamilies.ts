import type { MigrationInterface, QueryRunner } from 'typeorm'

// A family can be restricted (a staff member's own family, say): only the users named on it, and
// managers, can open it.
export class RestrictedFamilies1764000000003 implements MigrationInterface {
  name = 'RestrictedFamilies1764000000003'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE family ADD COLUMN restricted boolean NOT NULL DEFAULT false`)
    await q.query(`CREATE TABLE family_access (
      family_id varchar(36) NOT NULL REFERENCES family (id),
      user_id varchar(36) NOT NULL REFERENCES app_user (id),
      PRIMARY KEY (family_id, user_id)
    )`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE family_access`)
    await q.query(`ALTER TABLE family DROP COLUMN restricted`)
  }
}
