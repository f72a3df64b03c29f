// A full disk, as far as SQLite can tell: the write connection may not add one more page to the
// file, so a write that needs a new page fails with SQLITE_FULL, as it would on a full disk.
import type { Casebook } from '../../src/main/core/casebook'

export async function fillTheDisk(casebook: Casebook): Promise<void> {
  await casebook.core.writes.run(async (manager) => {
    const [{ free }] = await manager.query('SELECT freelist_count AS free FROM pragma_freelist_count')
    // Free pages inside the file would take a write without the file growing.
    if (free > 0) throw new Error(`The database has ${free} free pages: the disk cannot be filled this way`)
    const [{ pages }] = await manager.query('SELECT page_count AS pages FROM pragma_page_count')
    await manager.query(`PRAGMA max_page_count = ${Number(pages)}`)
  })
}

export async function makeSpace(casebook: Casebook): Promise<void> {
  await casebook.core.writes.run((manager) => manager.query('PRAGMA max_page_count = 1073741823'))
}
