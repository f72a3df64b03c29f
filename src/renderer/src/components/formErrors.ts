// From the contract's zod schema to react-hook-form: the same schema that main validates with
// checks the form, after the form's values are turned into the contract's input.
import { toNestErrors } from '@hookform/resolvers'
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form'
import type { z } from 'zod'

export const fieldId = (path: string) => path.replace(/\./g, '-')

export function contractResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: V) => unknown,
  toFormPath: (contractPath: string) => string = (p) => p
): Resolver<V, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const parsed = schema.safeParse(toInput(values))
    if (parsed.success) return { values: parsed.data, errors: {} }
    return { values: {}, errors: toNestErrors(flatErrors(parsed.error.issues, toFormPath), options) as FieldErrors<V> }
  }
}

function flatErrors(issues: z.core.$ZodIssue[], toFormPath: (p: string) => string): Record<string, FieldError> {
  const flat: Record<string, FieldError> = {}
  for (const issue of issues) {
    const path = toFormPath(issue.path.map(String).join('.'))
    flat[path] ??= { type: issue.code, message: issue.message }
  }
  return flat
}

export interface ErrorItem {
  path: string
  message: string
}

/** Every message in a react-hook-form errors tree, with the field path it belongs to. */
export function listErrors(errors: FieldErrors, prefix = ''): ErrorItem[] {
  const items: ErrorItem[] = []
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'ref') continue
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof (value as FieldError).message === 'string' && (value as FieldError).type !== undefined) {
      items.push({ path: path.replace(/\.root$/, ''), message: (value as FieldError).message as string })
    } else if (typeof value === 'object') {
      items.push(...listErrors(value as FieldErrors, path))
    }
  }
  return items
}

/** The element an error message should take the user to: the field, or a date's Day box. */
export function errorTarget(path: string): HTMLElement | null {
  const id = fieldId(path)
  return document.getElementById(`${id}-day`) ?? document.getElementById(id) ?? document.getElementById(`${id}-0`)
}

/** Errors in the order their fields appear on the page, as the GOV.UK error summary lists them. */
export function inPageOrder(items: ErrorItem[]): ErrorItem[] {
  return [...items].sort((a, b) => {
    const ea = errorTarget(a.path)
    const eb = errorTarget(b.path)
    if (!ea || !eb) return ea ? -1 : eb ? 1 : 0
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
  })
}

/**
 * Says which repeated part of a form each message is about, in the error summary, where the same
 * message could be about any of them ("Child 2: Enter a date of birth"). `list` is the repeated
 * part's path ('members', 'outcomes'); `nameOf` names the part at an index, given the rest of the
 * field's path within it ('actions.0.due'), or answers null to leave the message as it is. The
 * message beside the field needs no name: it sits in the part.
 */
export function namedByPart(items: ErrorItem[], list: string, nameOf: (index: number, rest: string) => string | null): ErrorItem[] {
  const escaped = list.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const part = new RegExp(`^${escaped}\\.(\\d+)(?:\\.(.*))?$`)
  return items.map((item) => {
    const match = part.exec(item.path)
    const name = match ? nameOf(Number(match[1]), match[2] ?? '') : null
    return name ? { ...item, message: `${name}: ${item.message}` } : item
  })
}
