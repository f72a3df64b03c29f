// The directory's screens and their addresses (#/directory/...). router.ts joins them to the app's.

export type DirectoryRoute =
  | { name: 'directory'; text: string; serviceType: string; all: boolean; page: number }
  | { name: 'organisations'; text: string; page: number }
  | { name: 'organisation'; organisationId: string; page: number; notice?: string }
  | { name: 'editOrganisation'; organisationId: string | null }
  | { name: 'service'; serviceId: string; notice?: string }
  | { name: 'addService'; organisationId: string }
  | { name: 'editService'; serviceId: string }
  | { name: 'directoryImport' }

export const DIRECTORY_ROUTES = [
  'directory',
  'organisations',
  'organisation',
  'editOrganisation',
  'service',
  'addService',
  'editService',
  'directoryImport'
] as const

export function isDirectoryRoute(route: { name: string }): route is DirectoryRoute {
  return (DIRECTORY_ROUTES as readonly string[]).includes(route.name)
}

const pageOf = (params: URLSearchParams) => {
  const page = Number(params.get('page') ?? '1')
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1
}
const noticeOf = (params: URLSearchParams) => params.get('notice') ?? undefined

/** The route for what follows #/directory, or null when it is none of the directory's. */
export function parseDirectoryRoute(parts: string[], params: URLSearchParams): DirectoryRoute | null {
  const [first, id, action, more] = parts
  if (parts.length === 0) {
    return { name: 'directory', text: params.get('text') ?? '', serviceType: params.get('type') ?? '', all: params.get('all') === '1', page: pageOf(params) }
  }
  if (first === 'import' && parts.length === 1) return { name: 'directoryImport' }
  if (first === 'organisations') {
    if (!id) return { name: 'organisations', text: params.get('text') ?? '', page: pageOf(params) }
    if (id === 'new' && parts.length === 2) return { name: 'editOrganisation', organisationId: null }
    if (parts.length === 2) return { name: 'organisation', organisationId: id, page: pageOf(params), notice: noticeOf(params) }
    if (action === 'edit' && parts.length === 3) return { name: 'editOrganisation', organisationId: id }
    if (action === 'services' && more === 'new' && parts.length === 4) return { name: 'addService', organisationId: id }
  }
  if (first === 'services' && id) {
    if (parts.length === 2) return { name: 'service', serviceId: id, notice: noticeOf(params) }
    if (action === 'edit' && parts.length === 3) return { name: 'editService', serviceId: id }
  }
  return null
}

const query = (values: Record<string, string | number | boolean | undefined>) => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '' && value !== false) params.set(key, value === true ? '1' : String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}

export const directoryHref = (q: { text?: string; serviceType?: string; all?: boolean; page?: number } = {}) =>
  `#/directory${query({ text: q.text, type: q.serviceType, all: q.all, page: q.page && q.page > 1 ? q.page : undefined })}`
export const organisationsHref = (q: { text?: string; page?: number } = {}) =>
  `#/directory/organisations${query({ text: q.text, page: q.page && q.page > 1 ? q.page : undefined })}`
export const organisationHref = (id: string, q: { page?: number; notice?: string } = {}) =>
  `#/directory/organisations/${id}${query({ page: q.page && q.page > 1 ? q.page : undefined, notice: q.notice })}`
export const serviceHref = (id: string, notice?: string) => `#/directory/services/${id}${query({ notice })}`
export const newOrganisationHref = '#/directory/organisations/new'
export const editOrganisationHref = (id: string) => `#/directory/organisations/${id}/edit`
export const addServiceHref = (organisationId: string) => `#/directory/organisations/${organisationId}/services/new`
export const editServiceHref = (id: string) => `#/directory/services/${id}/edit`
export const importHref = '#/directory/import'
