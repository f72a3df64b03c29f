import type { ComponentProps } from 'react'
import { FamilyFormPage } from '../families/FamilyFormPage'
import type { DraftState } from './useDraft'
import { DraftRestored, DraftSaved } from './DraftNotice'
import { Loading } from '../components/Page'

type FormPageProps = ComponentProps<typeof FamilyFormPage>

/**
 * A long form about a family that keeps a draft as it is typed (case note, assessment, plan,
 * review): the draft's notices around the form, and a way back that says the draft is kept.
 */
export function DraftFormPage({
  what,
  draft,
  stale,
  readOnly,
  backLabel,
  ...props
}: Omit<FormPageProps, 'problemTitle' | 'problemSuffix' | 'notice' | 'footer'> & {
  what: string
  draft: DraftState
  /** The record changed since the draft began: saving it would be refused. */
  stale?: boolean
}) {
  if (!draft.ready) return <Loading />
  return (
    <FamilyFormPage
      {...props}
      readOnly={readOnly}
      problemTitle={`The ${what} has not been saved`}
      problemSuffix="What you typed is still here and kept as a draft."
      notice={<DraftRestored draft={draft} what={what} stale={stale} />}
      footer={<DraftSaved draft={draft} />}
      backLabel={readOnly ? backLabel : `${backLabel} (the draft is kept)`}
    />
  )
}
