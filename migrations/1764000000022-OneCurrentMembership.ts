import type { MigrationInterface, QueryRunner } from 'typeorm'

// A person belongs to one family at a time: one membership without a leaving time. Moving someone
// closes the old membership and opens the new in one transaction, but until now only that code held
// the rule; the database holds it itself from here, on both engines (a partial unique index, as
// migration 7's one current episode a family). A database that somehow holds two current memberships
// of one person keeps the newest (by when it began, then id) and closes each older one as the newest
// began, so that the index can be built; nothing is deleted (the authority may hold every row).
export class OneCurrentMembership1764000000022 implements MigrationInterface {
  name = 'OneCurrentMembership1764000000022'

  async up(q: QueryRunner): Promise<void> {
    const later = `FROM family_membership later WHERE later.person_id = family_membership.person_id AND later.left_at IS NULL
      AND (later.joined_at > family_membership.joined_at OR (later.joined_at = family_membership.joined_at AND later.id > family_membership.id))`
    await q.query(`UPDATE family_membership SET left_at = (SELECT MAX(later.joined_at) ${later}) WHERE left_at IS NULL AND EXISTS (SELECT 1 ${later})`)
    await q.query(`CREATE UNIQUE INDEX idx_membership_one_current ON family_membership (person_id) WHERE left_at IS NULL`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_membership_one_current`)
  }
}
