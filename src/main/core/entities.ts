// Every TypeORM entity the core maps, for both engines' DataSources (./database for SQLite, ./postgres).
import { HubEntity } from '../hub/entities'
import { DuplicateDecisionEntity, FamilyAccessEntity, FamilyEntity, MembershipEntity, PersonDisabilityEntity, PersonEntity } from '../families/entities'
import { ConsentEntity } from '../consent/entities'
import { AuditEntity } from '../audit/entities'
import { UserEntity } from '../accounts/entities'
import { CaseNoteEntity, CaseNotePersonEntity, EpisodeEntity, EpisodeHeadlineEntity } from '../earlyHelp/entities'
import { DraftEntity } from '../drafts/entities'
import {
  AssessmentEntity,
  DocumentVersionEntity,
  FamilyPlanEntity,
  ReviewAttendeeEntity,
  ReviewEntity,
  ReviewTeamAttendeeEntity,
  TafMemberEntity
} from '../earlyHelp/planEntities'
import { OrganisationEntity, ServiceEntity } from '../directory/entities'
import { RequestChildEntity, RequestEntity } from '../referrals/entities'
import { OutboundEntity, OutboundPersonEntity } from '../referrals/outboundEntities'
import { StepUpChildEntity, StepUpEntity } from '../referrals/stepUpEntities'

export const entities = [
  HubEntity,
  FamilyEntity,
  PersonEntity,
  PersonDisabilityEntity,
  MembershipEntity,
  DuplicateDecisionEntity,
  ConsentEntity,
  AuditEntity,
  UserEntity,
  FamilyAccessEntity,
  EpisodeEntity,
  EpisodeHeadlineEntity,
  CaseNoteEntity,
  CaseNotePersonEntity,
  DraftEntity,
  TafMemberEntity,
  AssessmentEntity,
  FamilyPlanEntity,
  ReviewEntity,
  ReviewAttendeeEntity,
  ReviewTeamAttendeeEntity,
  DocumentVersionEntity,
  OrganisationEntity,
  ServiceEntity,
  RequestEntity,
  RequestChildEntity,
  OutboundEntity,
  OutboundPersonEntity,
  StepUpEntity,
  StepUpChildEntity
]
