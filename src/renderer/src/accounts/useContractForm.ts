import { useState } from 'react'
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form'
import type { z } from 'zod'
import type { AppErrorValue } from '../../../shared/result'
import { contractResolver, listErrors } from '../components/formErrors'
import { applyServerErrors } from '../families/applyServerErrors'

/**
 * A form validated by a contract schema, with the error summary's focus key and the core's
 * answer put next to its fields (or returned as a problem that belongs to no field).
 */
export function useContractForm<V extends FieldValues, S extends z.ZodType>(schema: S, defaultValues: DefaultValues<V>, toInput: (v: V) => unknown = (v) => v) {
  const form = useForm<V, unknown, z.output<S>>({ resolver: contractResolver(schema, toInput), shouldFocusError: false, defaultValues })
  const [attempt, setAttempt] = useState(0)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  return {
    form,
    attempt,
    problem,
    errors: listErrors(form.formState.errors),
    failed: () => setAttempt((a) => a + 1),
    /** Shows the core's refusal: next to fields when it names them, else as a banner. */
    refused: (error: AppErrorValue) => {
      setProblem(null)
      if (!applyServerErrors(form, error)) setProblem(error)
      setAttempt((a) => a + 1)
    },
    clearProblem: () => setProblem(null)
  }
}
