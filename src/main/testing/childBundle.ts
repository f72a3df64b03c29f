// A child script built into one file, for the fault tests that start a hundred children (the crash
// test kills one per check): Node loads the core's few hundred modules from one file instead of
// through tsx's loader, which takes a third of the time at each start (measured: about 0.25 s
// against 0.7 s on an idle 2-core machine, and the gap widens as the machine gets busier). Vite, the
// bundler that builds the app's main process, builds it once per test file, the same way: the
// project's own code in the file, its packages left to node_modules (NODE_PATH), double-metaphone
// bundled because it ships only as an ES module.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { build } from 'vite'

const ROOT = resolve(__dirname, '../../..')

export interface ChildBundle {
  /** The built script: start it with startChild like a .ts one. */
  script: string
  dispose(): void
}

export async function bundleChild(script: string): Promise<ChildBundle> {
  const outDir = mkdtempSync(join(tmpdir(), 'casebook-child-'))
  const name = `${basename(script, '.ts')}.cjs`
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: script,
      outDir,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: name } }
    },
    ssr: { external: true, noExternal: ['double-metaphone'] }
  })
  return { script: join(outDir, name), dispose: () => rmSync(outDir, { recursive: true, force: true }) }
}
