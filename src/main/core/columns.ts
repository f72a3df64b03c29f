/** A varchar column with its snake_case name: every entity spells its columns this way. */
export const textColumn = (name: string, length: number, nullable = false) => ({ type: 'varchar', length, name, nullable }) as const
