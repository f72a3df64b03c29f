// The audit entries each channel's successful call must write, checked by ../completeness.test.ts:
// a change or a view of a record always, and nothing for calls that touch no one's record. A new
// channel is not done until it has a line here.
import type { Channel } from '../../../shared/contract'
import { backupChannels } from '../../../shared/backup/contract'

/** Entries a successful call must write: "action recordType", in order. */
export const EXPECTED: Record<Channel, string[]> = {
  'auth.status': [],
  'auth.setUp': ['update hub', 'create user', 'sign-in user'],
  'auth.signIn': ['sign-in user'],
  'auth.signOut': ['sign-out user'],
  'auth.lock': [],
  'auth.activity': [],
  'auth.unlock': ['unlock user'],
  'auth.changePassword': ['update user'],
  'users.list': [],
  'users.directory': [],
  'users.create': ['create user'],
  'users.update': ['update user'],
  'users.setDisabled': ['update user'],
  'users.resetPassword': ['update user'],
  'hub.get': [],
  'hub.settings': [],
  'hub.update': ['update hub'],
  // Search answers name, age and address lines, not records; opening one is what is audited.
  'people.search': [],
  'people.checkDuplicates': [],
  'families.register': ['create family', 'create person', 'create person', 'create person', 'create person', 'create person'],
  'families.get': ['view family'],
  'families.update': ['update family'],
  'families.setRestriction': ['update family'],
  'families.addMember': ['create person', 'confirm-not-duplicate person'],
  'people.update': ['update person'],
  'people.move': ['move person'],
  'consent.record': ['create consent'],
  'consent.withdraw': ['withdraw consent'],
  'episodes.leads': [],
  'episodes.open': ['create consent', 'create episode'],
  'episodes.get': ['view episode'],
  'notes.add': ['create case-note'],
  'episodes.mine': [],
  'episodes.allOpen': [],
  'episodes.reallocate': ['update episode'],
  'team.save': ['create taf-member'],
  'team.remove': ['delete taf-member'],
  'assessment.save': ['create assessment'],
  'plan.save': ['create family-plan'],
  'reviews.add': ['create review', 'update family-plan'],
  'plan.savePdf': ['export family-plan'],
  'versions.list': ['view family-plan'],
  'versions.get': ['view family-plan'],
  'episodes.close': ['update episode'],
  'episodes.approveClosure': ['update episode'],
  // A list of which episodes wait, by family name; the closure itself is read (and audited) on the episode.
  'episodes.closuresAwaiting': [],
  'episodes.reopen': ['update episode'],
  'chronology.get': ['view chronology'],
  // Drafts are saved every few seconds while typing; the note they become is what is audited.
  'drafts.save': [],
  'drafts.get': [],
  'drafts.discard': [],
  'audit.verify': [],
  'audit.list': [],
  // A list is not a record; opening one request is.
  'referrals.logRequest': ['create request-for-help'],
  'referrals.listRequests': [],
  'referrals.getRequest': ['view request-for-help'],
  'referrals.screenRequest': ['update request-for-help'],
  'referrals.recordFeedback': ['update request-for-help'],
  // Lists, as the requests list: opening a request (or the family) is what is audited.
  'referrals.overview': [],
  'referrals.forFamily': [],
  // A referral on: made, sent (here on an override, which the update records with its lawful basis), opened, printed and saved as a PDF.
  'referrals.createOutbound': ['create outbound-referral'],
  'referrals.moveOutbound': ['update outbound-referral'],
  'referrals.recordOverride': ['update outbound-referral'],
  'referrals.getOutbound': ['view outbound-referral'],
  'referrals.listOutbound': [],
  'referrals.printOutbound': ['view outbound-referral'],
  'referrals.savePdf': ['export outbound-referral'],
  'referrals.listOverrides': [],
  // A step-up made from an episode; one opened; the manager's list (a list is not a record); social care's
  // acknowledgement; the referral saved as a PDF and a child's census file: each a copy outside Casebook.
  'referrals.stepUpFromEpisode': ['create step-up'],
  'referrals.getStepUp': ['view step-up'],
  'referrals.listStepUps': [],
  'referrals.acknowledgeStepUp': ['update step-up'],
  'referrals.saveStepUpPdf': ['export step-up'],
  'referrals.saveCinFile': ['export step-up'],
  // The directory is about services, not about anyone's record: reading it is not audited, keeping it is.
  'directory.search': [],
  'directory.organisations': [],
  'directory.getOrganisation': [],
  'directory.getService': [],
  'directory.saveOrganisation': ['create directory-organisation'],
  'directory.saveService': ['create directory-service'],
  'directory.feed': [],
  // The fixture file holds one service: its organisation, the service, and the import itself.
  'directory.import': ['create directory-organisation', 'create directory-service', 'create directory-import'],
  'export.overview': [],
  'export.validate': [],
  // Its start, then (the test waits for the run) its end: the package and its files.
  'export.start': ['export export-run', 'export export-run'],
  'export.progress': [],
  'export.history': [],
  'backup.overview': [],
  'backup.list': [],
  // Its start, then (the test waits for the run) its end, with the file's size and checksum.
  'backup.start': ['backup backup-run', 'backup backup-run'],
  'backup.progress': [],
  // Written into the backup before it is swapped in: the restored database's first entry after the backup's own.
  'backup.restore': ['restore database'],
  // The recovery screen's calls are made to a core whose database could not be opened (another file): telling
  // what happened and opening a copy read-only write nothing; the restore's entry is in the restored database.
  'recovery.status': [],
  'recovery.openReadOnly': [],
  'recovery.restore': ['restore database'],
  // Hearing that another desk saved something is neither a view nor a change.
  'changes.wait': []
}

/**
 * What a call answers and writes on each engine. On a hub's shared PostgreSQL database (issue 13) IT
 * backs the server up with its own tools, so every backup channel refuses UNAVAILABLE before it reads
 * a folder or writes anything (../../backup/sharedDatabase.ts): no entry. Every other channel writes
 * the same entries on both engines; the recovery screen's calls are made to a damaged SQLite file's
 * core on either, as a shared database has no file to recover.
 */
export type Engine = 'sqlite' | 'postgres'
export type Expected = { refused: null; written: string[] } | { refused: 'UNAVAILABLE'; written: [] }

const REFUSED_ON_POSTGRES: ReadonlySet<Channel> = new Set(Object.keys(backupChannels) as Channel[])

export function expectedOn(engine: Engine, channel: Channel): Expected {
  if (engine === 'postgres' && REFUSED_ON_POSTGRES.has(channel)) return { refused: 'UNAVAILABLE', written: [] }
  return { refused: null, written: EXPECTED[channel] }
}
