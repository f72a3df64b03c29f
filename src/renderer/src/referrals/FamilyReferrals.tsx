// A family's referrals, in and out, on its page; an episode's own (the request that opened it and
// the referrals made from it) on the episode's page. A page at a time; statuses only for reception.
import { useEffect, useState } from 'react'
import type { FamilyReferrals as Referrals } from '../../../shared/referrals/overview'
import { roleMay } from '../../../shared/roles'
import { invoke } from '../api'
import { useAuth } from '../accounts/useAuth'
import { Pages } from '../components/Pages'
import { ReferralsTable } from './ReferralsTable'

export function FamilyReferrals({ familyId, episodeId = null }: { familyId: string; episodeId?: string | null }) {
  const role = useAuth().status?.user?.role
  const allowed = Boolean(role && roleMay(role, 'referrals.log'))
  const [page, setPage] = useState(1)
  const [list, setList] = useState<Referrals | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (!allowed) return
    void invoke('referrals.forFamily', { familyId, episodeId, page }).then((r) => (r.ok ? setList(r.value) : setProblem(r.error.message)))
  }, [allowed, familyId, episodeId, page])
  if (!allowed) return null
  const what = episodeId ? 'this episode' : 'this family'
  const heading = episodeId ? 'Referrals of this episode' : 'Referrals'
  return (
    <section aria-labelledby={`referrals-${episodeId ?? familyId}`}>
      <h2 className="govuk-heading-m" id={`referrals-${episodeId ?? familyId}`}>
        {heading}
      </h2>
      {problem ? (
        <p className="govuk-body">The referrals cannot be shown: {problem}</p>
      ) : !list ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : list.total === 0 ? (
        <p className="govuk-body">No requests for help or referrals for {what}.</p>
      ) : (
        <>
          <p className="govuk-body">
            {list.total} {list.total === 1 ? 'request or referral' : 'requests and referrals'}, newest first.
          </p>
          <ReferralsTable rows={list.rows} caption={`${heading}: requests for help and referrals on`} showFamily={false} />
          <Pages
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
            shown={list.rows.length}
            label={`Pages of ${heading.toLowerCase()}`}
            go={setPage}
          />
        </>
      )}
    </section>
  )
}
