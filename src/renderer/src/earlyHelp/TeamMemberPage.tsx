import type { z } from 'zod'
import { saveTeamMemberInput } from '../../../shared/earlyHelp/team'
import { invoke } from '../api'
import { episodeHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { Loading } from '../components/Page'
import { TextField } from '../components/fields'
import { FamilyFormPage } from '../families/FamilyFormPage'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useEpisode } from './useEpisode'
import { useEffect } from 'react'

interface Values {
  name: string
  agency: string
  role: string
  phone: string
  email: string
}

const BLANK: Values = { name: '', agency: '', role: '', phone: '', email: '' }

/** Adding a professional to the Team Around the Family, or changing their details. */
export function TeamMemberPage({ id, episodeId, memberId }: { id: string; episodeId: string; memberId: string | null }) {
  const { view, episode, error } = useEpisode(id, episodeId)
  const member = memberId ? episode?.team.find((m) => m.id === memberId) : null
  const toInput = (v: Values) => ({ ...v, episodeId, id: member?.id ?? null, version: member?.version ?? null })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof saveTeamMemberInput>(saveTeamMemberInput, BLANK, toInput)
  useEffect(() => {
    if (member) form.reset({ name: member.name, agency: member.agency, role: member.role, phone: member.phone ?? '', email: member.email ?? '' })
  }, [member?.id]) // eslint-disable-line react-hooks/exhaustive-deps
  if (error) return <FamilyNotFound error={error} />
  if (!view || !episode) return <Loading />
  const onValid = async (input: z.output<typeof saveTeamMemberInput>) => {
    const result = await invoke('team.save', input)
    if (result.ok) navigate(episodeHref(id, episodeId, `${input.name} ${member ? 'has been changed' : 'has joined the Team Around the Family'}.`))
    else refused(result.error)
  }
  return (
    <FamilyFormPage
      family={view.family}
      members={view.members.length}
      title={member ? `Change ${member.name}'s details` : 'Add a team member'}
      problemTitle="The team member has not been saved"
      problem={problem}
      errors={errors}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Save team member"
      backHref={episodeHref(id, episodeId)}
      backLabel="Cancel"
    >
      <TextField form={form} name="name" label="Name" autoComplete="off" />
      <TextField form={form} name="role" label="Role" hint="For example, health visitor, school family support worker" />
      <TextField form={form} name="agency" label="Agency" hint="For example, Riverside Health Visiting, Acacia Primary School" />
      <TextField form={form} name="phone" label="Phone number (optional)" type="tel" width={20} />
      <TextField form={form} name="email" label="Email address (optional)" type="email" spellCheck={false} />
    </FamilyFormPage>
  )
}
