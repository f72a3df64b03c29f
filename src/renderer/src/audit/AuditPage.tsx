import { useCallback, useEffect, useState } from 'react'
import type { z } from 'zod'
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditListInput, type AuditEntry, type AuditVerification } from '../../../shared/audit/schemas'
import { datePartsToValue, EMPTY_DATE_PARTS, formatDate, type DateParts } from '../../../shared/dates'
import { invoke } from '../api'
import { familyHref } from '../app/router'
import { ErrorSummary, ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'
import { DataTable, type DataColumn } from '../components/DataTable'
import { DateField, SelectField, TextField } from '../components/fields'
import { useContractForm } from '../accounts/useContractForm'

interface FilterValues {
  familyReference: string
  actor: string
  action: string
  from: DateParts
  to: DateParts
}

const ACTIONS = AUDIT_ACTIONS.map((code) => ({ code, label: AUDIT_ACTION_LABELS[code] }))
type Filter = z.output<typeof auditListInput>

function describeChanges(entry: AuditEntry): string {
  if (!entry.changes) return ''
  return (
    Object.entries(entry.changes)
      // A new record lists only what was filled in.
      .filter(([, value]) => value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
      .map(([field, value]) => {
        if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
          const v = value as { from: unknown; to: unknown }
          return `${field}: ${JSON.stringify(v.from)} → ${JSON.stringify(v.to)}`
        }
        return `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`
      })
      .join('; ')
  )
}

const when = (iso: string) =>
  `${formatDate(iso.slice(0, 10))} ${new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`

/**
 * The trail sorts by time, in the query, by its sequence: the order the entries were written, so
 * entries of the same moment keep theirs. Newest or oldest first covers the whole trail and "Show
 * older/newer entries" carries on from there; the rest is filtered.
 */
const COLUMNS: DataColumn<AuditEntry>[] = [
  { id: 'when', header: 'When', sortValue: (e) => e.seq, cell: (e) => <span className="app-nowrap">{when(e.at)}</span> },
  { id: 'who', header: 'Who', cell: (e) => e.actor },
  { id: 'what', header: 'What', cell: (e) => AUDIT_ACTION_LABELS[e.action as keyof typeof AUDIT_ACTION_LABELS] ?? e.action },
  {
    id: 'record',
    header: 'Record',
    cell: (e) => (
      <>
        {e.recordType}
        {e.familyId && e.familyReference ? (
          <>
            {' '}
            in{' '}
            <a className="govuk-link app-nowrap" href={familyHref(e.familyId)}>
              {e.familyReference}
            </a>
          </>
        ) : null}
        {e.recordType === 'channel' ? ` ${e.recordId}` : ''}
      </>
    )
  },
  { id: 'details', header: 'Details', cell: (e) => <span className="govuk-body-s">{describeChanges(e)}</span> }
]

/** Managers: who looked at or changed what, and whether the trail is intact. */
export function AuditPage({ familyReference, personId }: { familyReference?: string; personId?: string }) {
  const initial: FilterValues = { familyReference: familyReference ?? '', actor: '', action: '', from: { ...EMPTY_DATE_PARTS }, to: { ...EMPTY_DATE_PARTS } }
  // New filters keep the order chosen with the When heading.
  const toInput = (v: FilterValues) => ({
    ...v,
    personId: personId ?? null,
    from: datePartsToValue(v.from) ?? null,
    to: datePartsToValue(v.to) ?? null,
    oldestFirst: filter?.oldestFirst ?? false
  })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<FilterValues, typeof auditListInput>(auditListInput, initial, toInput)
  const [filter, setFilter] = useState<Filter | null>(null)
  const [entries, setEntries] = useState<AuditEntry[]>([])
  const [more, setMore] = useState(false)
  const [verification, setVerification] = useState<AuditVerification | null>(null)

  const load = useCallback(
    async (next: Filter, append: boolean) => {
      const result = await invoke('audit.list', next)
      if (!result.ok) return refused(result.error)
      setFilter(next)
      setEntries((current) => (append ? [...current, ...result.value.entries] : result.value.entries))
      setMore(result.value.more)
    },
    [refused]
  )

  useEffect(() => {
    void form.handleSubmit((f) => load(f, false))()
    // Once, with the filters the page was opened with.
  }, []) // eslint-disable-line react-hooks/exhaustive-deps

  const verify = async () => {
    const result = await invoke('audit.verify', {})
    if (result.ok) setVerification(result.value)
    else refused(result.error)
  }

  return (
    <Page title="Audit trail">
      {verification?.intact ? (
        <SuccessBanner title={`The audit trail is intact: ${verification.entries} entries checked.`}>
          {verification.anchor ? (
            <p className="govuk-body">Its end matches what {verification.anchor.description} recorded, so no entries have been removed from the end since.</p>
          ) : null}
        </SuccessBanner>
      ) : null}
      {verification && !verification.intact ? (
        <ProblemBanner title="The audit trail has been tampered with" message={verification.problem?.message ?? ''} />
      ) : null}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={verify}>
        Verify audit trail
      </button>
      {problem ? <ProblemBanner title="The audit trail cannot be shown" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit((f) => load(f, false), failed)}>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">Filter</h2>
          </legend>
          {personId ? (
            <p className="govuk-inset-text">
              Showing one person's entries.{' '}
              <a className="govuk-link" href="#/audit">
                Show everyone's
              </a>
            </p>
          ) : null}
          <TextField form={form} name="familyReference" label="Family reference" width={10} />
          <TextField form={form} name="actor" label="User" hint="Their username" width={20} spellCheck={false} />
          <SelectField form={form} name="action" label="Action" items={ACTIONS} placeholder="Any action" />
          <DateField form={form} name="from" label="From" hint="For example, 1 11 2026" />
          <DateField form={form} name="to" label="To" hint="For example, 30 11 2026" />
        </fieldset>
        <button type="submit" className="govuk-button">
          Apply filters
        </button>
      </form>
      {entries.length === 0 ? (
        <p className="govuk-body" role="status">
          No entries match these filters.
        </p>
      ) : (
        <DataTable
          caption={`Entries, ${filter?.oldestFirst ? 'oldest' : 'newest'} first`}
          captionVisible
          rows={entries}
          columns={COLUMNS}
          rowKey={(e) => String(e.seq)}
          serverSort={{
            sort: { id: 'when', desc: !filter?.oldestFirst },
            onSort: (next) => filter && void load({ ...filter, oldestFirst: !next.desc, beforeSeq: null, afterSeq: null }, false)
          }}
        />
      )}
      {more && filter ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() =>
            load(filter.oldestFirst ? { ...filter, afterSeq: entries.at(-1)?.seq ?? null } : { ...filter, beforeSeq: entries.at(-1)?.seq ?? null }, true)
          }
        >
          {filter.oldestFirst ? 'Show newer entries' : 'Show older entries'}
        </button>
      ) : null}
    </Page>
  )
}
