// The package writer's public face: what the export's orchestration calls. Record-type agnostic.
export { PackageError, type PackageErrorCode } from './errors'
export { checkResourceName, type CellValue, type ForeignKeyDefinition, type ResourceDefinition, type Row } from './resource'
export { tableSchemaOf, type FieldType, type TableField, type TableSchema } from './tableSchema'
export { writeCsvFile, type CsvFileResult } from './csvFile'
export { FORMULA_STARTS, neutralise, SPREADSHEET_FOLDER } from './spreadsheetCopy'
export { DESCRIPTOR_FILE, DIALECT, type CasebookMetadata, type CasebookProperty, type DataPackageDescriptor, type ResourceDescriptor } from './datapackage'
export {
  packageFolderName,
  PARTIAL_PREFIX,
  removeStalePartials,
  writePackage,
  type PackageProgress,
  type PackageResource,
  type PackageGroup,
  type WritePackageOptions,
  type WrittenPackage,
  type WrittenPackageFile
} from './packageFolder'
