// The first migration runs on an empty file: there is no earlier version to carry data from, so
// this test checks the schema it promises and the rules the database itself keeps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InitialSchema1764000000000 } from './1764000000000-InitialSchema'
import { databaseBefore, refusal, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, consentRow, familyRows, hubRow, membershipRows, personRows } from '../src/main/testing/migrationRows'

let db: MigrationDb
beforeEach(async () => {
  db = await databaseBefore(InitialSchema1764000000000)
})
afterEach(async () => {
  await db.dispose()
})

const names = async (table: string) => (await db.columns(table)).map((c) => c.name)

describe('InitialSchema1764000000000', () => {
  it('runs alone on an empty file and makes the first tables', async () => {
    expect(await db.tables()).toEqual(['migrations'])
    expect(await db.migrate()).toEqual(['InitialSchema1764000000000'])
    expect(await db.tables()).toEqual(['audit_entry', 'consent', 'duplicate_decision', 'family', 'family_membership', 'hub', 'migrations', 'person'])
  })

  it('gives each table the columns the first version wrote', async () => {
    await db.migrate()
    expect(await names('hub')).toEqual(Object.keys(hubRow))
    expect(await names('family')).toEqual(Object.keys(familyRows[0]!))
    expect(await names('person')).toEqual(Object.keys(personRows[0]!))
    expect(await names('family_membership')).toEqual(Object.keys(membershipRows[0]!))
    expect(await names('consent')).toEqual(Object.keys(consentRow))
    expect(await names('duplicate_decision')).toEqual(['id', 'person_id', 'other_person_id', 'decision', 'decided_by', 'decided_at'])
    expect(await names('audit_entry')).toEqual(Object.keys(auditRows[0]!))
    // The audit sequence is the rowid: numbered by the database, in order, never reused.
    expect((await db.columns('audit_entry')).find((c) => c.name === 'seq')).toMatchObject({ type: 'INTEGER', primaryKey: 1 })
  })

  it('indexes what search, the family page and the audit trail look up', async () => {
    await db.migrate()
    const indexed = async (table: string) =>
      (await db.indexes(table)).map((i) => ({ columns: i.columns, unique: i.unique, name: i.origin === 'c' ? i.name : i.origin }))
    expect(await indexed('family')).toEqual(
      expect.arrayContaining([
        { name: 'pk', columns: ['id'], unique: true },
        { name: 'u', columns: ['reference'], unique: true },
        { name: 'idx_family_postcode_key', columns: ['postcode_key'], unique: false }
      ])
    )
    expect(await indexed('person')).toEqual(
      expect.arrayContaining([
        { name: 'idx_person_family', columns: ['family_id'], unique: false },
        { name: 'idx_person_dob', columns: ['date_of_birth'], unique: false },
        { name: 'idx_person_expected', columns: ['expected_date'], unique: false },
        { name: 'idx_person_nhs', columns: ['nhs_number'], unique: false },
        { name: 'idx_person_upn', columns: ['upn'], unique: false }
      ])
    )
    expect(await indexed('family_membership')).toEqual(
      expect.arrayContaining([
        { name: 'idx_membership_person', columns: ['person_id'], unique: false },
        { name: 'idx_membership_family', columns: ['family_id'], unique: false }
      ])
    )
    expect(await indexed('consent')).toContainEqual({ name: 'idx_consent_family', columns: ['family_id'], unique: false })
    expect(await indexed('duplicate_decision')).toContainEqual({ name: 'idx_duplicate_person', columns: ['person_id'], unique: false })
    expect(await indexed('audit_entry')).toEqual([
      { name: 'idx_audit_family', columns: ['family_id'], unique: false },
      { name: 'idx_audit_record', columns: ['record_id'], unique: false }
    ])
  })

  it('ties people, memberships, consents and decisions to rows that exist', async () => {
    await db.migrate()
    expect(await db.foreignKeys('person')).toEqual([{ from: 'family_id', table: 'family', to: 'id' }])
    expect(await db.foreignKeys('family_membership')).toEqual([
      { from: 'family_id', table: 'family', to: 'id' },
      { from: 'person_id', table: 'person', to: 'id' }
    ])
    expect(await db.foreignKeys('consent')).toEqual([
      { from: 'family_id', table: 'family', to: 'id' },
      { from: 'given_by_id', table: 'person', to: 'id' }
    ])
    expect(await db.foreignKeys('duplicate_decision')).toEqual([
      { from: 'other_person_id', table: 'person', to: 'id' },
      { from: 'person_id', table: 'person', to: 'id' }
    ])
    await db.insert('family', familyRows)
    expect(
      await refusal(
        db,
        'INSERT INTO person (id, family_id, kind, family_name, disabilities, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ['no-family-person', 'no-such-family', 'adult', 'Smith', '', '2025-01-01', '2025-01-01', 1]
      )
    ).toMatch(/FOREIGN KEY constraint failed/)
  })

  it('holds the rows the first version wrote, and refuses a second family with the same reference', async () => {
    await db.migrate()
    await db.insert('hub', [hubRow])
    await db.insert('family', familyRows)
    await db.insert('person', personRows)
    await db.insert('family_membership', membershipRows)
    await db.insert('consent', [consentRow])
    await db.insert('audit_entry', auditRows)
    expect(await db.rows('person')).toEqual(personRows)
    expect(await db.rows('audit_entry')).toEqual(auditRows)
    expect(
      await refusal(
        db,
        'INSERT INTO family SELECT ?, reference, address_line1, address_line2, town, postcode, postcode_key, phone, email, main_language, interpreter_needed, heard_about, registered_at, registered_by, updated_at, version FROM family WHERE id = ?',
        ['another-id', familyRows[0]!.id]
      )
    ).toMatch(/UNIQUE constraint failed: family.reference/)
    expect(await refusal(db, 'UPDATE family SET town = NULL WHERE id = ?', [familyRows[0]!.id])).toMatch(/NOT NULL constraint failed: family.town/)
  })
})
