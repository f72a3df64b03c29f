import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { saveOrganisationInput, type OrganisationRecord } from '../../../shared/directory/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TextareaField, TextField } from '../components/fields'
import { DirectoryFormPage } from './DirectoryFormPage'
import { directoryHref, organisationHref } from './routes'

interface Values {
  name: string
  description: string
  website: string
  email: string
  phone: string
}

const BLANK: Values = { name: '', description: '', website: '', email: '', phone: '' }

/** Managers: adding an organisation to the directory, or changing one. */
export function OrganisationFormPage({ organisationId }: { organisationId: string | null }) {
  const [organisation, setOrganisation] = useState<OrganisationRecord | null>(null)
  const [loadProblem, setLoadProblem] = useState<AppErrorValue | null>(null)
  const toInput = (v: Values) => ({ ...v, id: organisation?.id ?? null, version: organisation?.version ?? null })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof saveOrganisationInput>(saveOrganisationInput, BLANK, toInput)
  useEffect(() => {
    if (!organisationId) return
    void invoke('directory.getOrganisation', { id: organisationId }).then((r) => {
      if (!r.ok) return setLoadProblem(r.error)
      const o = r.value.organisation
      setOrganisation(o)
      form.reset({ name: o.name, description: o.description ?? '', website: o.website ?? '', email: o.email ?? '', phone: o.phone ?? '' })
    })
  }, [organisationId]) // eslint-disable-line react-hooks/exhaustive-deps
  if (loadProblem)
    return (
      <Page title="Change the organisation">
        <ProblemBanner title="The organisation cannot be changed" message={loadProblem.message} />
      </Page>
    )
  if (organisationId && !organisation) return <Loading />
  const onValid = async (input: z.output<typeof saveOrganisationInput>) => {
    const result = await invoke('directory.saveOrganisation', input)
    if (!result.ok) return refused(result.error)
    navigate(organisationHref(result.value.id, { notice: `${input.name} has been ${organisation ? 'changed' : 'added to the directory'}.` }))
  }
  return (
    <DirectoryFormPage
      title={organisation ? `Change ${organisation.name}` : 'Add an organisation'}
      caption="Directory"
      problemTitle="The organisation has not been saved"
      problem={problem}
      errors={errors}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Save organisation"
      backHref={organisation ? organisationHref(organisation.id) : directoryHref()}
      intro={
        organisation?.feedId ? (
          <div className="govuk-inset-text">It comes from the directory feed: the next import that changes it replaces what you change here.</div>
        ) : null
      }
    >
      <TextField form={form} name="name" label="Name" />
      <TextareaField form={form} name="description" label="What they do (optional)" rows={4} />
      <TextField form={form} name="website" label="Website (optional)" hint="Starting with https://" spellCheck={false} />
      <TextField form={form} name="email" label="Email address (optional)" type="email" spellCheck={false} />
      <TextField form={form} name="phone" label="Phone number (optional)" type="tel" width={20} />
    </DirectoryFormPage>
  )
}
