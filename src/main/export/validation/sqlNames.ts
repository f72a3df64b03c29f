// The names a dialect puts into a rule's SQL as they are (a column, a JSON key): checked, since they
// are spliced in rather than passed as parameters.
const COLUMN = /^[a-z_][a-z0-9_.]*$/i

export function column(name: string): string {
  if (!COLUMN.test(name)) throw new Error(`Not a column: ${name}`)
  return name
}

export function jsonKey(key: string): string {
  if (!/^[a-z][a-z0-9]*$/i.test(key)) throw new Error(`Not a key: ${key}`)
  return key
}
