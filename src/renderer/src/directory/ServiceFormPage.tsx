import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { saveServiceInput, type ServiceRecord } from '../../../shared/directory/schemas'
import { REFERRAL_SOURCE, SERVICE_STATUS, SERVICE_TYPE } from '../../../shared/referrals/codes'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { RadiosField, SelectField, TextareaField, TextField } from '../components/fields'
import { DirectoryFormPage } from './DirectoryFormPage'
import { organisationHref, serviceHref } from './routes'

interface Values {
  name: string
  serviceType: string
  referralSource: string
  description: string
  addressLine1: string
  town: string
  postcode: string
  phone: string
  email: string
  secureEmail: string
  website: string
  minAge: string
  maxAge: string
  status: string
}

const BLANK: Values = {
  name: '',
  serviceType: '',
  referralSource: '',
  description: '',
  addressLine1: '',
  town: '',
  postcode: '',
  phone: '',
  email: '',
  secureEmail: '',
  website: '',
  minAge: '',
  maxAge: '',
  status: 'active'
}

const valuesOf = (s: ServiceRecord): Values => ({
  name: s.name,
  serviceType: s.serviceType,
  referralSource: s.referralSource ?? '',
  description: s.description ?? '',
  addressLine1: s.addressLine1 ?? '',
  town: s.town ?? '',
  postcode: s.postcode ?? '',
  phone: s.phone ?? '',
  email: s.email ?? '',
  secureEmail: s.secureEmail ?? '',
  website: s.website ?? '',
  minAge: s.minAge === null ? '' : String(s.minAge),
  maxAge: s.maxAge === null ? '' : String(s.maxAge),
  status: s.status
})

/**
 * Managers: adding a service to an organisation (organisationId), or changing one (serviceId). A
 * service is never removed: it is made inactive, so that what names it still can.
 */
export function ServiceFormPage(props: { organisationId: string } | { serviceId: string }) {
  const serviceId = 'serviceId' in props ? props.serviceId : null
  const [organisation, setOrganisation] = useState<{ id: string; name: string } | null>(null)
  const [service, setService] = useState<ServiceRecord | null>(null)
  const [loadProblem, setLoadProblem] = useState<AppErrorValue | null>(null)
  const toInput = (v: Values) => ({ ...v, id: service?.id ?? null, version: service?.version ?? null, organisationId: organisation?.id })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof saveServiceInput>(saveServiceInput, BLANK, toInput)
  useEffect(() => {
    if ('serviceId' in props) {
      void invoke('directory.getService', { id: props.serviceId }).then((r) => {
        if (!r.ok) return setLoadProblem(r.error)
        setService(r.value.service)
        setOrganisation({ id: r.value.service.organisationId, name: r.value.service.organisationName })
        form.reset(valuesOf(r.value.service))
      })
    } else {
      void invoke('directory.getOrganisation', { id: props.organisationId }).then((r) =>
        r.ok ? setOrganisation({ id: r.value.organisation.id, name: r.value.organisation.name }) : setLoadProblem(r.error)
      )
    }
  }, [serviceId]) // eslint-disable-line react-hooks/exhaustive-deps
  if (loadProblem)
    return (
      <Page title={serviceId ? 'Change the service' : 'Add a service'}>
        <ProblemBanner title="The service cannot be saved" message={loadProblem.message} />
      </Page>
    )
  if (!organisation || (serviceId && !service)) return <Loading />
  const onValid = async (input: z.output<typeof saveServiceInput>) => {
    const result = await invoke('directory.saveService', input)
    if (!result.ok) return refused(result.error)
    navigate(serviceHref(result.value.id, `${input.name} has been ${service ? 'changed' : 'added to the directory'}.`))
  }
  return (
    <DirectoryFormPage
      title={service ? `Change ${service.name}` : 'Add a service'}
      caption={organisation.name}
      problemTitle="The service has not been saved"
      problem={problem}
      errors={errors}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Save service"
      backHref={service ? serviceHref(service.id) : organisationHref(organisation.id)}
      intro={
        service?.feedId ? (
          <div className="govuk-inset-text">
            It comes from the directory feed: the next import that changes it replaces what you change here, except its kind, referral source code and secure
            email.
          </div>
        ) : null
      }
    >
      <TextField form={form} name="name" label="Name of the service" />
      <SelectField form={form} name="serviceType" label="Kind of service" items={SERVICE_TYPE.items} />
      <SelectField
        form={form}
        name="referralSource"
        label="Referral source code (optional)"
        hint="The national code for a request for help from this service, where one fits: 3B for health visiting, 2A for a school."
        items={REFERRAL_SOURCE.items.map((i) => ({ code: i.code, label: `${i.code}: ${i.label}` }))}
        placeholder="None"
      />
      <TextareaField form={form} name="description" label="What they offer (optional)" rows={5} />
      <TextField form={form} name="addressLine1" label="Address (optional)" hint="The building and street" />
      <TextField form={form} name="town" label="Town or city (optional)" width={20} />
      <TextField form={form} name="postcode" label="Postcode (optional)" width={10} />
      <TextField form={form} name="phone" label="Phone number (optional)" type="tel" width={20} />
      <TextField form={form} name="email" label="Email address (optional)" hint="The one it gives the public" type="email" spellCheck={false} />
      <TextField
        form={form}
        name="secureEmail"
        label="Secure email for referrals (optional)"
        hint="Where the hub sends referrals with a family’s details"
        type="email"
        spellCheck={false}
      />
      <TextField form={form} name="website" label="Website (optional)" hint="Starting with https://" spellCheck={false} />
      <TextField form={form} name="minAge" label="Youngest age it serves (optional)" hint="In whole years: 0 for babies" width={3} inputMode="numeric" />
      <TextField form={form} name="maxAge" label="Oldest age it serves (optional)" hint="In whole years" width={3} inputMode="numeric" />
      <RadiosField
        form={form}
        name="status"
        label="Status"
        hint="Only an active service takes referrals. A service is never removed, as requests and referrals may name it: make it inactive instead."
        items={SERVICE_STATUS.items}
      />
    </DirectoryFormPage>
  )
}
