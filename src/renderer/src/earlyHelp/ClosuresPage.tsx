// Managers: the closures waiting for their approval, as a list of its own. Each opens the closure in
// full, where it is approved after a confirmation. The server sorts the whole list.
import { useEffect, useState } from 'react'
import { CLOSURE_REASON } from '../../../shared/codes'
import { formatDate } from '../../../shared/dates'
import type { ClosureAwaiting, ClosureSort, ClosuresAwaiting } from '../../../shared/earlyHelp/closures'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { useSharedChanges } from '../changes/SharedChanges'
import { approveClosureHref } from '../app/router'
import { DataTable, type DataColumn, type TableSort } from '../components/DataTable'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { Pages } from '../components/Pages'
import { FamilyNameText } from '../components/FamilyNameText'

const COLUMNS: DataColumn<ClosureAwaiting>[] = [
  {
    id: 'family',
    header: 'Family',
    sortValue: (r) => r.familyReference,
    cell: (r) => (
      <a className="govuk-link" href={approveClosureHref(r.familyId, r.episodeId)}>
        <FamilyNameText name={r.familyName} />
        <span className="govuk-visually-hidden">: review and approve the closure</span>
      </a>
    )
  },
  { id: 'closedOn', header: 'Date closed', sortValue: (r) => r.closedOn, cell: (r) => formatDate(r.closedOn) },
  { id: 'reason', header: 'Why it is closing', cell: (r) => CLOSURE_REASON.label(r.reason) },
  { id: 'closedBy', header: 'Closed by', cell: (r) => r.closedBy },
  { id: 'lead', header: 'Lead practitioner', sortValue: (r) => r.leadName, cell: (r) => r.leadName },
  { id: 'openedOn', header: 'Opened', sortValue: (r) => r.openedOn, cell: (r) => formatDate(r.openedOn) }
]

export function ClosuresPage() {
  const [query, setQuery] = useState<{ sort: ClosureSort; desc: boolean; page: number }>({ sort: 'closedOn', desc: false, page: 1 })
  const [list, setList] = useState<ClosuresAwaiting | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  // Read again when another desk saves something (a shared database's).
  const changes = useSharedChanges()
  useEffect(() => {
    void invoke('episodes.closuresAwaiting', query).then((r) => (r.ok ? setList(r.value) : setProblem(r.error)))
  }, [query, changes])
  const title = 'Closures to approve'
  if (problem && !list)
    return (
      <Page title={title}>
        <ProblemBanner title="The closures cannot be shown" message={problem.message} />
      </Page>
    )
  if (!list) return <Loading />
  const onSort = (next: TableSort) => setQuery({ sort: next.id as ClosureSort, desc: next.desc, page: 1 })
  return (
    <Page title={title}>
      <p className="govuk-body">
        Early-help episodes a practitioner has closed, waiting for a manager to read and approve the closure. Until then each stays open on the caseload lists.
      </p>
      <p className="govuk-body" role="status">
        {list.total === 0 ? 'No closures are waiting for approval.' : `${list.total} ${list.total === 1 ? 'closure is' : 'closures are'} waiting for approval.`}
      </p>
      {list.closures.length ? (
        <DataTable
          caption={title}
          rows={list.closures}
          columns={COLUMNS}
          rowKey={(r) => r.episodeId}
          serverSort={{ sort: { id: query.sort, desc: query.desc }, onSort }}
        />
      ) : null}
      <Pages
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        shown={list.closures.length}
        label="Pages of closures to approve"
        go={(page) => setQuery((q) => ({ ...q, page }))}
      />
    </Page>
  )
}
