// Records name staff by user id. No id means the change was made by Casebook itself or from the
// command line (the audit trail says which): screens show this one label for it.
export const SYSTEM_ACTOR_LABEL = 'Casebook (system)'
