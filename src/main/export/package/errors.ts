// The package writer's refusals, each with a code the export maps to its own message and exit code.
// Messages are for the log and for IT; they name resources, rows and fields, never a record's values
// beyond the one that was refused.
export type PackageErrorCode =
  | 'INVALID_RESOURCE' // a resource definition or its schema cannot be written as a Table Schema (a code fault)
  | 'INVALID_ROW' // a row contradicts its Table Schema: the package would lie about itself
  | 'INVALID_PACKAGE_NAME' // the hub code, sequence or time would not make a safe folder name
  | 'EXPORT_FOLDER_MISSING' // the export folder is not there (a share not mounted?): it is not created
  | 'PACKAGE_EXISTS' // a package of that name is already there: it is never replaced
  | 'ABORTED' // the caller's signal stopped the write

export class PackageError extends Error {
  constructor(
    readonly code: PackageErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'PackageError'
  }
}
