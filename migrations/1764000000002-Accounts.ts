import type { MigrationInterface, QueryRunner } from 'typeorm'

// Local accounts with roles, and the idle-lock setting on the hub.
export class Accounts1764000000002 implements MigrationInterface {
  name = 'Accounts1764000000002'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE app_user (
      id varchar(36) PRIMARY KEY,
      username varchar(50) NOT NULL UNIQUE,
      display_name varchar(100) NOT NULL,
      role varchar(20) NOT NULL,
      password_hash varchar(200) NOT NULL,
      must_change_password boolean NOT NULL,
      disabled boolean NOT NULL,
      failed_attempts integer NOT NULL,
      locked_until varchar(32),
      last_sign_in_at varchar(32),
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`ALTER TABLE hub ADD COLUMN idle_lock_minutes integer NOT NULL DEFAULT 10`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hub DROP COLUMN idle_lock_minutes`)
    await q.query(`DROP TABLE app_user`)
  }
}
