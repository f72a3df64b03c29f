import type { z } from 'zod'
import { saveTeamMemberInput } from '../../../shared/earlyHelp/team'
import { invoke } from '../api'
import { episodeHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TextField } from '../components/fields'
import { FamilyHeader } from '../families/FamilyHeader'
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
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title={member ? `Change ${member.name}'s details` : 'Add a team member'} caption={`Family ${view.family.reference} · Team Around the Family`}>
        {problem ? <ProblemBanner title="The team member has not been saved" message={problem.message} /> : null}
        <ErrorSummary items={errors} focusKey={attempt} />
        <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
          <TextField form={form} name="name" label="Name" autoComplete="off" />
          <TextField form={form} name="role" label="Role" hint="For example, health visitor, school family support worker" />
          <TextField form={form} name="agency" label="Agency" hint="For example, Riverside Health Visiting, Acacia Primary School" />
          <TextField form={form} name="phone" label="Phone number (optional)" type="tel" width={20} />
          <TextField form={form} name="email" label="Email address (optional)" type="email" spellCheck={false} />
          <div className="app-button-row">
            <button type="submit" className="govuk-button">Save team member</button>
            <a className="govuk-link govuk-!-margin-top-2" href={episodeHref(id, episodeId)}>Cancel</a>
          </div>
        </form>
      </Page>
    </>
  )
}
