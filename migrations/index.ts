// Every migration, in the order it runs. Listed by hand: a glob would find nothing once bundled.
import { InitialSchema1764000000000 } from './1764000000000-InitialSchema'
import { SqliteSearchAndAuditGuards1764000000001 } from './1764000000001-SqliteSearchAndAuditGuards'
import { Accounts1764000000002 } from './1764000000002-Accounts'
import { RestrictedFamilies1764000000003 } from './1764000000003-RestrictedFamilies'
import { EarlyHelp1764000000004 } from './1764000000004-EarlyHelp'
import { FamilyPlans1764000000005 } from './1764000000005-FamilyPlans'
import { DocumentHistory1764000000006 } from './1764000000006-DocumentHistory'
import { OneCurrentEpisodeAndIndexes1764000000007 } from './1764000000007-OneCurrentEpisodeAndIndexes'
import { ReferralSettingsAndDirectory1764000000008 } from './1764000000008-ReferralSettingsAndDirectory'
import { RequestsForHelp1764000000009 } from './1764000000009-RequestsForHelp'
import { OutboundReferrals1764000000010 } from './1764000000010-OutboundReferrals'
import { StepUps1764000000011 } from './1764000000011-StepUps'
import { ReferralsScreenIndexes1764000000012 } from './1764000000012-ReferralsScreenIndexes'
import { FamiliesReadyToTravel1764000000013 } from './1764000000013-FamiliesReadyToTravel'
import { EarlyHelpReadyToTravel1764000000014 } from './1764000000014-EarlyHelpReadyToTravel'
import { ExportChangeFeed1764000000015 } from './1764000000015-ExportChangeFeed'
import { BackupsAndAnchors1764000000016 } from './1764000000016-BackupsAndAnchors'
import { SearchHouseholds1764000000017 } from './1764000000017-SearchHouseholds'
import { ContactGapSetting1764000000018 } from './1764000000018-ContactGapSetting'
import { PostgresGuards1764000000019 } from './1764000000019-PostgresGuards'
import { PostgresSearch1764000000020 } from './1764000000020-PostgresSearch'
import { PostgresJsonOrNull1764000000021 } from './1764000000021-PostgresJsonOrNull'
import { OneCurrentMembership1764000000022 } from './1764000000022-OneCurrentMembership'
import { SqliteSearchStarts1764000000023 } from './1764000000023-SqliteSearchStarts'

export const migrations = [
  InitialSchema1764000000000,
  SqliteSearchAndAuditGuards1764000000001,
  Accounts1764000000002,
  RestrictedFamilies1764000000003,
  EarlyHelp1764000000004,
  FamilyPlans1764000000005,
  DocumentHistory1764000000006,
  OneCurrentEpisodeAndIndexes1764000000007,
  ReferralSettingsAndDirectory1764000000008,
  RequestsForHelp1764000000009,
  OutboundReferrals1764000000010,
  StepUps1764000000011,
  ReferralsScreenIndexes1764000000012,
  FamiliesReadyToTravel1764000000013,
  EarlyHelpReadyToTravel1764000000014,
  ExportChangeFeed1764000000015,
  BackupsAndAnchors1764000000016,
  SearchHouseholds1764000000017,
  ContactGapSetting1764000000018,
  PostgresGuards1764000000019,
  PostgresSearch1764000000020,
  PostgresJsonOrNull1764000000021,
  OneCurrentMembership1764000000022,
  SqliteSearchStarts1764000000023
]
