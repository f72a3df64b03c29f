// The export's validation report: what the rest of the export uses of this folder.
export { runValidation } from './run'
export { rulesForDocument } from './document'
