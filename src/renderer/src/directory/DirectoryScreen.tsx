// The directory's screens, by route: App.tsx hands every directory route here.
import { DirectoryPage } from './DirectoryPage'
import { ImportPage } from './ImportPage'
import { OrganisationFormPage } from './OrganisationFormPage'
import { OrganisationPage } from './OrganisationPage'
import { OrganisationsPage } from './OrganisationsPage'
import type { DirectoryRoute } from './routes'
import { ServiceFormPage } from './ServiceFormPage'
import { ServicePage } from './ServicePage'

export function DirectoryScreen({ route, canManage }: { route: DirectoryRoute; canManage: boolean }) {
  switch (route.name) {
    case 'directory':
      return <DirectoryPage key={`${route.text}|${route.serviceType}|${route.all}|${route.page}`} {...route} canManage={canManage} />
    case 'organisations':
      return <OrganisationsPage key={`${route.text}|${route.page}`} text={route.text} page={route.page} canManage={canManage} />
    case 'organisation':
      return (
        <OrganisationPage
          key={`${route.organisationId}|${route.page}|${route.notice ?? ''}`}
          organisationId={route.organisationId}
          page={route.page}
          notice={route.notice}
          canManage={canManage}
        />
      )
    case 'editOrganisation':
      return <OrganisationFormPage key={route.organisationId ?? 'new'} organisationId={route.organisationId} />
    case 'service':
      return <ServicePage key={`${route.serviceId}|${route.notice ?? ''}`} serviceId={route.serviceId} notice={route.notice} canManage={canManage} />
    case 'addService':
      return <ServiceFormPage key={`new|${route.organisationId}`} organisationId={route.organisationId} />
    case 'editService':
      return <ServiceFormPage key={route.serviceId} serviceId={route.serviceId} />
    case 'directoryImport':
      return <ImportPage />
  }
}
