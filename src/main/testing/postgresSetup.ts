// The PostgreSQL project's setup file (vitest.config.mts), run in each of its test processes: hands
// ./postgresDatabase the server ./postgresGlobalSetup started, so tempCasebook opens PostgreSQL.
import { inject } from 'vitest'
import { useTestPostgres } from './postgresDatabase'

// inject's key type comes from vitest's ProvidedContext, which vitest 4 re-exports under another name,
// so this TypeScript set-up cannot extend it: the key is the one ./postgresGlobalSetup provides.
const url = (inject as (key: string) => string | undefined)('postgresAdminUrl')
if (!url) throw new Error('The PostgreSQL project started without its server: see src/main/testing/postgresGlobalSetup.ts.')
useTestPostgres(url)
