import type { AppErrorValue } from '../../../shared/result'
import { ProblemBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'

/** What every page about a family shows when the family cannot be loaded. */
export function FamilyNotFound({ error }: { error: AppErrorValue }) {
  return (
    <Page title={error.code === 'FORBIDDEN' ? 'This record is restricted' : 'Family not found'}>
      <ProblemBanner title="This family cannot be shown" message={error.message} />
    </Page>
  )
}
