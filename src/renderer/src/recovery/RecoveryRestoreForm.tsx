// Restoring from the recovery screen: nobody can sign in to a database that cannot be read, so an
// administrator's username and password, as the backup holds them, authorise it (the core checks
// them against the backup before anything is swapped). Then the window starts again at sign-in.
import type { z } from 'zod'
import type { BackupFile } from '../../../shared/backup/schemas'
import { recoveryRestoreInput } from '../../../shared/recovery/schemas'
import { invoke } from '../api'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { TextField } from '../components/fields'
import { startAgainRestored } from '../backup/restored'
import { RestoringStatus } from '../backup/RestoringStatus'

type Values = { username: string; password: string }

export function RecoveryRestoreForm({ backup }: { backup: BackupFile }) {
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof recoveryRestoreInput>(
    recoveryRestoreInput,
    { username: '', password: '' },
    (values) => ({ ...values, fileName: backup.fileName })
  )
  const onValid = async (input: z.output<typeof recoveryRestoreInput>) => {
    const result = await invoke('recovery.restore', input)
    if (result.ok) return startAgainRestored({ takenAt: backup.takenAt, keptAt: result.value.damagedKeptAt })
    form.setValue('password', '')
    // A username and password the backup does not know (or not an administrator's) are the password's problem, told beside it.
    if (!result.error.fields && (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'FORBIDDEN'))
      return refused({ ...result.error, fields: { password: result.error.message } })
    refused(result.error)
  }
  const submitting = form.formState.isSubmitting
  return (
    <>
      {problem ? <ProblemBanner title="The backup was not restored" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <TextField
          form={form}
          name="username"
          label="Administrator’s username"
          hint="An administrator’s account as it was when the backup was taken."
          width={20}
          spellCheck={false}
          autoComplete="username"
        />
        <TextField form={form} name="password" label="Password" type="password" width={20} autoComplete="current-password" />
        <RestoringStatus restoring={submitting} />
        <button type="submit" className="govuk-button" disabled={submitting} aria-disabled={submitting || undefined}>
          Restore this backup
        </button>
      </form>
    </>
  )
}
