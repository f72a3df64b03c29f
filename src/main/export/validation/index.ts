// The export's validation report: what the rest of the export uses of this folder.
export { runValidation, DEFAULT_PER_RULE_LIMIT, type ValidationOptions } from './run'
export { rulesForDocument } from './document'
