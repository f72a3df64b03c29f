// The step-ups' screens and their addresses (#/step-ups/...). router.ts joins them to the app's.

export type StepUpRoute =
  | { name: 'stepUps'; page: number }
  | { name: 'stepUp'; stepUpId: string; notice?: string }
  | { name: 'printStepUp'; stepUpId: string }
  | { name: 'newStepUp'; familyId: string; episodeId: string }

/** The route for what follows #/step-ups, or null when it is none of the step-ups'. */
export function parseStepUpRoute(parts: string[], params: URLSearchParams): StepUpRoute | null {
  const [id, action] = parts
  if (parts.length === 0) {
    const page = Number(params.get('page') ?? '1')
    return { name: 'stepUps', page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 }
  }
  if (id === 'new' && parts.length === 1) {
    const familyId = params.get('family')
    const episodeId = params.get('episode')
    return familyId && episodeId ? { name: 'newStepUp', familyId, episodeId } : null
  }
  if (id && parts.length === 1) return { name: 'stepUp', stepUpId: id, notice: params.get('notice') ?? undefined }
  if (id && action === 'print' && parts.length === 2) return { name: 'printStepUp', stepUpId: id }
  return null
}

export const stepUpHref = (id: string, notice?: string) => `#/step-ups/${id}${notice ? `?notice=${encodeURIComponent(notice)}` : ''}`

/** Stepping up from an episode closed (or closing) as stepped up. */
export const newStepUpHref = (familyId: string, episodeId: string) =>
  `#/step-ups/new?family=${encodeURIComponent(familyId)}&episode=${encodeURIComponent(episodeId)}`
