// Who may match on a restricted family's details. A user who may not open every restricted family
// (anyone but a manager or a trusted caller) never has a family they may not open looked at by its
// details: searches by date, postcode, NHS number or UPN, duplicate checks and caseload lists leave
// it out in the SQL itself, before anything is matched, so no answer depends on what it holds.

export interface RestrictedViewer {
  userId: string | null
}

/** A condition on the family aliased `family`: not restricted, or restricted with the viewer named on it. */
export function openToViewer(viewer: RestrictedViewer, family: string): { sql: string; params: unknown[] } {
  return {
    sql: `(NOT ${family}.restricted OR EXISTS (SELECT 1 FROM family_access fa WHERE fa.family_id = ${family}.id AND fa.user_id = ? AND fa.revoked_at IS NULL))`,
    params: [viewer.userId ?? '']
  }
}
