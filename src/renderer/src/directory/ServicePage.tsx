import { useEffect, useState } from 'react'
import type { ServiceRecord } from '../../../shared/directory/schemas'
import { formatDate } from '../../../shared/dates'
import { REFERRAL_SOURCE, SERVICE_TYPE } from '../../../shared/referrals/codes'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { addressLines, agesText, StatusTag } from './format'
import { directoryHref, editServiceHref, organisationHref } from './routes'
import { Lines, SummaryRows } from './SummaryRows'

/** One service of the directory: everything a referral or a signpost needs to know about it. */
export function ServicePage({ serviceId, notice, canManage }: { serviceId: string; notice?: string; canManage: boolean }) {
  const [service, setService] = useState<ServiceRecord | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    void invoke('directory.getService', { id: serviceId }).then((r) => (r.ok ? setService(r.value.service) : setProblem(r.error)))
  }, [serviceId])
  if (problem)
    return (
      <Page title="Service">
        <ProblemBanner title="The service cannot be shown" message={problem.message} />
        <p className="govuk-body">
          <a className="govuk-link" href={directoryHref()}>
            Go to the directory
          </a>
        </p>
      </Page>
    )
  if (!service) return <Loading />
  const s = service
  return (
    <Page title={s.name} caption={s.organisationName} focusHeading={!notice}>
      {notice ? <SuccessBanner title={notice} /> : null}
      <SummaryRows
        rows={[
          [
            'Organisation',
            <a className="govuk-link" href={organisationHref(s.organisationId)} key="o">
              {s.organisationName}
            </a>
          ],
          ['Status', <StatusTag status={s.status} key="s" />],
          ['Kind of service', SERVICE_TYPE.label(s.serviceType)],
          ['Referral source code', s.referralSource ? `${s.referralSource}: ${REFERRAL_SOURCE.label(s.referralSource)}` : null],
          ['What they offer', s.description ? <Lines lines={s.description.split('\n')} /> : null],
          ['Ages', agesText(s.minAge, s.maxAge)],
          ['Address', addressLines(s).length ? <Lines lines={addressLines(s)} /> : null],
          ['Phone', s.phone],
          ['Email', s.email],
          ['Secure email for referrals', s.secureEmail],
          ['Website', s.website],
          [
            'Where it comes from',
            s.feedId
              ? `The directory feed${s.feedModifiedAt ? `, last changed there on ${formatDate(s.feedModifiedAt.slice(0, 10))}` : ''}. An import that changes it replaces what is changed here, except its kind, referral source code and secure email.`
              : 'Added by hand'
          ]
        ]}
      />
      {canManage ? (
        <a className="govuk-button govuk-button--secondary" href={editServiceHref(s.id)}>
          Change the service
        </a>
      ) : null}
    </Page>
  )
}
