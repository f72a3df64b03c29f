// The rule table as the format document (docs/export-format.md) and the Export screen list it.
import type { ValidationRuleDoc } from '../../../shared/export/validation'
import { RULES } from './rules'

export function rulesForDocument(): ValidationRuleDoc[] {
  return RULES.map(({ code, severity, recordType, message, description }) => ({ code, severity, recordType, message, description }))
}
