import { useEffect, useState } from 'react'
import type { HubRecord } from '../../../shared/hub/schemas'
import type { SessionUser } from '../../../shared/accounts/schemas'
import { roleMay, type Permission } from '../../../shared/roles'
import { invoke } from '../api'
import { navigate, useRoute, type Route } from './router'
import { useStickyBarOffset } from './stickyOffset'
import { Loading, Page } from '../components/Page'
import { SkipLink } from '../components/SkipLink'
import { SearchPage } from '../search/SearchPage'
import { RegisterPage } from '../families/RegisterPage'
import { FamilyPage } from '../families/FamilyPage'
import { EditFamilyPage } from '../families/EditFamilyPage'
import { AddMemberPage, EditPersonPage, MovePersonPage } from '../families/PersonPages'
import { ConsentPage } from '../consent/ConsentPage'
import { AccessPage } from '../families/AccessPage'
import { OpenEpisodePage } from '../earlyHelp/OpenEpisodePage'
import { CloseEpisodePage } from '../earlyHelp/CloseEpisodePage'
import { NotePage } from '../earlyHelp/NotePage'
import { ChronologyPage } from '../earlyHelp/ChronologyPage'
import { CaseloadPage } from '../earlyHelp/CaseloadPage'
import { EpisodePage } from '../earlyHelp/EpisodePage'
import { TeamMemberPage } from '../earlyHelp/TeamMemberPage'
import { AssessmentPage } from '../earlyHelp/AssessmentPage'
import { PlanPage } from '../earlyHelp/PlanPage'
import { PlanPrintPage } from '../earlyHelp/PlanPrintPage'
import { DocumentVersionPage } from '../earlyHelp/DocumentVersionPage'
import { ReviewPage } from '../earlyHelp/ReviewPage'
import { ReopenEpisodePage } from '../earlyHelp/ReopenEpisodePage'
import { ApproveClosurePage } from '../earlyHelp/ClosureApprovalPage'
import { ClosuresPage } from '../earlyHelp/ClosuresPage'
import { AuditPage } from '../audit/AuditPage'
import { UsersPage } from '../accounts/UsersPage'
import { ResetPasswordPage } from '../accounts/ResetPasswordPage'
import { EditUserPage } from '../accounts/EditUserPage'
import { ChangePasswordPage } from '../accounts/ChangePasswordPage'
import { HubSettingsPage } from '../hub/HubSettingsPage'
import { DirectoryScreen } from '../directory/DirectoryScreen'
import { isDirectoryRoute } from '../directory/routes'
import { OutboundScreen } from '../referrals/OutboundScreen'
import { RequestsPage } from '../referrals/RequestsPage'
import { ReferralsPage } from '../referrals/ReferralsPage'
import { LogRequestPage } from '../referrals/LogRequestPage'
import { RegisterForRequestPage } from '../referrals/RegisterForRequestPage'
import { RequestPage } from '../referrals/RequestPage'
import { StepUpsPage } from '../referrals/StepUpsPage'
import { StepUpPage } from '../referrals/StepUpPage'
import { StepUpPrintPage } from '../referrals/StepUpPrintPage'
import { StepUpFromEpisodePage } from '../referrals/StepUpFromEpisodePage'
import { ExportPage } from '../export/ExportPage'
import { exportHref } from '../export/routes'
import { BackupsPage } from '../backup/BackupsPage'
import { RestorePage } from '../backup/RestorePage'
import { backupsHref } from '../backup/routes'
import { RestoredNotice, restoredAtStart } from '../backup/restored'
import { RecoveryApp } from '../recovery/RecoveryApp'
import { ReadOnlyBanner } from '../recovery/ReadOnlyBanner'
import { ServerLostBanner } from './ServerLostBanner'
import { SharedChanges } from '../changes/SharedChanges'
import { useRecoveryStatus } from '../recovery/useRecoveryStatus'
import { SetupPage } from '../accounts/SetupPage'
import { SignInPage } from '../accounts/SignInPage'
import { LockScreen, useIdleLock } from '../accounts/IdleLock'
import { AuthContext, useAuth, useAuthState } from '../accounts/useAuth'

/** What each screen needs; the core refuses the calls anyway, this only keeps the screens honest. */
const NEEDS: Partial<Record<Route['name'], Permission>> = {
  search: 'people.search',
  register: 'families.write',
  family: 'families.read',
  editFamily: 'families.write',
  addMember: 'families.write',
  editPerson: 'families.write',
  movePerson: 'families.write',
  recordConsent: 'consent.write',
  audit: 'audit.read',
  users: 'users.manage',
  resetPassword: 'users.manage',
  editUser: 'users.manage',
  hubSettings: 'hub.manage',
  familyAccess: 'families.restrict',
  openEpisode: 'earlyHelp.write',
  closeEpisode: 'earlyHelp.write',
  addNote: 'earlyHelp.write',
  chronology: 'earlyHelp.read',
  caseload: 'earlyHelp.read',
  episode: 'earlyHelp.read',
  teamMember: 'earlyHelp.write',
  assessment: 'earlyHelp.read',
  plan: 'earlyHelp.write',
  printPlan: 'earlyHelp.read',
  documentVersion: 'earlyHelp.read',
  review: 'earlyHelp.write',
  directory: 'directory.read',
  organisations: 'directory.read',
  organisation: 'directory.read',
  service: 'directory.read',
  editOrganisation: 'directory.manage',
  addService: 'directory.manage',
  editService: 'directory.manage',
  directoryImport: 'directory.manage',
  reopenEpisode: 'episodes.manage',
  approveClosure: 'episodes.manage',
  closures: 'episodes.manage',
  requests: 'referrals.log',
  referrals: 'referrals.log',
  logRequest: 'referrals.log',
  registerForRequest: 'families.write',
  referOn: 'referrals.screen',
  outbound: 'referrals.screen',
  printOutbound: 'referrals.screen',
  overrides: 'referrals.oversee',
  request: 'referrals.log',
  stepUps: 'referrals.oversee',
  stepUp: 'referrals.screen',
  printStepUp: 'referrals.screen',
  newStepUp: 'referrals.screen',
  export: 'export.run',
  backups: 'backup.manage',
  restoreBackup: 'backup.manage'
}

function Screen({ route, user }: { route: Route; user: SessionUser }) {
  const needs = route.name === 'caseload' && route.scope === 'all' ? 'episodes.manage' : NEEDS[route.name]
  if (needs && !roleMay(user.role, needs)) {
    return (
      <Page title="You cannot see this page">
        <p className="govuk-body">Your role does not include it. If you need it for your work, ask the hub manager.</p>
      </Page>
    )
  }
  switch (route.name) {
    case 'search':
      return <SearchPage />
    case 'register':
      return <RegisterPage />
    case 'family':
      return (
        <FamilyPage
          key={`${route.id}${route.notice ?? ''}`}
          id={route.id}
          notice={route.notice}
          canAudit={roleMay(user.role, 'audit.read')}
          canEarlyHelp={roleMay(user.role, 'earlyHelp.write')}
          canManageEpisodes={roleMay(user.role, 'episodes.manage')}
        />
      )
    case 'editFamily':
      return <EditFamilyPage key={route.id} id={route.id} />
    case 'addMember':
      return <AddMemberPage key={`${route.id}/${route.kind}`} id={route.id} kind={route.kind} />
    case 'editPerson':
      return <EditPersonPage key={`${route.id}/${route.personId}`} id={route.id} personId={route.personId} />
    case 'movePerson':
      return <MovePersonPage key={`${route.id}/${route.personId}`} id={route.id} personId={route.personId} />
    case 'recordConsent':
      return (
        <ConsentPage
          key={`${route.id}|${route.organisationId ?? ''}`}
          id={route.id}
          organisation={route.organisationId ? { id: route.organisationId, name: route.organisationName ?? '' } : undefined}
          referralId={route.referralId}
        />
      )
    case 'familyAccess':
      return <AccessPage key={route.id} id={route.id} />
    case 'openEpisode':
      return <OpenEpisodePage key={route.id} id={route.id} />
    case 'closeEpisode':
      return <CloseEpisodePage key={route.id} id={route.id} />
    case 'addNote':
      return <NotePage key={route.id} id={route.id} />
    case 'episode':
      return (
        <EpisodePage
          key={`${route.episodeId}${route.notice ?? ''}`}
          id={route.id}
          episodeId={route.episodeId}
          notice={route.notice}
          canWrite={roleMay(user.role, 'earlyHelp.write')}
          canManage={roleMay(user.role, 'episodes.manage')}
        />
      )
    case 'teamMember':
      return (
        <TeamMemberPage key={`${route.id}/${route.episodeId}/${route.memberId ?? 'new'}`} id={route.id} episodeId={route.episodeId} memberId={route.memberId} />
      )
    case 'assessment':
      return <AssessmentPage key={`${route.id}/${route.episodeId}`} id={route.id} episodeId={route.episodeId} />
    case 'plan':
      return <PlanPage key={`${route.id}/${route.episodeId}`} id={route.id} episodeId={route.episodeId} />
    case 'printPlan':
      return <PlanPrintPage key={`${route.id}/${route.episodeId}`} id={route.id} episodeId={route.episodeId} />
    case 'documentVersion':
      return (
        <DocumentVersionPage
          key={`${route.id}/${route.episodeId}/${route.document}/${route.version}`}
          id={route.id}
          episodeId={route.episodeId}
          document={route.document}
          version={route.version}
        />
      )
    case 'review':
      return <ReviewPage key={`${route.id}/${route.episodeId}`} id={route.id} episodeId={route.episodeId} />
    case 'reopenEpisode':
      return <ReopenEpisodePage key={`${route.id}/${route.episodeId}`} id={route.id} episodeId={route.episodeId} />
    case 'approveClosure':
      return <ApproveClosurePage key={`${route.id}/${route.episodeId}`} id={route.id} episodeId={route.episodeId} />
    case 'closures':
      return <ClosuresPage />
    case 'chronology':
      return <ChronologyPage key={`${route.id}${route.notice ?? ''}`} id={route.id} notice={route.notice} />
    case 'audit':
      return <AuditPage key={`${route.familyReference}${route.personId}`} familyReference={route.familyReference} personId={route.personId} />
    case 'users':
      return <UsersPage key={route.notice ?? ''} notice={route.notice} />
    case 'resetPassword':
      return <ResetPasswordPage key={route.userId} userId={route.userId} />
    case 'editUser':
      return <EditUserPage key={route.userId} userId={route.userId} />
    case 'changePassword':
      return <ChangePasswordPage required={false} />
    case 'hubSettings':
      return <HubSettingsPage />
    case 'directory':
    case 'organisations':
    case 'organisation':
    case 'service':
    case 'editOrganisation':
    case 'addService':
    case 'editService':
    case 'directoryImport':
      return <DirectoryScreen route={route} canManage={roleMay(user.role, 'directory.manage')} />
    case 'caseload':
      return <CaseloadPage key={route.scope} scope={route.scope} />
    case 'referrals':
      return <ReferralsPage readsReferrals={roleMay(user.role, 'referrals.screen')} />
    case 'requests':
      return <RequestsPage />
    case 'logRequest':
      return <LogRequestPage key={`${route.familyId ?? ''}${route.notice ?? ''}`} familyId={route.familyId} notice={route.notice} />
    case 'registerForRequest':
      return <RegisterForRequestPage />
    case 'referOn':
    case 'outbound':
    case 'printOutbound':
    case 'overrides':
      return <OutboundScreen route={route} />
    case 'request':
      return (
        <RequestPage
          key={`${route.requestId}${route.notice ?? ''}`}
          requestId={route.requestId}
          notice={route.notice}
          canScreen={roleMay(user.role, 'referrals.screen')}
        />
      )
    case 'stepUps':
      return <StepUpsPage page={route.page} />
    case 'stepUp':
      return <StepUpPage key={`${route.stepUpId}${route.notice ?? ''}`} stepUpId={route.stepUpId} notice={route.notice} />
    case 'printStepUp':
      return <StepUpPrintPage key={route.stepUpId} stepUpId={route.stepUpId} />
    case 'newStepUp':
      return <StepUpFromEpisodePage key={route.episodeId} familyId={route.familyId} episodeId={route.episodeId} />
    case 'export':
      return <ExportPage />
    case 'backups':
      return <BackupsPage />
    case 'restoreBackup':
      return <RestorePage key={route.fileName} fileName={route.fileName} />
    default:
      return (
        <Page title="Page not found">
          <p className="govuk-body">
            <a className="govuk-link" href="#/">
              Go to the start
            </a>
          </p>
        </Page>
      )
  }
}

/** Ctrl+K (or / outside a text box) goes to the search box from anywhere. */
function useSearchShortcut(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)
      if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing)) {
        event.preventDefault()
        if (window.location.hash.replace(/^#\/?/, '') === '') document.getElementById('search')?.focus()
        else navigate('#/')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled])
}

function Header({ hub, user }: { hub: HubRecord | null; user: SessionUser | null }) {
  const { signOut } = useAuth()
  const route = useRoute()
  const link = (href: string, name: Route['name'], text: string) => (
    <li>
      <a className="govuk-link" href={href} aria-current={route.name === name ? 'page' : undefined}>
        {text}
      </a>
    </li>
  )
  return (
    <header className="app-header" role="banner">
      <div className="govuk-width-container app-header__inner">
        <p className="app-header__name">Casebook</p>
        {user ? (
          <nav aria-label="Main">
            <ul className="app-nav">
              {roleMay(user.role, 'people.search') ? link('#/', 'search', 'Find a family') : null}
              {roleMay(user.role, 'families.write') ? link('#/register', 'register', 'Register a family') : null}
              {roleMay(user.role, 'referrals.log') ? link('#/requests', 'requests', 'Requests') : null}
              {roleMay(user.role, 'referrals.log') ? link('#/referrals', 'referrals', 'Referrals') : null}
              {roleMay(user.role, 'referrals.oversee') ? link('#/step-ups', 'stepUps', 'Step-ups') : null}
              {roleMay(user.role, 'earlyHelp.read') ? (
                <li>
                  <a className="govuk-link" href="#/caseload" aria-current={route.name === 'caseload' && route.scope === 'mine' ? 'page' : undefined}>
                    My caseload
                  </a>
                </li>
              ) : null}
              {roleMay(user.role, 'episodes.manage') ? (
                <li>
                  <a className="govuk-link" href="#/episodes" aria-current={route.name === 'caseload' && route.scope === 'all' ? 'page' : undefined}>
                    All open episodes
                  </a>
                </li>
              ) : null}
              {roleMay(user.role, 'episodes.manage') ? link('#/closures', 'closures', 'Closures to approve') : null}
              {roleMay(user.role, 'directory.read') ? (
                <li>
                  <a className="govuk-link" href="#/directory" aria-current={isDirectoryRoute(route) ? 'page' : undefined}>
                    Directory
                  </a>
                </li>
              ) : null}
              {roleMay(user.role, 'audit.read') ? link('#/audit', 'audit', 'Audit trail') : null}
              {roleMay(user.role, 'export.run') ? link(exportHref, 'export', 'Export') : null}
              {roleMay(user.role, 'users.manage') ? link('#/users', 'users', 'Users') : null}
              {roleMay(user.role, 'hub.manage') ? link('#/settings', 'hubSettings', 'Hub settings') : null}
              {roleMay(user.role, 'backup.manage') ? (
                <li>
                  <a className="govuk-link" href={backupsHref} aria-current={route.name === 'backups' || route.name === 'restoreBackup' ? 'page' : undefined}>
                    Backups
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        <div className="app-header__hub">
          {hub ? hub.name : ''}
          {user ? (
            <>
              {' · '}
              <a className="govuk-link app-header__link" href="#/account/password">
                {user.displayName}
              </a>
              {' · '}
              <button type="button" className="app-header__button" onClick={() => void signOut()}>
                Sign out
              </button>
            </>
          ) : null}
        </div>
      </div>
    </header>
  )
}

function SignedInApp({ user, locked, idleLockMinutes }: { user: SessionUser; locked: boolean; idleLockMinutes: number }) {
  const route = useRoute()
  useIdleLock(idleLockMinutes, !locked)
  useStickyBarOffset()
  useSearchShortcut(!locked && roleMay(user.role, 'people.search'))
  // Administrators have no case work: their start page is Users.
  useEffect(() => {
    if (route.name === 'search' && !roleMay(user.role, 'people.search') && roleMay(user.role, 'users.manage')) navigate('#/users')
  }, [route.name, user.role])
  if (user.mustChangePassword) return <ChangePasswordPage required />
  return (
    <SharedChanges listening={!locked}>
      <Screen route={route} user={user} />
    </SharedChanges>
  )
}

/**
 * The window's first question is whether Casebook opened its database as it should: if not, the
 * recovery screen is shown instead of sign-in. A read-only copy of a damaged one carries on as usual,
 * with a banner on every page.
 */
export function App() {
  const recovery = useRecoveryStatus()
  // From a read-only copy, back to the recovery screen (to restore a backup) until it is opened again.
  const [recovering, setRecovering] = useState(false)
  const status = recovery.status
  if (status?.state === 'ok') return <CasebookApp readOnlyCopy={null} />
  if (status?.state === 'readOnlyCopy' && !recovering) return <CasebookApp readOnlyCopy={{ onRecovery: () => setRecovering(true) }} />
  return (
    <RecoveryApp
      recovery={{
        ...recovery,
        opened: (opened) => {
          setRecovering(false)
          recovery.opened(opened)
        }
      }}
    />
  )
}

function CasebookApp({ readOnlyCopy }: { readOnlyCopy: { onRecovery: () => void } | null }) {
  const auth = useAuthState()
  const [hub, setHub] = useState<HubRecord | null>(null)
  const status = auth.status
  const user = status?.user ?? null
  useEffect(() => {
    if (user) void invoke('hub.get', {}).then((r) => r.ok && setHub(r.value))
  }, [user])

  // What a restore left to tell, on the sign-in page it leads to.
  const restored = status && !user ? restoredAtStart() : null
  let content
  if (!status) content = <Loading />
  else if (status.needsSetup) content = <SetupPage />
  else if (!user)
    content = (
      <>
        {restored ? <RestoredNotice restored={restored} /> : null}
        <SignInPage hubName={hub?.name ?? 'Casebook'} signedOutBecause={restored ? null : status.signedOutBecause} />
      </>
    )
  else content = <SignedInApp user={user} locked={status.locked} idleLockMinutes={status.idleLockMinutes} />

  const locked = Boolean(status?.locked && user)
  return (
    <AuthContext.Provider value={auth}>
      {/* While locked, the page stays mounted, so nothing typed is lost, but is neither seen nor reached. */}
      <div className={locked ? 'app-locked-away' : undefined} inert={locked} aria-hidden={locked || undefined}>
        <SkipLink />
        <Header hub={hub} user={user} />
        <div className="govuk-width-container">
          {readOnlyCopy ? <ReadOnlyBanner onRecovery={readOnlyCopy.onRecovery} /> : null}
          <ServerLostBanner />
          <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {content}
          </main>
        </div>
      </div>
      {locked && user ? <LockScreen displayName={user.displayName} username={user.username} /> : null}
    </AuthContext.Provider>
  )
}
