import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import type { AppErrorValue } from '../../../shared/result'

/** Puts the core's field messages next to their fields; returns false when none belonged to a field. */
export function applyServerErrors<V extends FieldValues>(
  form: UseFormReturn<V, any, any>,
  error: AppErrorValue,
  toFormPath: (p: string) => string = (p) => p
): boolean {
  const entries = Object.entries(error.fields ?? {})
  for (const [path, message] of entries) form.setError(toFormPath(path) as Path<V>, { type: 'server', message })
  return entries.length > 0
}
