// The caseload lists' columns: what each shows (overdue, due within the week, a long gap since the
// last contact, in words and not colour alone) and what it sorts by.
import type { CaseloadRow } from '../../../shared/earlyHelp/schemas'
import { DUE_SOON_DAYS } from '../../../shared/earlyHelp/schemas'
import { formatDate } from '../../../shared/dates'
import { episodeHref } from '../app/router'
import type { DataColumn } from '../components/DataTable'
import { DueDate } from './PlanSection'
import { FamilyNameText } from '../components/FamilyNameText'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export const DUE_SOON_LABEL = `Due within ${DUE_SOON_DAYS} days`

function Tag({ colour, children }: { colour: 'red' | 'yellow' | 'orange'; children: string }) {
  return <strong className={`govuk-tag govuk-tag--${colour} app-list-tag`}>{children}</strong>
}

export const familyColumn: DataColumn<CaseloadRow> = {
  id: 'family',
  header: 'Family',
  sortValue: (r) => r.familyName,
  cell: (r) => (
    <a className="govuk-link" href={episodeHref(r.familyId, r.episodeId)}>
      <FamilyNameText name={r.familyName} />
    </a>
  )
}

const statusColumn: DataColumn<CaseloadRow> = {
  id: 'status',
  header: 'Status',
  // Waiting for approval it is still open: said in words, never shown as closed.
  cell: (r) => (r.status === 'closing' ? <Tag colour="yellow">Closure awaiting approval</Tag> : 'Open')
}

const openedColumn: DataColumn<CaseloadRow> = { id: 'opened', header: 'Opened', sortValue: (r) => r.openedOn, cell: (r) => formatDate(r.openedOn) }

const daysOpenColumn: DataColumn<CaseloadRow> = {
  id: 'daysOpen',
  header: 'Days open',
  numeric: true,
  descFirst: true,
  sortValue: (r) => r.daysOpen,
  cell: (r) => r.daysOpen
}

const lastContactColumn: DataColumn<CaseloadRow> = {
  id: 'lastContact',
  header: 'Last contact',
  sortValue: (r) => r.lastContactAt,
  cell: (r) => (
    <>
      {r.lastContactAt ? formatDate(r.lastContactAt.slice(0, 10)) : 'None yet'}
      {r.longGap ? (
        <>
          {' '}
          <Tag colour="orange">{`No contact for ${plural(r.daysSinceContact, 'day')}`}</Tag>
        </>
      ) : null}
    </>
  )
}

const nextReviewColumn: DataColumn<CaseloadRow> = {
  id: 'nextReview',
  header: 'Next review',
  sortValue: (r) => r.nextReviewOn,
  cell: (r) =>
    r.nextReviewOn ? (
      <>
        <DueDate iso={r.nextReviewOn} late={r.reviewOverdue} />
        {r.reviewDueSoon ? (
          <>
            {' '}
            <Tag colour="yellow">{DUE_SOON_LABEL}</Tag>
          </>
        ) : null}
      </>
    ) : (
      'No plan yet'
    )
}

/** Actions overdue and due soon, as counts in words. Sorted by urgency only where the whole list is here (My caseload). */
const actionsColumn = (sortable: boolean): DataColumn<CaseloadRow> => ({
  id: 'actions',
  header: 'Actions',
  sortValue: sortable ? (r) => r.overdueActions * 1000 + r.actionsDueSoon : undefined,
  descFirst: true,
  cell: (r) =>
    r.overdueActions || r.actionsDueSoon ? (
      <>
        {r.overdueActions ? <Tag colour="red">{`${r.overdueActions} overdue`}</Tag> : null}
        {r.overdueActions && r.actionsDueSoon ? ' ' : null}
        {r.actionsDueSoon ? <Tag colour="yellow">{`${r.actionsDueSoon} due within ${DUE_SOON_DAYS} days`}</Tag> : null}
      </>
    ) : (
      'None due'
    )
})

const notesColumn: DataColumn<CaseloadRow> = { id: 'notes', header: 'Notes', numeric: true, descFirst: true, sortValue: (r) => r.notes, cell: (r) => r.notes }

export const leadColumn: DataColumn<CaseloadRow> = { id: 'lead', header: 'Lead', sortValue: (r) => r.leadName, cell: (r) => r.leadName }

/** My caseload: the whole list is here, so every column sorts in the table itself. */
export const MINE_COLUMNS: DataColumn<CaseloadRow>[] = [
  familyColumn,
  statusColumn,
  openedColumn,
  daysOpenColumn,
  lastContactColumn,
  nextReviewColumn,
  actionsColumn(true),
  notesColumn
]

/** All open episodes, sorted by the server (CASELOAD_SORTS): the lead column is the page's own, with its reallocation. */
export const allColumns = (lead: DataColumn<CaseloadRow>): DataColumn<CaseloadRow>[] => [
  familyColumn,
  statusColumn,
  openedColumn,
  daysOpenColumn,
  lastContactColumn,
  nextReviewColumn,
  actionsColumn(false),
  notesColumn,
  lead
]
