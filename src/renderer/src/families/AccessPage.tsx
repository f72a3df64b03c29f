import { useEffect, useState } from 'react'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { ToggleCheckbox } from '../components/fields'
import { roleLabel } from '../accounts/roleNames'
import { FamilyHeader } from './FamilyHeader'
import { FamilyNotFound } from './FamilyNotFound'
import { useFamily } from './useFamily'

/** A manager: restrict a family to the people named (managers can always open it), or lift it. */
export function AccessPage({ id }: { id: string }) {
  const { view, error } = useFamily(id)
  const [users, setUsers] = useState<{ id: string; displayName: string; role: string }[] | null>(null)
  const [restricted, setRestricted] = useState(false)
  const [allowed, setAllowed] = useState<string[]>([])
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    void invoke('users.directory', {}).then((r) =>
      r.ok ? setUsers(r.value.users.filter((u) => u.role !== 'manager' && u.role !== 'admin')) : setProblem(r.error)
    )
  }, [])
  useEffect(() => {
    if (view) {
      setRestricted(view.family.restricted)
      setAllowed(view.allowedUsers.map((u) => u.id))
    }
  }, [view])
  if (error) return <FamilyNotFound error={error} />
  if (!view || !users) return <Loading />
  const save = async () => {
    const result = await invoke('families.setRestriction', { id, version: view.family.version, restricted, allowedUserIds: restricted ? allowed : [] })
    if (result.ok) navigate(familyHref(id, restricted ? 'The record is now restricted.' : 'The record is no longer restricted.'))
    else setProblem(result.error)
  }
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Who can open this record" caption={view.family.name}>
        {problem ? <ProblemBanner title="The change has not been saved" message={problem.message} /> : null}
        <p className="govuk-body">
          Restrict a family's record when it should be seen by as few people as possible, for example a member of staff's own family. Everyone else can still
          find that it exists, by name and reference, so that nobody registers them again.
        </p>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <ToggleCheckbox id="restricted" label="Restrict this record" checked={restricted} onChange={setRestricted} />
          </div>
        </div>
        {restricted ? (
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset" aria-describedby="allowed-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Who else can open it</legend>
              <div id="allowed-hint" className="govuk-hint">
                Hub managers always can.
              </div>
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {users.map((u) => (
                  <ToggleCheckbox
                    key={u.id}
                    id={`allowed-${u.id}`}
                    label={`${u.displayName} (${roleLabel(u.role)})`}
                    checked={allowed.includes(u.id)}
                    onChange={(on) => setAllowed((a) => (on ? [...a, u.id] : a.filter((x) => x !== u.id)))}
                  />
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}
        <div className="app-button-row">
          <button type="button" className="govuk-button" onClick={save}>
            Save
          </button>
          <a className="govuk-link govuk-!-margin-top-2" href={familyHref(id)}>
            Cancel
          </a>
        </div>
      </Page>
    </>
  )
}
