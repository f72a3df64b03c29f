import { useCallback, useEffect, useState } from 'react'
import type { FamilyView } from '../../../shared/contract'
import type { EpisodeDetail } from '../../../shared/earlyHelp/schemas'
import type { CodeItem } from '../../../shared/codes'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { personName } from '../families/format'

/** A family and one of its episodes, with everything in it, loaded together for an episode's pages. */
export function useEpisode(familyId: string, episodeId: string) {
  const [view, setView] = useState<FamilyView | null>(null)
  const [episode, setEpisode] = useState<EpisodeDetail | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)
  const reload = useCallback(async () => {
    const [family, found] = await Promise.all([invoke('families.get', { id: familyId }), invoke('episodes.get', { id: episodeId })])
    if (!family.ok) return setError(family.error)
    if (!found.ok) return setError(found.error)
    if (found.value.familyId !== familyId) return setError({ code: 'NOT_FOUND', message: 'That episode belongs to another family.' })
    setView(family.value)
    setEpisode(found.value)
    setError(null)
  }, [familyId, episodeId])
  useEffect(() => {
    void reload()
  }, [reload])
  return { view, episode, error, reload }
}

/**
 * Who can own an action or attend a review: the family's members and the Team Around the Family,
 * keyed as the contract names them ('person:<id>', 'taf:<id>').
 */
export function participants(view: FamilyView, episode: EpisodeDetail): CodeItem[] {
  return [
    ...view.members.filter((m) => m.kind !== 'unborn').map((m) => ({ code: `person:${m.id}`, label: personName(m) })),
    ...episode.team.map((t) => ({ code: `taf:${t.id}`, label: `${t.name} (${t.role}, ${t.agency})` }))
  ]
}

/** The family members an outcome is for, by name: "Grace Okafor, Mohammed Okafor". */
export function memberNames(view: FamilyView): (ids: string[]) => string {
  const names = new Map(view.members.map((m) => [m.id, personName(m)]))
  return (ids) => ids.map((i) => names.get(i) ?? 'a former member').join(', ')
}

export function participantName(items: CodeItem[], key: string): string {
  return items.find((i) => i.code === key)?.label ?? 'Someone no longer in the family or team'
}
